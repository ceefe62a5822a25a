import PostmortemTimeline

/// Reads an Atlassian Statuspage front page or `/history` page.
///
/// Days are `div.status-day` with a header that carries the year ("Jan 19, 2021"); each
/// `div.incident-container` under a day holds `div.incident-title` (impact as an `impact-*`
/// class, a link to the incident) and `div.update` rows whose `<small>` stamp has no year.
/// The stamp's year comes from the day header, stepping back a year for a December update
/// under a January day. The boxes at the top of a front page (unresolved incidents, scheduled
/// maintenance) have no day: their year comes from `--reference-date` or the latest day on
/// the page, and each such update says so in a warning.
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
        let (document, root) = try input.markupDocument(expected: "a Statuspage page with incidents")
        var walk = Walk(file: input.path, defaultZone: options.defaultZone)
        walk.visit(root, day: nil)
        let provider = document.first("//title").flatMap { Self.provider(fromTitle: $0.textContent) }

        // Boxes have no day header: take the year from --reference-date or the page's latest day.
        var boxReader = StatuspageStampReader(reference: nil, inferredFrom: nil, defaultZone: options.defaultZone, file: input.path)
        if let reference = options.referenceDate {
            boxReader.reference = reference
            boxReader.inferredFrom = "from --reference-date \(reference)"
        } else if let latest = walk.days.max() {
            boxReader.reference = latest
            boxReader.inferredFrom = "from the latest day on the page, \(latest)"
        }
        var dated: [Incident] = []
        for container in walk.dated {
            let reader = StatuspageStampReader(
                reference: container.day, inferredFrom: nil, defaultZone: options.defaultZone, file: input.path)
            walk.read(container.node, with: reader, into: &dated)
        }
        // A front page shows an unresolved incident both in its box and under today's day; the
        // dated copy is kept, since its year is known.
        let datedLinks = Set(dated.compactMap(\.url))
        var incidents: [Incident] = []
        for box in walk.boxes {
            walk.read(box, with: boxReader, skippingLinks: datedLinks, into: &incidents)
        }
        incidents += dated
        guard !incidents.isEmpty else {
            if !walk.boxes.isEmpty, boxReader.reference == nil {
                throw .noTimeline(
                    file: input.path,
                    expected: "a year for the updates in the boxes at the top of the page; the page has no dated days, so give --reference-date")
            }
            throw .noTimeline(file: input.path, expected: "incidents with dated updates ('Jan 19, 09:06 PST')")
        }
        for index in incidents.indices { incidents[index].provider = provider }
        let warnings = walk.warnings.enumerated()
            .sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
            .map(\.element)
        return IngestResult(incidents: incidents, warnings: warnings)
    }

    /// "Acme Status - Incident History" -> "Acme".
    static func provider(fromTitle title: String) -> String? {
        var name = TextFolding.foldAll(title)
        if let dash = name.range(of: " - ") { name = String(name[..<dash.lowerBound]) }
        if name.hasSuffix(" Status") { name = String(name.dropLast(7)) }
        return name.isEmpty ? nil : name
    }

    /// The state of the one pass: the containers found, in page order, and the days seen.
    struct Walk {
        var file: String
        var defaultZone: WrittenZone?
        var days: [CivilDate] = []
        var dated: [(node: HTMLNode, day: CivilDate)] = []
        var boxes: [HTMLNode] = []
        var warnings: [ParseWarning] = []

        mutating func visit(_ node: HTMLNode, day: CivilDate?) {
            for child in node.elementChildren {
                let classes = child.classWords
                if classes.contains("status-day") {
                    let header = child.elementChildren.first { $0.classWords.contains("date") }
                    let date = header.flatMap { TimeStampScanner.writtenDate(TextFolding.foldAll($0.visibleText)) }
                    if let date {
                        days.append(date)
                    } else {
                        warnings.append(
                            ParseWarning(
                                location: SourceLocation(file: file, line: child.line),
                                message: "a day on the page has no readable date; its incidents are read as undated"))
                    }
                    visit(child, day: date)
                } else if classes.contains("incident-container") {
                    if let day {
                        dated.append((child, day))
                    } else {
                        boxes.append(child)
                    }
                } else if classes.contains("unresolved-incident") || classes.contains("scheduled-maintenance") {
                    boxes.append(child)
                } else {
                    visit(child, day: day)
                }
            }
        }

        /// Reads one incident container (or box) and appends it, with its warnings, unless it
        /// links to one of `skippingLinks`.
        mutating func read(
            _ container: HTMLNode, with reader: StatuspageStampReader, skippingLinks: Set<String> = [], into incidents: inout [Incident]
        ) {
            var parts = ContainerParts()
            parts.collect(container)
            if let url = parts.url, skippingLinks.contains(url) { return }
            let titleText = parts.title ?? "(untitled incident)"
            var events: [TimelineEvent] = []
            for update in parts.updates {
                reader.read(StatuspageUpdateBlock(update), line: update.line).append(to: &events, warnings: &warnings)
            }
            guard !events.isEmpty else {
                warnings.append(
                    ParseWarning(
                        location: SourceLocation(file: file, line: container.line),
                        message: "skipped incident '\(titleText)': none of its \(parts.updates.count) update(s) has a readable time"))
                return
            }
            // The page lists updates newest first; reversing keeps same-minute updates in the order they happened.
            incidents.append(
                Incident(
                    title: titleText, impact: container.impactClass ?? parts.impact, url: parts.url,
                    events: events.reversed(), sources: [file]))
        }
    }

    /// What one container holds: the title (with impact class and link) and the update rows.
    struct ContainerParts {
        var title: String?
        var impact: String?
        var url: String?
        var updates: [HTMLNode] = []

        mutating func collect(_ node: HTMLNode) {
            for child in node.elementChildren {
                let classes = child.classWords
                if classes.contains("incident-title") {
                    impact = child.impactClass
                    let link = child.elementChildren.first { $0.name == "a" }
                    url = link?.attribute("href")
                    title = TextFolding.foldAll((link ?? child).visibleText)
                } else if classes.contains("update") {
                    updates.append(child)
                } else {
                    collect(child)
                }
            }
        }
    }
}
