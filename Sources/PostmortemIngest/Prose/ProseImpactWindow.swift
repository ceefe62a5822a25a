import PostmortemTimeline

/// The outage window a postmortem's prose describes: the earliest instant at which it describes
/// impact, and the instant it describes the service as recovered or restored, with the sentences
/// that say so.
///
/// Only events timed to the minute (or second, or hour) count: a day or a part of a day ("on
/// Thursday", "Saturday morning") cannot mark when impact began. The start is the earliest event
/// whose clause states impact (the change that set the incident off counts: in the EBS text, "At
/// 12:47 AM PDT on April 21st, a network change was performed"); the end is the latest event after
/// the start whose clause states a restoration that is not qualified as partial (in the EBS text,
/// "At 6:15 PM PDT on April 23rd, API access to EBS resources was restored"). The window holds no
/// durations: the metrics code measures it.
public struct ProseImpactWindow: Sendable, Equatable, Codable {
    /// When impact began, in UTC.
    public var start: Instant
    /// When the service was described as restored, if the text says so.
    public var end: Instant?
    /// The event (with its sentence and place) that gave the start.
    public var startEvent: TimelineEvent
    /// The event that gave the end.
    public var endEvent: TimelineEvent?

    /// A window from the event that states the impact to the one that states the restoration.
    public init(startEvent: TimelineEvent, endEvent: TimelineEvent?) {
        self.start = startEvent.time
        self.end = endEvent?.time
        self.startEvent = startEvent
        self.endEvent = endEvent
    }

    /// The sentences used, start first.
    public var sentences: [String] {
        [startEvent.text] + (endEvent.map { [$0.text] } ?? [])
    }

    /// The window of an incident: the ends its reader chose from ranked evidence
    /// (`Incident.impactStart`/`impactEnd`) when it has them, else inferred from its events.
    public static func infer(from incident: Incident) -> ProseImpactWindow? {
        guard let start = incident.impactStart else { return infer(from: incident.events) }
        func event(for boundary: ImpactBoundary) -> TimelineEvent {
            incident.events.first { $0.source == boundary.source && $0.text == boundary.text && $0.time == boundary.time }
                ?? TimelineEvent(
                    time: boundary.time, writtenTime: boundary.writtenTime, text: boundary.text, source: boundary.source, kind: .narrative)
        }
        return ProseImpactWindow(startEvent: event(for: start), endEvent: incident.impactEnd.map(event(for:)))
    }

    /// Infers the window from events, using each event's `status` when it is one of
    /// `ProseStatus`'s words and classifying its text otherwise. `nil` when no event describes impact.
    /// - Complexity: O(n) in the number of events.
    public static func infer(from events: [TimelineEvent]) -> ProseImpactWindow? {
        let timed = events.filter { $0.precision != .day && $0.precision != .partOfDay }
        func status(_ event: TimelineEvent) -> ProseStatus? {
            if let written = event.status, let known = ProseStatus(rawValue: written) { return known }
            return ProseStatus.classify(event.text)
        }
        // Each event classified once, for both passes.
        let statuses = timed.map(status)
        var start: TimelineEvent?
        for (event, eventStatus) in zip(timed, statuses) where eventStatus == .impact {
            if start == nil || event.time < start?.time ?? event.time { start = event }
        }
        guard let start else { return nil }
        var end: TimelineEvent?
        for (event, eventStatus) in zip(timed, statuses) where eventStatus == .restored && event.time > start.time {
            if end == nil || event.time >= end?.time ?? event.time { end = event }
        }
        return ProseImpactWindow(startEvent: start, endEvent: end)
    }
}
