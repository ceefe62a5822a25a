import PostmortemTimeline

/// Which merged incidents a listing or export keeps: by provider, by service, by start.
public struct ArchiveFilter: Sendable, Equatable {
    /// The provider, compared without regard to case (`github` keeps `GitHub`).
    public var provider: String?
    /// A service or component name, or part of one, without regard to case (`codespaces`).
    public var service: String?
    /// Keeps incidents that start at or after this instant.
    public var since: Instant?
    /// Keeps incidents that start before this instant.
    public var until: Instant?

    public init(provider: String? = nil, service: String? = nil, since: Instant? = nil, until: Instant? = nil) {
        self.provider = provider
        self.service = service
        self.since = since
        self.until = until
    }

    /// Whether no condition is set.
    public var isEmpty: Bool { provider == nil && service == nil && since == nil && until == nil }

    /// Whether `incident` passes every condition set. An incident with no time passes no time bound.
    public func includes(_ incident: Incident) -> Bool {
        includes(provider: incident.provider, names: incident.services + incident.components, start: Self.start(of: incident))
    }

    /// Whether an incident with this provider, these service and component names and this first
    /// instant passes every condition set (what the store keeps beside each merged incident).
    public func includes(provider incidentProvider: String?, names: [String], start: Instant?) -> Bool {
        if let provider, incidentProvider?.lowercased() != provider.lowercased() { return false }
        if let service {
            let wanted = service.lowercased()
            guard names.contains(where: { $0.lowercased().contains(wanted) }) else { return false }
        }
        if since != nil || until != nil {
            guard let start else { return false }
            if let since, start < since { return false }
            if let until, start >= until { return false }
        }
        return true
    }

    /// The incident's first instant: its first event, or the stated or scheduled start when earlier.
    public static func start(of incident: Incident) -> Instant? {
        [incident.events.first?.time, incident.statedImpactStart, incident.scheduledStart].compactMap { $0 }.min()
    }

    /// `--since`/`--until` text as an instant: `YYYY-MM-DD` (midnight UTC; with `endOfDay`, the
    /// midnight after it, so `--until 2023-05-31` keeps all of May 31) or ISO 8601.
    public static func instant(_ text: String, endOfDay: Bool = false) -> Instant? {
        if text.count == 10, let date = CivilDate(iso: text) {
            let midnight = Instant(date: date, hour: 0, minute: 0, offsetSeconds: 0)
            return endOfDay ? midnight.adding(seconds: 86_400) : midnight
        }
        return Instant(iso8601: text)
    }
}
