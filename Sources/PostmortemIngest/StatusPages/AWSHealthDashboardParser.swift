import Foundation
import PostmortemTimeline

/// Reads an AWS Service Health Dashboard event page (the 2008-era `s3-20080720.html` pages):
/// a title "<Service> (<Region>) Event: July 20, 2008", then one block per update that starts
/// with its time ("9:05 AM PDT ..."), where a later day is written in full ("July 21, 7:19 PM PDT").
public struct AWSHealthDashboardParser: IncidentParser {
    public static let format = SourceFormat.awsHealthDashboard

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        let head = input.head(16_384)
        return head.containsBytes("Service Health Dashboard") && head.containsBytes(" Event: ")
            && (head.containsBytes("<") || head.containsBytes("&raquo;"))
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        let parsed = input.bytes.withUnsafeBytes { HTMLDocument(html: $0, url: input.path) }
        guard let document = parsed, let root = document.root else {
            throw .noTimeline(file: input.path, expected: "an HTML status page")
        }
        var warnings = document.stopWarnings(file: input.path)
        guard let heading = Self.findHeading(in: document) else {
            throw .noTimeline(
                file: input.path,
                expected: "a title such as 'Amazon Simple Storage Service (US) Event: July 20, 2008'")
        }
        var resolution = StampResolution(date: heading.date, defaultZone: options.defaultZone)
        var events: [TimelineEvent] = []
        var lastBlockParent: String?
        let blocks = root.innermostBlocks(named: Self.blockNames, notHolding: Self.containerNames)
        for block in blocks {
            if block.name == "td", block.parentName == "tr" { continue }
            let text = block.visibleText
            guard !text.isEmpty else { continue }
            let location = SourceLocation(file: input.path, line: block.line)
            guard let (stamp, length) = TimeStampScanner.scanPrefix(text) else {
                // A block with no stamp right after an update, in the same list, continues it;
                // page furniture and the navigation above the first update are not updates.
                if let last = events.indices.last, block.parentPath == lastBlockParent, !Self.isChrome(text) {
                    events[last].text += "\n\n" + text
                } else if !Self.isChrome(text), !(events.isEmpty && Self.isNavigation(text)) {
                    warnings.append(
                        ParseWarning(location: location, message: "skipped a block that starts with no time stamp: '\(Self.excerpt(text))'"))
                }
                continue
            }
            switch resolution.resolve(stamp) {
            case .skipped(let reason):
                warnings.append(ParseWarning(location: location, message: "skipped an update: \(reason)"))
            case .resolved(let instant, let zone, let warning):
                if let warning { warnings.append(ParseWarning(location: location, message: warning)) }
                let body = Self.body(of: text, after: length)
                events.append(
                    TimelineEvent(
                        time: instant, zone: zone, writtenTime: stamp.written, precision: stamp.second == nil ? .minute : .second,
                        service: heading.service, text: body, source: location))
                lastBlockParent = block.parentPath
            }
        }
        guard !events.isEmpty else {
            throw document.noTimeline(file: input.path, expected: "updates that start with a time such as '9:05 AM PDT'")
        }
        var credits: [AnnouncedCredit] = []
        // Splitting every update into sentences costs more than the rest of the reading; only
        // the updates that mention a credit can state one.
        for event in events where event.text.lowercased().containsBytes("credit") {
            credits += AnnouncedCreditReader.credits(in: event.text, source: event.source)
        }
        let incident = Incident(
            title: heading.title, provider: "AWS", services: [heading.service],
            regions: heading.region.map { [$0] } ?? [], events: events,
            announcedCredits: credits, sources: [input.path])
        return IngestResult(incidents: [incident], warnings: warnings)
    }

    /// The blocks an update can be, and the elements that make a block a container of others.
    static let blockNames: Set<String> = ["div", "p", "li", "tr", "dd", "td"]
    static let containerNames: Set<String> = ["div", "p", "li", "tr", "table"]

    struct Heading {
        var title: String
        var service: String
        var region: String?
        var date: CivilDate
    }

    /// The event heading, from the first heading element (or the page title) that names an event date.
    static func findHeading(in document: HTMLDocument) -> Heading? {
        for node in document.select("//h1 | //h2 | //h3") + document.select("//title") {
            if let heading = heading(from: TextFolding.foldAll(node.visibleText.isEmpty ? node.textContent : node.visibleText)) {
                return heading
            }
        }
        return nil
    }

    /// "Amazon Simple Storage Service (US) Event: July 20, 2008".
    static func heading(from text: String) -> Heading? {
        guard let range = text.range(of: " Event: ", options: .backwards) else { return nil }
        let name = String(text[..<range.lowerBound]).components(separatedBy: "»").last.map { TextFolding.fold($0) } ?? ""
        let dateText = text[range.upperBound...]
        let parts = dateText.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count >= 3, let month = CivilDate.month(named: parts[0]), let day = Int(parts[1]),
            let year = Int(parts[2])
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid, !name.isEmpty else { return nil }
        var service = name
        var region: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            region = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            service = TextFolding.fold(name[..<open])
        }
        return Heading(title: TextFolding.fold(name + " Event: " + dateText), service: service, region: region, date: date)
    }

    /// The update text after its stamp, without the separator the page puts after the time.
    static func body(of text: String, after length: Int) -> String {
        let utf8 = Array(text.utf8)
        var i = min(length, utf8.count)
        while i < utf8.count {
            if utf8[i] == 32 || utf8[i] == 10 || utf8[i] == 45 || utf8[i] == 58 { i += 1; continue }
            if utf8[i] == 0xC2, i + 1 < utf8.count, utf8[i + 1] == 0xA0 { i += 2; continue }
            break
        }
        return String(decoding: utf8[i...], as: UTF8.self)
    }

    /// The breadcrumb or heading above the updates: it names the dashboard or the event.
    static func isNavigation(_ text: String) -> Bool {
        text.containsBytes("Service Health Dashboard") || heading(from: TextFolding.foldAll(text)) != nil
    }

    /// The first 60 characters of a block, for a warning.
    static func excerpt(_ text: String) -> String {
        let folded = TextFolding.foldAll(text)
        return folded.count > 60 ? String(folded.prefix(60)) + "…" : folded
    }

    /// Page furniture that is not part of an update.
    static func isChrome(_ text: String) -> Bool {
        text.containsBytes("Conditions of Use") || text.containsBytes("Privacy Notice") || text.containsBytes("All rights reserved")
    }
}
