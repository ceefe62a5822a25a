/// One incident as the sources describe it: what was affected, and its dated events and figures.
public struct Incident: Sendable, Equatable, Hashable, Codable {
    public var title: String
    /// The provider whose service it was (`AWS`), when known.
    public var provider: String?
    /// The services or products affected (`Amazon S3`).
    public var services: [String]
    /// Regions or locations affected (`US`, `EU`, `us-east-1`).
    public var regions: [String]
    /// The impact as the source grades it (`none`, `minor`, `major`, `critical`, `maintenance`).
    public var impact: String?
    /// Components the source lists as affected.
    public var components: [String]
    /// The affected components' statuses as the (latest) capture shows them.
    public var componentStatuses: [ComponentStatus]
    /// Where the incident is published, when the source links to it.
    public var url: String?
    /// Every dated event, in time order once `normalized()` has run.
    public var events: [TimelineEvent]
    /// Quantities stated in the sources.
    public var observations: [Observation]
    /// Instants the source states directly as the impact window (Google's `begin`/`end`,
    /// Statuspage's `started_at`/`resolved_at`), kept apart from the update times.
    public var statedImpactStart: Instant?
    public var statedImpactEnd: Instant?
    /// The impact window's ends as a postmortem's text gives them, each with its evidence (the
    /// sentence or row, the rule, stated or inferred). `nil` when no document gave one.
    public var impactStart: ImpactBoundary?
    public var impactEnd: ImpactBoundary?
    /// Credits the provider says it granted, as written ("a 10 day credit equal to 100% of their usage").
    public var announcedCredits: [AnnouncedCredit]
    /// The files the incident was read from, in the order given; after merging snapshots, every
    /// capture it was seen in, in capture order.
    public var sources: [String]
    /// The stable identity the reader found (Statuspage id, incident URL, Google id, AWS
    /// service + first update, feed entry id); `nil` when the source gives none.
    public var identity: IncidentIdentity?
    /// The incident's own status as the source states it (`resolved`, `investigating`,
    /// `in_progress`), when it states one apart from its updates.
    public var status: String?
    /// Whether this is planned maintenance rather than an outage.
    public var isMaintenance: Bool
    /// The announced maintenance window (Statuspage `scheduled_for` / `scheduled_until`).
    public var scheduledStart: Instant?
    public var scheduledEnd: Instant?

    public init(
        title: String, provider: String? = nil, services: [String] = [], regions: [String] = [],
        impact: String? = nil, components: [String] = [], componentStatuses: [ComponentStatus] = [], url: String? = nil,
        events: [TimelineEvent] = [], observations: [Observation] = [],
        statedImpactStart: Instant? = nil, statedImpactEnd: Instant? = nil,
        announcedCredits: [AnnouncedCredit] = [], sources: [String] = [],
        identity: IncidentIdentity? = nil, status: String? = nil, isMaintenance: Bool = false,
        scheduledStart: Instant? = nil, scheduledEnd: Instant? = nil,
        impactStart: ImpactBoundary? = nil, impactEnd: ImpactBoundary? = nil
    ) {
        self.title = title
        self.provider = provider
        self.services = services
        self.regions = regions
        self.impact = impact
        self.components = components
        self.componentStatuses = componentStatuses
        self.url = url
        self.events = events
        self.observations = observations
        self.statedImpactStart = statedImpactStart
        self.statedImpactEnd = statedImpactEnd
        self.announcedCredits = announcedCredits
        self.sources = sources
        self.identity = identity
        self.status = status
        self.isMaintenance = isMaintenance
        self.scheduledStart = scheduledStart
        self.scheduledEnd = scheduledEnd
        self.impactStart = impactStart
        self.impactEnd = impactEnd
    }

    /// The same incident with events in time order (stable: equal times keep source order).
    /// - Complexity: O(n) when the events are in order already (most readers give them so),
    ///   O(n log n) otherwise.
    public func normalized() -> Incident {
        // The stable sort would leave ordered events as they are; skipping it spares two copies
        // of the events, which on an SHD page of half a million updates is a third of the memory.
        if zip(events, events.dropFirst()).allSatisfy({ $0.time <= $1.time }) { return self }
        var copy = self
        copy.events = events.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
        return copy
    }

    /// The first date of the incident, in UTC, from its events or stated window.
    public var firstDate: CivilDate? {
        let first = [events.first?.time, statedImpactStart].compactMap { $0 }.min()
        return first?.civil().date
    }

    /// The zone most of the events were written in, for showing times as the source did.
    public var primaryZone: WrittenZone? {
        var counts: [WrittenZone: Int] = [:]
        var order: [WrittenZone] = []
        for zone in events.compactMap(\.zone) {
            if counts[zone] == nil { order.append(zone) }
            counts[zone, default: 0] += 1
        }
        var best: (zone: WrittenZone, count: Int)?
        for zone in order {
            let count = counts[zone, default: 0]
            if count > (best?.count ?? 0) { best = (zone, count) }
        }
        return best?.zone
    }
}

/// A credit the provider announced it would grant, as opposed to what the contract says.
public struct AnnouncedCredit: Sendable, Equatable, Hashable, Codable {
    /// A short statement: "10 days of 100% of usage", "SLA process waived; credit applied for July".
    public var summary: String
    /// The sentence it came from.
    public var text: String
    public var source: SourceLocation

    public init(summary: String, text: String, source: SourceLocation) {
        self.summary = summary
        self.text = text
        self.source = source
    }
}
