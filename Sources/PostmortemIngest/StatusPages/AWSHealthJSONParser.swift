import Foundation
import PostmortemTimeline

/// Reads the legacy AWS Service Health Dashboard `data.json` (served about 2013 to 2023):
/// `{"current": [...], "archive": [...]}`, each entry with `service` (`ec2-us-east-1`),
/// `service_name`, `summary`, `date` (a Unix-epoch string), `status` (an integer in older
/// entries, a string in newer ones) and `description`, HTML with one
/// `<div><span class="yellowfg"> 8:49 AM PST</span>&nbsp;text</div>` per update, oldest first.
///
/// Update times are Pacific wall-clock text with a literal PST/PDT label and usually no date:
/// the first dateless update takes the local date (the `date` field's, or the day either side)
/// that puts it nearest the `date` instant; each later one takes the previous update's date,
/// plus a day when the clock would otherwise go backwards. A span with `May 10,` names its day;
/// its year is the one that lands nearest the previous update. Resolved markers (`[RESOLVED]`,
/// `[已解決]`, `[已解决]`, `[解決済み]`) are taken out of the title and make the status
/// `resolved`; an entry still in `current` is `open`, one in `archive` without a marker
/// `archived`. The identity is the service code and the first update's instant, so the same
/// event listed twice (or in `current` then in `archive`) is one incident.
public struct AWSHealthJSONParser: IncidentParser {
    public static let format = SourceFormat.awsHealthJSON

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        input.looksLikeJSON(holding: "\"archive\"") && input.containsBytes("\"current\"")
            && (input.containsBytes("\"service_name\"") || input.bytes.count < 4096)
    }

    /// The dashboard legend: 0 operating normally, 1 informational, 2 performance issues, 3 disruption.
    static let impacts = ["none", "informational", "degraded", "disruption"]
    static let resolvedMarkers = ["[RESOLVED]", "[已解決]", "[已解决]", "[解決済み]"]

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        var source = try JSONSource(input)
        guard let top = source.root as? [String: Any], top["current"] != nil || top["archive"] != nil else {
            throw .noTimeline(file: input.path, expected: "an object with 'current' and 'archive' lists")
        }
        var incidents: [Incident] = []
        var warnings: [ParseWarning] = []
        for section in ["current", "archive"] {
            for entry in JSONSource.objects(top, section) {
                let place = source.location(ofObjectWithID: JSONSource.string(entry, "date"))
                switch Self.incident(entry, section: section, place: place, file: input.path) {
                case .read(let incident, let notes):
                    incidents.append(incident)
                    warnings += notes
                case .skipped(let reason):
                    warnings.append(ParseWarning(location: place, message: reason))
                }
            }
        }
        if incidents.isEmpty, !warnings.isEmpty {
            throw .noTimeline(file: input.path, expected: "entries whose description holds <span class=\"yellowfg\"> update times")
        }
        return IngestResult(incidents: incidents, warnings: warnings)
    }

    enum EntryReading {
        case read(Incident, warnings: [ParseWarning])
        case skipped(String)
    }

    static func incident(_ entry: [String: Any], section: String, place: SourceLocation, file: String) -> EntryReading {
        let summary = TextFolding.fold(JSONSource.string(entry, "summary") ?? "")
        let (title, resolved) = Self.title(summary)
        let shownTitle = title.isEmpty ? "(untitled event)" : title
        guard let dateText = JSONSource.string(entry, "date") ?? (entry["date"] as? NSNumber)?.stringValue,
            let epoch = Int64(dateText.trimmingCharacters(in: .whitespaces))
        else {
            return .skipped("skipped event '\(shownTitle)': its 'date' is not a Unix time")
        }
        let posted = Instant(secondsSinceEpoch: epoch)
        let code = JSONSource.string(entry, "service") ?? ""
        let (service, region) = Self.split(serviceCode: code)
        let serviceName = JSONSource.string(entry, "service_name").map { Self.serviceName($0) }
        var warnings: [ParseWarning] = []
        var events: [TimelineEvent] = []
        let updates = Self.updates(in: JSONSource.string(entry, "description") ?? "", file: file)
        var resolver = PacificDateResolver(posted: posted)
        for (index, update) in updates.enumerated() {
            guard let (stamp, _) = TimeStampScanner.scanPrefix(update.stamp), stamp.problem == nil else {
                warnings.append(ParseWarning(location: place, message: "skipped update \(index + 1) of '\(shownTitle)': '\(update.stamp)' is not a time"))
                continue
            }
            guard let token = stamp.zoneToken, let zone = ZoneTable.zone(for: token) else {
                warnings.append(ParseWarning(location: place, message: "skipped update \(index + 1) of '\(shownTitle)': '\(update.stamp)' names no zone"))
                continue
            }
            let instant = resolver.resolve(stamp, zone: zone)
            events.append(
                TimelineEvent(
                    time: instant, zone: zone, writtenTime: TextFolding.fold(update.stamp), precision: .minute,
                    region: region, service: serviceName ?? service, text: update.body, source: place))
        }
        guard let first = events.first else {
            return .skipped("skipped event '\(shownTitle)': none of its \(updates.count) update(s) has a readable time")
        }
        let status: String = resolved ? "resolved" : (section == "current" ? "open" : "archived")
        if let last = events.last { events[events.count - 1].status = resolved ? "resolved" : last.status }
        var credits: [AnnouncedCredit] = []
        for event in events { credits += AnnouncedCreditReader.credits(in: event.text, source: event.source) }
        let incident = Incident(
            title: shownTitle, provider: "AWS", services: [serviceName ?? service].filter { !$0.isEmpty },
            regions: region.map { [$0] } ?? [], impact: Self.impact(entry["status"]), components: code.isEmpty ? [] : [code],
            events: events, announcedCredits: credits, sources: [file],
            identity: IncidentIdentity.aws(serviceCode: code, firstUpdate: first.time), status: status)
        return .read(incident, warnings: warnings)
    }

    /// The title without resolved markers (in each part of a bilingual `A | B` title), and
    /// whether there was one.
    static func title(_ summary: String) -> (title: String, resolved: Bool) {
        var resolved = false
        let parts = summary.components(separatedBy: " | ").map { part -> String in
            var text = TextFolding.fold(part)
            for marker in resolvedMarkers where text.hasPrefix(marker) {
                text = TextFolding.fold(text.dropFirst(marker.count))
                resolved = true
            }
            return text
        }
        return (parts.joined(separator: " | "), resolved)
    }

    /// `ec2-us-east-1` -> (`ec2`, `us-east-1`); a code without a region part stays whole.
    /// A region is `<area>[-gov]-<direction>-<n>` at the end of the code; split on dashes rather
    /// than with a `Regex`, whose type is not `Sendable` and so cannot be a `static let` here.
    static func split(serviceCode code: String) -> (service: String, region: String?) {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return (code, nil) }
        for start in 1..<(parts.count - 2) where regionAreas.contains(parts[start]) {
            let middle = parts[(start + 1)..<(parts.count - 1)]
            let qualifiers = middle.dropLast()
            guard middle.count <= 2, qualifiers.allSatisfy({ ["gov", "iso", "isob"].contains($0) }) else { continue }
            return (parts[..<start].joined(separator: "-"), parts[start...].joined(separator: "-"))
        }
        return (code, nil)
    }

    static let regionAreas: Set<String> = ["us", "eu", "ap", "sa", "ca", "me", "af", "cn", "il", "mx"]

    /// `Amazon Elastic Compute Cloud (N. Virginia)` -> `Amazon Elastic Compute Cloud`.
    static func serviceName(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        guard folded.hasSuffix(")"), let open = folded.lastIndex(of: "(") else { return folded }
        let base = TextFolding.fold(folded[..<open])
        return base.isEmpty ? folded : base
    }

    /// The `status` field, integer or string, on the dashboard legend.
    static func impact(_ value: Any?) -> String? {
        let number: Int?
        if let text = value as? String { number = Int(text.trimmingCharacters(in: .whitespaces)) }
        else if let value = value as? NSNumber { number = value.intValue }
        else { number = nil }
        guard let number, impacts.indices.contains(number) else { return nil }
        return impacts[number]
    }

    /// The top-level `<div>`s of a description: each update's stamp text and body.
    static func updates(in html: String, file: String) -> [(stamp: String, body: String)] {
        guard !html.isEmpty else { return [] }
        let bytes = Array(html.utf8)
        guard let document = bytes.withUnsafeBytes({ HTMLDocument(html: $0, url: file, encoding: "UTF-8") }) else { return [] }
        var result: [(stamp: String, body: String)] = []
        for div in document.select("/html/body/div") {
            var stamp: String?
            var pieces: [String] = []
            for child in div.children {
                if stamp == nil, child.isElement, child.name == "span", child.attribute("class")?.containsBytes("yellowfg") == true {
                    stamp = child.textContent
                } else if child.isText {
                    pieces.append(child.ownText)
                } else if child.isElement {
                    pieces.append(HTMLNode.blockElements.contains(child.name) ? " " + child.visibleText + " " : child.textContent)
                }
            }
            result.append((stamp ?? "", TextFolding.fold(pieces.joined().replacingOccurrences(of: "\u{00A0}", with: " "))))
        }
        return result
    }
}
