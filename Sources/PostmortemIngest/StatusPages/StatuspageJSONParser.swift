import Foundation
import PostmortemTimeline

/// Reads the Statuspage API: `/api/v2/incidents.json` (`{"page": ..., "incidents": [...]}`),
/// `/api/v2/incidents/<id>.json` (`{"page": ..., "incident": {...}}`, or the bare incident) and
/// `/api/v2/summary.json` (`page`, `components`, unresolved `incidents` and upcoming or running
/// `scheduled_maintenances`, the latter with their `scheduled_for` / `scheduled_until` window).
///
/// A summary with no incidents and no maintenances (a quiet page) reads as no incidents, not
/// as an error: in a snapshot series that is the normal state. Each incident's identity is its
/// Statuspage `id` (the page's own, independent of the page's address), each update's its `id`.
///
/// Each update's time is its `display_at` (what the page shows), else its `created_at`, with
/// the offset as written (`2019-02-20T12:00:19.418-06:00`). `started_at`/`resolved_at` are kept
/// as the stated impact window; `affected_components` become component changes.
public struct StatuspageJSONParser: IncidentParser {
    public static let format = SourceFormat.statuspageJSON

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        input.looksLikeJSON(holding: "\"incident_updates\"") || isSummary(input)
    }

    /// A `summary.json`: the page, its components and the (possibly empty) lists.
    static func isSummary(_ input: SourceInput) -> Bool {
        input.looksLikeJSON(holding: "\"scheduled_maintenances\"") && input.containsBytes("\"page\"")
            && input.containsBytes("\"components\"")
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        var source = try JSONSource(input)
        var objects: [(object: [String: Any], maintenance: Bool)]
        var provider: String?
        var pageURL: String?
        var quietAllowed = false
        if let top = source.root as? [String: Any] {
            let page = top["page"] as? [String: Any]
            provider = page.flatMap { JSONSource.string($0, "name") }
            pageURL = page.flatMap { JSONSource.string($0, "url") }
            if top["incidents"] != nil || top["scheduled_maintenances"] != nil {
                let place = SourceLocation(file: input.path)
                objects = source.objects(top, "incidents", at: place, of: "the document").map { ($0, false) }
                objects += source.objects(top, "scheduled_maintenances", at: place, of: "the document").map { ($0, true) }
                quietAllowed = top["scheduled_maintenances"] != nil && page != nil
            } else if let single = top["incident"] as? [String: Any] {
                objects = [(single, false)]
            } else {
                objects = [(top, false)]
            }
        } else {
            objects = (source.root as? [Any]).map {
                source.objects(in: $0, named: "item", at: SourceLocation(file: input.path), of: "the top-level array")
            }?.map { ($0, false) } ?? []
        }
        var incidents: [Incident] = []
        var warnings: [ParseWarning] = []
        for (object, listedAsMaintenance) in objects {
            let incidentPlace = source.location(ofObjectWithID: JSONSource.string(object, "id"))
            let title = JSONSource.string(object, "name").map { TextFolding.fold($0) } ?? "(untitled incident)"
            var events: [TimelineEvent] = []
            for update in source.objects(object, "incident_updates", at: incidentPlace, of: "'\(title)'") {
                let place = source.location(ofObjectWithID: JSONSource.string(update, "id"))
                let stamp = JSONSource.stamp(update, keys: ["display_at", "created_at"])
                guard case .read(let written, let instant, let zone) = stamp else {
                    if case .unreadable(let reason) = stamp {
                        warnings.append(ParseWarning(location: place, message: "skipped an update of '\(title)': \(reason)"))
                    }
                    continue
                }
                events.append(
                    TimelineEvent(
                        time: instant, zone: zone, writtenTime: written, precision: .second,
                        status: JSONSource.string(update, "status")?.lowercased(),
                        text: TextFolding.fold(JSONSource.string(update, "body") ?? ""), source: place,
                        componentChanges: source.named(update, "affected_components", at: place, of: "an update of '\(title)'", Self.change),
                        updateID: JSONSource.string(update, "id")))
            }
            guard !events.isEmpty else {
                warnings.append(ParseWarning(location: incidentPlace, message: "skipped incident '\(title)': it has no update with a readable time"))
                continue
            }
            // The short link when there is one, else the incident's page under the page's own address.
            let shortlink = JSONSource.string(object, "shortlink")
            var url = shortlink
            if url == nil, let pageURL, let id = JSONSource.string(object, "id") {
                url = (pageURL.hasSuffix("/") ? String(pageURL.dropLast()) : pageURL) + "/incidents/" + id
            }
            let impact = JSONSource.string(object, "impact")
            let scheduledStart = source.instant(object, "scheduled_for", at: incidentPlace, of: "'\(title)'")
            incidents.append(
                Incident(
                    title: title, provider: provider, impact: impact,
                    components: source.named(object, "components", at: incidentPlace, of: "'\(title)'") { $1 },
                    url: url, events: events.reversed(),
                    statedImpactStart: source.instant(object, "started_at", at: incidentPlace, of: "'\(title)'"),
                    statedImpactEnd: source.instant(object, "resolved_at", at: incidentPlace, of: "'\(title)'"),
                    sources: [input.path],
                    identity: JSONSource.string(object, "id").map { IncidentIdentity.statuspage(id: $0, shortlink: shortlink) }
                        ?? url.map(IncidentIdentity.url),
                    status: JSONSource.string(object, "status")?.lowercased(),
                    isMaintenance: listedAsMaintenance || impact == "maintenance" || scheduledStart != nil,
                    scheduledStart: scheduledStart,
                    scheduledEnd: source.instant(object, "scheduled_until", at: incidentPlace, of: "'\(title)'")))
        }
        warnings += source.warnings
        if incidents.isEmpty, quietAllowed, warnings.isEmpty {
            return IngestResult()
        }
        guard !incidents.isEmpty else {
            throw .noTimeline(file: input.path, expected: "incidents with incident_updates carrying created_at times")
        }
        return IngestResult(incidents: incidents, warnings: warnings)
    }

    /// A component change from one of an update's `affected_components`.
    static func change(_ object: [String: Any], name: String) -> ComponentChange {
        ComponentChange(
            code: JSONSource.string(object, "code"), name: name,
            oldStatus: JSONSource.string(object, "old_status"), newStatus: JSONSource.string(object, "new_status"))
    }
}
