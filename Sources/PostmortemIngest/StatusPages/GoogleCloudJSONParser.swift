import Foundation
import PostmortemTimeline

/// Reads Google Cloud's `incidents.json`: an array of incidents with `begin`, `end`, `created`,
/// `modified`, `external_desc`, `severity`, `status_impact`, `service_name`, `affected_products`
/// and `updates[]` (`created`, `when`, `text`, `status`, `affected_locations`).
///
/// `begin`/`end` are Google's impact window, which often starts before the first update; they
/// are kept as the stated impact window, apart from the update times. Each update is timed by
/// its `when` (the time shown on the dashboard), else its `created`.
public struct GoogleCloudJSONParser: IncidentParser {
    public static let format = SourceFormat.googleCloudJSON

    public init() {}

    public static func matches(_ input: SourceInput) -> Bool {
        input.looksLikeJSON(holding: "\"external_desc\"") && input.containsBytes("\"begin\"")
    }

    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        var source = try JSONSource(input)
        let objects: [[String: Any]]
        if let list = source.root as? [Any] {
            objects = source.objects(in: list, named: "item", at: SourceLocation(file: input.path), of: "the top-level array")
        } else if let single = source.root as? [String: Any] {
            objects = [single]
        } else {
            objects = []
        }
        var incidents: [Incident] = []
        var warnings: [ParseWarning] = []
        for object in objects {
            // Google's updates carry no id: every update is placed at its incident.
            let place = source.location(ofObjectWithID: JSONSource.string(object, "id"))
            let title = JSONSource.string(object, "external_desc").map { TextFolding.fold($0) } ?? "(untitled incident)"
            var regions: [String] = []
            var events: [TimelineEvent] = []
            for (index, update) in source.objects(object, "updates", at: place, of: "'\(title)'").enumerated() {
                let stamp = JSONSource.stamp(update, keys: ["when", "created"])
                guard case .read(let written, let instant, let zone) = stamp else {
                    if case .unreadable(let reason) = stamp {
                        warnings.append(ParseWarning(location: place, message: "skipped update \(index + 1) of '\(title)': \(reason)"))
                    }
                    continue
                }
                let locations = source.named(update, "affected_locations", field: "title", at: place, of: "update \(index + 1) of '\(title)'") { $1 }
                for location in locations where !regions.contains(location) { regions.append(location) }
                events.append(
                    TimelineEvent(
                        time: instant, zone: zone, writtenTime: written, precision: .second,
                        status: JSONSource.string(update, "status")?.lowercased(),
                        region: locations.isEmpty ? nil : locations.joined(separator: ", "),
                        service: JSONSource.string(object, "service_name"),
                        text: TextFolding.fold(JSONSource.string(update, "text") ?? ""), source: place))
            }
            guard !events.isEmpty else {
                warnings.append(ParseWarning(location: place, message: "skipped incident '\(title)': it has no update with a readable time"))
                continue
            }
            let impact = JSONSource.string(object, "severity") ?? JSONSource.string(object, "status_impact")?.lowercased()
            incidents.append(
                Incident(
                    title: title, provider: "Google Cloud",
                    services: JSONSource.string(object, "service_name").map { [$0] } ?? [],
                    regions: regions, impact: impact,
                    components: source.named(object, "affected_products", field: "title", at: place, of: "'\(title)'") { $1 },
                    url: JSONSource.string(object, "uri").map { "https://status.cloud.google.com/" + $0 },
                    events: events.reversed(),
                    statedImpactStart: source.instant(object, "begin", at: place, of: "'\(title)'"),
                    statedImpactEnd: source.instant(object, "end", at: place, of: "'\(title)'"),
                    sources: [input.path],
                    identity: IncidentIdentity.googleCloud(id: JSONSource.string(object, "id"), uri: JSONSource.string(object, "uri")),
                    status: Self.status(of: object)))
        }
        warnings += source.warnings
        guard !incidents.isEmpty else {
            throw .noTimeline(file: input.path, expected: "incidents with updates carrying 'when' or 'created' times")
        }
        return IngestResult(incidents: incidents, warnings: warnings)
    }

    /// The incident's status: its most recent update's (new schema, `AVAILABLE` once over), else
    /// `resolved` or `ongoing` from whether `end` is set (the old schema has no status).
    static func status(of object: [String: Any]) -> String? {
        let recent = (object["most_recent_update"] ?? object["most-recent-update"]) as? [String: Any]
        if let status = recent.flatMap({ JSONSource.string($0, "status") }) { return status.lowercased() }
        if object.keys.contains("end") { return JSONSource.string(object, "end") == nil ? "ongoing" : "resolved" }
        return nil
    }
}
