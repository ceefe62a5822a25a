import PostmortemTimeline

/// A stretch of time one component spent in one status, read from an incident's updates.
public struct ComponentStatusSpan: Sendable, Equatable {
    public var component: String
    /// A Statuspage component status: `partial_outage`, `major_outage`...
    public var status: String
    public var start: Instant
    public var end: Instant
    public var incident: String
    /// True when the status was taken from the incident's impact grade because its updates
    /// published no component status changes.
    public var fromImpactGrade: Bool

    /// The component status an incident's impact grade stands for, when none was published.
    static let statusForImpact = ["critical": "major_outage", "major": "partial_outage", "minor": "degraded_performance", "maintenance": "under_maintenance"]

    /// The spans of every component the incident changed, each status from the update that set
    /// it to the next change (a status still open at the end runs to the incident's end). An
    /// incident whose updates change no component gives its listed components the status its
    /// impact grade stands for, over its impact window.
    public static func spans(of incident: Incident) -> [ComponentStatusSpan] {
        let events = incident.normalized().events
        let end = [incident.statedImpactEnd, events.last?.time].compactMap { $0 }.max()
        var open: [(component: String, status: String, since: Instant)] = []
        var spans: [ComponentStatusSpan] = []
        for event in events {
            for change in event.componentChanges {
                guard let status = change.newStatus else { continue }
                if let index = open.firstIndex(where: { $0.component == change.name }) {
                    let current = open.remove(at: index)
                    if current.status != "operational", current.since < event.time {
                        spans.append(.init(component: current.component, status: current.status, start: current.since, end: event.time, incident: incident.title, fromImpactGrade: false))
                    }
                }
                open.append((change.name, status, event.time))
            }
        }
        for current in open where current.status != "operational" {
            if let end, current.since < end {
                spans.append(.init(component: current.component, status: current.status, start: current.since, end: end, incident: incident.title, fromImpactGrade: false))
            }
        }
        if events.contains(where: { !$0.componentChanges.isEmpty }) { return spans }
        guard let status = incident.impact.flatMap({ statusForImpact[$0.lowercased()] }), let window = IncidentMetrics(incident: incident).window else {
            return spans
        }
        return incident.components.map {
            ComponentStatusSpan(component: $0, status: status, start: window.start, end: window.end, incident: incident.title, fromImpactGrade: true)
        }
    }
}
