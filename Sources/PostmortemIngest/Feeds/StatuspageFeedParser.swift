import PostmortemTimeline

/// Reads a Statuspage `history.atom` or `history.rss` feed.
///
/// Each entry (or item) is one incident; its HTML content holds every update as
/// `<p><small>Mar <var>25</var>, <var>17:19</var> UTC</small><br><strong>Resolved</strong> - ...</p>`.
/// The stamps have no year: it comes from the entry's `published` (Atom), `updated`, or
/// `pubDate` (RSS), stepping back a year for a December update in a January entry.
public struct StatuspageFeedParser: IncidentParser {
    public static let format = SourceFormat.statuspageFeed

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        guard input.looksLikeMarkup else { return false }
        return (input.containsBytes("<feed", within: 4096) || input.containsBytes("<rss", within: 4096))
            && input.containsBytes("data-var")
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        let (document, root) = try input.markupDocument(xml: true, expected: "an Atom or RSS feed")
        let channel = root.name == "rss" ? root.firstChild(named: "channel") : root
        guard let channel else {
            throw .noTimeline(file: input.path, expected: "an RSS <channel> with <item> entries")
        }
        let provider = channel.childText("title").flatMap { StatuspageHistoryParser.provider(fromTitle: $0) }
        var incidents: [Incident] = []
        var warnings = document.stopWarnings(file: input.path)
        for entry in channel.elementChildren where entry.name == "entry" || entry.name == "item" {
            let title = entry.childText("title") ?? "(untitled incident)"
            let content = entry.firstChild(named: "content") ?? entry.firstChild(named: "description")
            let line = content?.line ?? entry.line
            var reader = StatuspageStampReader(reference: nil, inferredFrom: nil, defaultZone: options.defaultZone, file: input.path)
            reader.reference = Self.entryDate(entry)
            if reader.reference == nil, let fallback = options.referenceDate {
                reader.reference = fallback
                reader.inferredFrom = "from --reference-date \(fallback) (the entry has no readable date)"
            }
            var events: [TimelineEvent] = []
            let html = content.map { Array($0.textContent.utf8) } ?? []
            let fragment = html.withUnsafeBytes { HTMLDocument(html: $0, url: input.path) }
            let paragraphs = fragment.map { $0.select("//p") } ?? []
            for paragraph in paragraphs {
                reader.read(StatuspageUpdateBlock(paragraph), line: line).append(to: &events, warnings: &warnings)
            }
            guard !events.isEmpty else {
                warnings.append(
                    ParseWarning(
                        location: SourceLocation(file: input.path, line: entry.line),
                        message: "skipped incident '\(title)': none of its \(paragraphs.count) update(s) has a readable time"))
                continue
            }
            let link = Self.link(of: entry)
            incidents.append(
                Incident(
                    title: title, provider: provider, url: link, events: events.reversed(), sources: [input.path],
                    identity: IncidentIdentity.feedEntry(id: entry.childText("id") ?? entry.childText("guid"), link: link),
                    status: events.first?.status, isMaintenance: Self.isMaintenance(events)))
        }
        guard !incidents.isEmpty else {
            throw document.noTimeline(file: input.path, expected: "feed entries whose content holds stamped updates")
        }
        return IngestResult(incidents: incidents, warnings: warnings)
    }

    /// Whether the entry's labels are a maintenance's (Scheduled, In progress, Verifying, Completed)
    /// rather than an incident's: feeds carry no impact, so the labels are all there is.
    static func isMaintenance(_ events: [TimelineEvent]) -> Bool {
        events.contains { ["scheduled", "in progress", "verifying", "completed"].contains($0.status ?? "") }
    }

    /// The entry's date in UTC: Atom `published`, else `updated`, else RSS `pubDate`.
    static func entryDate(_ entry: HTMLNode) -> CivilDate? {
        for name in ["published", "updated"] {
            if let text = entry.childText(name), let instant = Instant(iso8601: text) { return instant.civil().date }
        }
        if let text = entry.childText("pubDate"), let scanned = RFC822DateScanner.scan(text) {
            return scanned.instant.civil().date
        }
        return nil
    }

    /// Atom `<link rel="alternate" href>` or RSS `<link>` text.
    static func link(of entry: HTMLNode) -> String? {
        for node in entry.elementChildren where node.name == "link" {
            if let href = node.attribute("href") {
                if node.attribute("rel") == nil || node.attribute("rel") == "alternate" { return href }
            } else {
                let text = TextFolding.foldAll(node.textContent)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }
}
