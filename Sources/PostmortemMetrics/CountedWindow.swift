import PostmortemTimeline

/// An incident's impact window as one measurement period counts it: clipped at the period's
/// edges, with the incident and files it came from.
public struct CountedWindow: Sendable, Equatable {
    public var incident: String
    /// The files the incident was read from.
    public var sources: [String]
    public var window: ImpactWindow
    /// The part of the window inside the period.
    public var start: Instant
    public var end: Instant
    /// Why the window does not count toward downtime (too few zones), or `nil` when it does.
    public var excludedBecause: String?
    /// The incident's dated events inside the counted part, each with its sentence and place:
    /// the evidence a claim cites.
    public var events: [TimelineEvent]

    public init(
        incident: String, sources: [String], window: ImpactWindow, start: Instant, end: Instant, excludedBecause: String? = nil,
        events: [TimelineEvent] = []
    ) {
        self.incident = incident
        self.sources = sources
        self.window = window
        self.start = start
        self.end = end
        self.excludedBecause = excludedBecause
        self.events = events
    }

    /// Whether the period's edges cut the window.
    public var isClipped: Bool { start != window.start || end != window.end }

    /// Seconds counted in the period.
    public var seconds: Int64 { start.seconds(until: end) }
}
