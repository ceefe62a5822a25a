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

    /// Reads the page in one streaming pass (`AWSHealthDashboardStream`): no tree is built, so
    /// memory holds the bytes, one block and the events, and time grows linearly with the page.
    /// - Throws: `IngestError.noTimeline` naming the file when the page has no event heading or
    ///   no readable update; `.malformed` at the line where libxml2 stopped, when it stopped early
    ///   and nothing was found before.
    /// - Complexity: O(n) in the input.
    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        let stream = AWSHealthDashboardStream(file: input.path, defaultZone: options.defaultZone)
        let outcome = input.bytes.withUnsafeBytes { HTMLStream.parseLikeTree($0, receiver: stream) }
        guard case .read(let stop) = outcome, stream.sawElement else {
            throw .noTimeline(file: input.path, expected: "an HTML status page")
        }
        stream.finish()
        guard let timeline = stream.timeline else {
            throw .noTimeline(
                file: input.path,
                expected: "a title such as 'Amazon Simple Storage Service (US) Event: July 20, 2008'")
        }
        let heading = timeline.heading
        let events = timeline.events
        guard !events.isEmpty else {
            guard let stop else { throw .noTimeline(file: input.path, expected: "updates that start with a time such as '9:05 AM PDT'") }
            throw stop.error(file: input.path)
        }
        let warnings = (stop.map { [$0.warning(file: input.path)] } ?? []) + timeline.warnings
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

    /// The blocks an update can be, and the elements that make a block a container of others
    /// (the stream compares the same names as bytes: `AWSHealthDashboardStream.isBlockName`).
    static let blockNames: Set<String> = ["div", "p", "li", "tr", "dd", "td"]
    static let containerNames: Set<String> = ["div", "p", "li", "tr", "table"]

    struct Heading {
        var title: String
        var service: String
        var region: String?
        var date: CivilDate
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
