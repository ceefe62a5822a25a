import PostmortemTimeline

/// Reads a Statuspage single-incident page (`/incidents/<id>`).
///
/// `h1.incident-name` carries the title and the impact class, `.components-affected` lists the
/// components ("This incident affected: API and Dashboard."), and each
/// `.incident-updates-container .update-row` holds `.update-title` (the status word),
/// `.update-body` and `.update-timestamp` ("Posted Jan 15, 2025 - 10:30 UTC").
public struct StatuspageIncidentParser: IncidentParser {
    public static let format = SourceFormat.statuspageIncident

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        input.looksLikeMarkup && input.containsBytes("incident-updates-container") || input.containsBytes("update-row")
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        let (document, root) = try input.markupDocument(expected: "a Statuspage incident page")
        let heading = document.first("//*[contains(concat(' ', normalize-space(@class), ' '), ' incident-name ')]", from: root)
        let affected = document.first("//*[contains(concat(' ', normalize-space(@class), ' '), ' components-affected ')]", from: root)
        let rows = document.select("//*[contains(concat(' ', normalize-space(@class), ' '), ' update-row ')]", from: root)
        var reader = StatuspageStampReader(reference: nil, inferredFrom: nil, defaultZone: options.defaultZone, file: input.path)
        if let reference = options.referenceDate {
            reader.reference = reference
            reader.inferredFrom = "from --reference-date \(reference)"
        }
        var warnings = document.stopWarnings(file: input.path)
        var events: [TimelineEvent] = []
        for row in rows {
            var parts = RowParts()
            parts.collect(row)
            let reading = reader.read(stampText: parts.stamp, status: parts.status, body: parts.body ?? "", line: row.line)
            reading.append(to: &events, warnings: &warnings)
        }
        guard !events.isEmpty else {
            throw document.noTimeline(file: input.path, expected: "update rows stamped like 'Posted Jan 15, 2025 - 10:30 UTC'")
        }
        let canonical = document.first("//link[@rel='canonical']")?.attribute("href")
            ?? document.first("//meta[@property='og:url']")?.attribute("content")
        let incident = Incident(
            title: heading.map { TextFolding.foldAll($0.visibleText) } ?? "(untitled incident)",
            provider: document.first("//title").flatMap { StatuspageHistoryParser.provider(fromTitle: $0.textContent) },
            impact: heading?.impactClass,
            components: affected.map { Self.components(fromAffected: TextFolding.foldAll($0.visibleText)) } ?? [],
            url: canonical, events: events.reversed(), sources: [input.path], identity: canonical.map(IncidentIdentity.url),
            status: events.first?.status)
        return IngestResult(incidents: [incident], warnings: warnings)
    }

    /// "This incident affected: API, Dashboard (EU, US), and Webhooks." ->
    /// ["API", "Dashboard (EU, US)", "Webhooks"]. Commas inside parentheses belong to the name.
    static func components(fromAffected text: String) -> [String] {
        var list = Substring(text)
        if let colon = list.firstIndex(of: ":") { list = list[list.index(after: colon)...] }
        if list.hasSuffix(".") { list = list.dropLast() }
        var names: [String] = []
        var current = ""
        var depth = 0
        func finish() {
            var name = TextFolding.fold(current)
            if name.hasPrefix("and ") { name = String(name.dropFirst(4)) }
            if !name.isEmpty { names.append(name) }
            current = ""
        }
        var rest = list
        while let c = rest.first {
            if depth == 0, rest.hasPrefix(" and ") {
                finish()
                rest = rest.dropFirst(5)
                continue
            }
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if c == ",", depth == 0 { finish() } else { current.append(c) }
            rest = rest.dropFirst()
        }
        finish()
        return names
    }

    /// The title, body and stamp of one update row, found by class in one walk.
    struct RowParts {
        var status: String?
        var body: String?
        var stamp: String?

        mutating func collect(_ node: HTMLNode) {
            for child in node.elementChildren {
                let classes = child.classWords
                if classes.contains("update-title") {
                    status = TextFolding.foldAll(child.visibleText)
                } else if classes.contains("update-body") {
                    body = TextFolding.fold(child.visibleText.split(separator: "\n").joined(separator: " "))
                } else if classes.contains("update-timestamp") {
                    stamp = TextFolding.foldAll(child.visibleText)
                } else {
                    collect(child)
                }
            }
        }
    }
}
