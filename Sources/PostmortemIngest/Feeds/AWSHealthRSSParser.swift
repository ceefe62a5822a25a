import PostmortemTimeline

/// Reads an AWS Service Health Dashboard RSS feed (one feed per service and region).
///
/// Each `<item>` is one update: `title` "Service is operating normally: [RESOLVED] Increased
/// API error rates", `pubDate` (RFC 822, `PDT` or `+0000`), `guid` and `description`. The text
/// before the title's colon is the status as written. Items are put in time order and grouped
/// into incidents: an incident runs from an item until the next "Service is operating normally".
public struct AWSHealthRSSParser: IncidentParser {
    public static let format = SourceFormat.awsHealthRSS

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        guard input.looksLikeMarkup, input.containsBytes("<rss", within: 4096) else { return false }
        return input.containsBytes("status.aws.amazon.com") || input.containsBytes("Service Health Dashboard")
            || input.containsBytes("health.aws.amazon.com")
    }

    /// One item, read.
    struct Item {
        var status: String?
        var subject: String
        var event: TimelineEvent
        var link: String?
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        let (document, root) = try input.markupDocument(xml: true, expected: "an RSS feed")
        guard let channel = root.firstChild(named: "channel") else {
            throw .noTimeline(file: input.path, expected: "an RSS <channel> with <item> entries")
        }
        let (service, region) = Self.serviceAndRegion(channel.childText("title") ?? "")
        var warnings = document.stopWarnings(file: input.path)
        var items: [Item] = []
        for node in channel.elementChildren where node.name == "item" {
            let location = SourceLocation(file: input.path, line: node.line)
            let title = node.childText("title") ?? ""
            guard let written = node.childText("pubDate"), let (instant, zone) = RFC822DateScanner.scan(written) else {
                let shown = node.childText("pubDate").map { "'\($0)'" } ?? "no pubDate"
                warnings.append(ParseWarning(location: location, message: "skipped item '\(title)': \(shown) is not an RFC 822 date"))
                continue
            }
            let (status, subject) = Self.statusAndSubject(title)
            let event = TimelineEvent(
                time: instant, zone: zone, writtenTime: written, precision: .second, status: status,
                region: region, service: service, text: node.childText("description") ?? "", source: location)
            items.append(Item(status: status, subject: subject, event: event, link: node.childText("guid") ?? node.childText("link")))
        }
        // Feeds list the newest item first; reversing before the stable sort keeps same-second items in posting order.
        let ordered = items.reversed().enumerated()
            .sorted { ($0.element.event.time, $0.offset) < ($1.element.event.time, $1.offset) }
            .map(\.element)
        var incidents: [Incident] = []
        var open: [Item] = []
        func close() {
            guard let first = open.first else { return }
            var credits: [AnnouncedCredit] = []
            for item in open { credits += AnnouncedCreditReader.credits(in: item.event.text, source: item.event.source) }
            incidents.append(
                Incident(
                    title: first.subject, provider: "AWS", services: service.map { [$0] } ?? [],
                    regions: region.map { [$0] } ?? [], url: first.link, events: open.map(\.event),
                    announcedCredits: credits, sources: [input.path],
                    identity: IncidentIdentity.feedEntry(id: first.link, link: nil)))
            open = []
        }
        for item in ordered {
            open.append(item)
            if item.status == Self.closingStatus { close() }
        }
        close()
        guard !incidents.isEmpty else {
            throw document.noTimeline(file: input.path, expected: "RSS items with RFC 822 pubDate stamps")
        }
        return IngestResult(incidents: incidents, warnings: warnings)
    }

    static let closingStatus = "service is operating normally"

    /// "Service is operating normally: [RESOLVED] Increased API error rates" ->
    /// ("service is operating normally", "Increased API error rates").
    static func statusAndSubject(_ title: String) -> (status: String?, subject: String) {
        guard let colon = title.range(of: ": ") else { return (nil, title) }
        var subject = TextFolding.fold(title[colon.upperBound...])
        for tag in ["[RESOLVED]", "[Resolved]"] where subject.hasPrefix(tag) {
            subject = TextFolding.fold(subject.dropFirst(tag.count))
        }
        return (String(title[..<colon.lowerBound]).lowercased(), subject.isEmpty ? title : subject)
    }

    /// "Amazon Elastic Compute Cloud (N. Virginia) Service Status" -> ("Amazon Elastic Compute Cloud", "N. Virginia").
    static func serviceAndRegion(_ title: String) -> (service: String?, region: String?) {
        var name = Substring(TextFolding.fold(title))
        if name.hasSuffix(" Service Status") { name = name.dropLast(15) }
        guard !name.isEmpty else { return (nil, nil) }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let region = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            return (TextFolding.fold(name[..<open]), region)
        }
        return (String(name), nil)
    }
}
