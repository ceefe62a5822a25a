import PostmortemTimeline

/// The numbers a reliability engineer wants from one incident.
public struct IncidentMetrics: Sendable, Equatable {
    public var title: String
    /// The impact window for the whole incident, when one can be found.
    public var window: ImpactWindow?
    /// Windows per region, when the sources say regions recovered at different times.
    public var regionWindows: [ImpactWindow]
    /// Minutes from the impact start to the first posted update, when both are known and differ.
    public var firstUpdateDelayMinutes: Int?
    /// Minutes from the impact start to the first update with each status.
    public var timeToStatus: [StatusMilestone]
    public var cadence: UpdateCadence
    /// One curve per subject, from the observations.
    public var recoveryCurves: [RecoveryCurve]
    /// Derived recovery figures for each curve.
    public var curveSummaries: [CurveSummary]
    /// What could not be worked out, and why.
    public var notes: [String]

    /// Computes every metric the incident's events and observations support.
    public init(incident: Incident) {
        title = incident.title
        notes = []
        let updates = incident.events.filter { $0.kind == .update }
        cadence = UpdateCadence(updates: updates.map(\.time))
        let windows = WindowFinder(incident: incident)
        window = windows.overall
        regionWindows = windows.regions
        notes += windows.notes
        if let window, let firstUpdate = updates.first?.time, window.start < firstUpdate {
            firstUpdateDelayMinutes = window.start.minutes(until: firstUpdate)
        } else {
            firstUpdateDelayMinutes = nil
        }
        var milestones: [StatusMilestone] = []
        if let start = window?.start {
            for status in StatusMilestone.tracked {
                if let event = incident.events.first(where: { $0.status == status }) {
                    milestones.append(StatusMilestone(status: status, time: event.time, minutesFromStart: start.minutes(until: event.time)))
                }
            }
        }
        timeToStatus = milestones
        recoveryCurves = RecoveryCurve.published(from: incident.observations)
        curveSummaries = recoveryCurves.map(CurveSummary.init(curve:))
    }
}

/// When an incident first reached a status (identified, monitoring, resolved).
public struct StatusMilestone: Sendable, Equatable, Codable {
    public var status: String
    public var time: Instant
    public var minutesFromStart: Int

    static let tracked = ["identified", "monitoring", "resolved"]
}
