import PostmortemTimeline

/// When an incident (or one region of it) was affected, and how that was worked out.
public struct ImpactWindow: Sendable, Equatable, Codable {
    public var start: Instant
    public var end: Instant
    /// The region the window is about; `nil` for the whole incident.
    public var region: String?
    /// How each end was found.
    public var method: WindowMethod
    /// The source text the start was taken from.
    public var startEvidence: String?
    /// The source text the end was taken from.
    public var endEvidence: String?

    public init(
        start: Instant, end: Instant, region: String? = nil, method: WindowMethod,
        startEvidence: String? = nil, endEvidence: String? = nil
    ) {
        self.start = start
        self.end = end
        self.region = region
        self.method = method
        self.startEvidence = startEvidence
        self.endEvidence = endEvidence
    }

    /// Whole minutes from start to end.
    public var durationMinutes: Int { start.minutes(until: end) }
}

/// The evidence a window was computed from, strongest last.
public enum WindowMethod: String, Sendable, Equatable, Codable {
    /// From the first update to the first update saying the service was restored.
    case statusUpdates = "status-updates"
    /// From component status transitions (degraded -> operational) in the updates.
    case componentTransitions = "component-transitions"
    /// From the impact start and end the source states (a postmortem, Google's `begin`/`end`).
    case stated = "stated"

    /// A sentence a reader can follow.
    public var explanation: String {
        switch self {
        case .statusUpdates:
            return "from the first status update to the first update that says the service is restored"
        case .componentTransitions:
            return "from the first component leaving 'operational' to the last returning to it"
        case .stated:
            return "from the impact start and recovery the sources state"
        }
    }
}
