import PostmortemTimeline

/// Reads an Atlassian Statuspage front page or `/history` page.
///
/// Days are `div.status-day` with a header that carries the year ("Jan 19, 2021"); each
/// `div.incident-container` under a day holds `div.incident-title` (impact as an `impact-*`
/// class, a link to the incident) and `div.update` rows whose `<small>` stamp has no year.
/// The stamp's year comes from the day header, stepping back a year for a December update
/// under a January day. The boxes at the top of a front page (unresolved incidents, scheduled
/// maintenance) have no day: their year comes from `--reference-date`, the page's render time
/// (`<meta name="issued">`) or the latest day on the page, and each such update says so in a
/// warning. A stamp can never be later than the render time: "Mar 16" on a page rendered
/// 2021-01-22 is March 2020.
///
/// The extraction is one depth-first pass over the tree, with no XPath per update, so it can
/// move to a streaming parse unchanged in shape.
public struct StatuspageHistoryParser: IncidentParser {
    public static let format = SourceFormat.statuspageHistory

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        guard input.looksLikeMarkup else { return false }
        return input.containsBytes("status-day") || input.containsBytes("incident-container")
            || input.containsBytes("unresolved-incident") || input.containsBytes("scheduled-maintenance")
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        let stream = StatuspageHistoryStream(file: input.path)
        let started = input.bytes.withUnsafeBytes { HTMLStream.parse($0, url: input.path, receiver: stream) }
        guard started else { throw .noTimeline(file: input.path, expected: "a Statuspage page with incidents") }
        var warnings = stream.warnings
        let provider = stream.pageTitle.flatMap(Self.provider(fromTitle:))

        // Boxes have no day header: take the year from --reference-date or the page's latest day.
        var boxReader = StatuspageStampReader(reference: nil, inferredFrom: nil, defaultZone: options.defaultZone, file: input.path)
        boxReader.notAfter = stream.issued
        if let reference = options.referenceDate {
            boxReader.reference = reference
            boxReader.inferredFrom = "from --reference-date \(reference)"
        } else if let issued = stream.issued {
            boxReader.reference = issued.civil().date
            boxReader.inferredFrom = "from the page's render time (<meta name=\"issued\">), \(issued.iso8601)"
        } else if let latest = stream.days.max() {
            boxReader.reference = latest
            boxReader.inferredFrom = "from the latest day on the page, \(latest)"
        }
        var dated: [Incident] = []
        for container in stream.dated {
            let reader = StatuspageStampReader(
                reference: container.day, inferredFrom: nil, defaultZone: options.defaultZone, file: input.path)
            Self.read(container, with: reader, file: input.path, into: &dated, warnings: &warnings)
        }
        // A front page shows an unresolved incident both in its box and under today's day; the
        // dated copy is kept, since its year is known.
        let datedLinks = Set(dated.compactMap(\.url))
        var incidents: [Incident] = []
        for box in stream.boxes {
            Self.read(box, with: boxReader, file: input.path, skippingLinks: datedLinks, into: &incidents, warnings: &warnings)
        }
        incidents += dated
        guard !incidents.isEmpty else {
            if !stream.boxes.isEmpty, boxReader.reference == nil {
                throw .noTimeline(
                    file: input.path,
                    expected: "a year for the updates in the boxes at the top of the page; the page has no dated days, so give --reference-date")
            }
            throw .noTimeline(file: input.path, expected: "incidents with dated updates ('Jan 19, 09:06 PST')")
        }
        for index in incidents.indices { incidents[index].provider = provider }
        let sorted = warnings.enumerated()
            .sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
            .map(\.element)
        return IngestResult(incidents: incidents, warnings: sorted)
    }

    /// Turns one container (or box) into an incident, unless it links to one of `skippingLinks`.
    static func read(
        _ container: StatuspageHistoryStream.Container, with reader: StatuspageStampReader, file: String,
        skippingLinks: Set<String> = [], into incidents: inout [Incident], warnings: inout [ParseWarning]
    ) {
        if let url = container.url, skippingLinks.contains(url) { return }
        let titleText = container.title ?? "(untitled incident)"
        var events: [TimelineEvent] = []
        for update in container.updates {
            reader.read(update.block, line: update.line).append(to: &events, warnings: &warnings)
        }
        guard !events.isEmpty else {
            warnings.append(
                ParseWarning(
                    location: SourceLocation(file: file, line: container.line),
                    message: "skipped incident '\(titleText)': none of its \(container.updates.count) update(s) has a readable time"))
            return
        }
        // The page lists updates newest first; reversing keeps same-minute updates in the order they happened.
        incidents.append(
            Incident(
                title: titleText, impact: container.impact ?? container.titleImpact, url: container.url,
                events: events.reversed(), sources: [file], identity: container.url.map(IncidentIdentity.url),
                status: events.first?.status))
    }

    /// "Acme Status - Incident History" -> "Acme".
    static func provider(fromTitle title: String) -> String? {
        var name = TextFolding.foldAll(title)
        if let dash = name.range(of: " - ") { name = String(name[..<dash.lowerBound]) }
        if name.hasSuffix(" Status") { name = String(name.dropLast(7)) }
        return name.isEmpty ? nil : name
    }
}
