import PostmortemTimeline

/// One incident of a `SnapshotHistory` as merged so far: the latest version's fields, every
/// update any capture held, and the captures it was seen in.
struct HistoryEntry: Sendable, Equatable {
    /// An update without an id, placed by UTC minute, status and n-th occurrence (oldest first).
    struct Slot: Sendable, Hashable {
        var minute: Int64
        var status: String
        var occurrence: Int
    }

    /// An update as kept, with the version it came from.
    struct KeptEvent: Sendable, Equatable {
        var event: TimelineEvent
        var rank: HistoryVersion.Rank
        var capture: String
        /// The update's place in its version.
        var order: Int
    }

    private(set) var latest: HistoryVersion
    private(set) var keys: [String] = []
    private var sources: [String] = []
    private var byID: [String: KeptEvent] = [:]
    private var bySlot: [Slot: KeptEvent] = [:]
    private var statedStart: Instant?
    private var statedEnd: Instant?
    private var scheduledStart: Instant?
    private var scheduledEnd: Instant?
    private var services: [String] = []
    private var regions: [String] = []
    private var components: [String] = []
    private var observations: [Observation] = []
    private var credits: [AnnouncedCredit] = []
    /// Whether the first version's updates are still in `latest` rather than in the tables.
    /// Most incidents of an archive are seen once; they keep their updates as read (no table of
    /// kept updates), and go through the tables only when a second version arrives or at the
    /// end, which puts them there exactly as adding them at once would have (one version alone
    /// never warns).
    private var deferred = false

    init(first: HistoryVersion) {
        latest = first
        var fields = first.incident
        fields.sources = fields.sources.isEmpty ? [first.capture] : fields.sources
        takeFields(of: fields, keys: first.incident.identity?.keys ?? [])
        deferred = true
    }

    /// Moves the first version's updates from `latest` into the tables.
    private mutating func settle() {
        guard deferred else { return }
        deferred = false
        _ = keepEvents(of: latest)
    }

    /// Takes in one more version; returns a warning for each disagreement with what was kept.
    mutating func add(_ version: HistoryVersion) -> [ParseWarning] {
        settle()
        var warnings: [ParseWarning] = []
        let incident = version.incident
        if version.rank != latest.rank {
            warnings += takeLatest(version)
        }
        var fields = incident
        fields.sources = incident.sources.isEmpty ? [version.capture] : incident.sources
        takeFields(of: fields, keys: incident.identity?.keys ?? [])
        return warnings + keepEvents(of: version)
    }

    /// Puts a version's updates in the tables, warning where a kept one's text differs.
    private mutating func keepEvents(of version: HistoryVersion) -> [ParseWarning] {
        // An incident without an identity is kept as read (it can meet no other version).
        guard !keys.isEmpty else { return [] }
        var warnings: [ParseWarning] = []
        let incident = version.incident
        var occurrences: [Slot: Int] = [:]
        for (order, event) in incident.events.enumerated() {
            let kept = KeptEvent(event: event, rank: version.rank, capture: version.capture, order: order)
            if let id = event.updateID {
                warnings += keep(kept, in: &byID, at: id, describing: "update \(id)")
            } else {
                var slot = Slot(minute: Self.minute(event.time), status: event.status ?? "", occurrence: 0)
                slot.occurrence = occurrences[slot, default: 0]
                occurrences[Slot(minute: slot.minute, status: slot.status, occurrence: 0), default: 0] += 1
                warnings += keep(kept, in: &bySlot, at: slot, describing: "the update of \(event.time.iso8601)")
            }
        }
        // The updates live in the tables; the latest version keeps only its other fields, so a
        // long series holds one copy of each update.
        latest.incident.events = []
        return warnings
    }

    /// Folds another entry (found to be the same incident through a shared key) into this one.
    mutating func absorb(_ other: HistoryEntry) -> [ParseWarning] {
        settle()
        var other = other
        other.settle()
        var warnings = other.latest.rank > latest.rank ? takeLatest(other.latest) : []
        takeFields(of: other.fieldsOnly, keys: other.keys)
        for (id, kept) in other.byID.sorted(by: { $0.key < $1.key }) {
            warnings += keep(kept, in: &byID, at: id, describing: "update \(id)")
        }
        for (slot, kept) in other.bySlot.sorted(by: { ($0.key.minute, $0.key.status, $0.key.occurrence) < ($1.key.minute, $1.key.status, $1.key.occurrence) }) {
            warnings += keep(kept, in: &bySlot, at: slot, describing: "the update of \(kept.event.time.iso8601)")
        }
        return warnings
    }

    /// Unions lists and widens windows with another version's (or entry's) fields.
    private mutating func takeFields(of incident: Incident, keys newKeys: [String]) {
        Self.append(newKeys, to: &keys)
        Self.append(incident.sources, to: &sources)
        Self.append(incident.services, to: &services)
        Self.append(incident.regions, to: &regions)
        Self.append(incident.components, to: &components)
        statedStart = Self.earliest(statedStart, incident.statedImpactStart)
        statedEnd = Self.latest(statedEnd, incident.statedImpactEnd)
        scheduledStart = Self.earliest(scheduledStart, incident.scheduledStart)
        scheduledEnd = Self.latest(scheduledEnd, incident.scheduledEnd)
        for observation in incident.observations where !observations.contains(where: { Self.sameStatement($0, observation) }) {
            observations.append(observation)
        }
        for credit in incident.announcedCredits where !credits.contains(where: { $0.text == credit.text }) {
            credits.append(credit)
        }
    }

    /// The merged incident: the latest version's fields, the union of updates in time order.
    func merged() -> Incident {
        // An incident without an identity has one version and nothing to merge: as read.
        guard !keys.isEmpty else { return latest.incident }
        if deferred {
            var settled = self
            settled.settle()
            return settled.merged()
        }
        var incident = fieldsOnly
        // An update without an id that another capture holds with its id (a feed entry beside
        // the API record) is the same update: the one with the id is kept.
        let identified = Set(byID.values.map { IdentifiedText(minute: Self.minute($0.event.time), text: $0.event.text) })
        let anonymous = bySlot.values.filter { !identified.contains(IdentifiedText(minute: Self.minute($0.event.time), text: $0.event.text)) }
        // Same-time updates keep the order their latest capture gave them.
        let kept = (Array(byID.values) + anonymous).sorted { lhs, rhs in
            if lhs.event.time != rhs.event.time { return lhs.event.time < rhs.event.time }
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            return lhs.order < rhs.order
        }
        incident.events = kept.map(\.event)
        return incident
    }

    /// The latest version's fields with the unions and windows, without its events.
    private var fieldsOnly: Incident {
        var incident = latest.incident
        incident.events = []
        incident.sources = sources
        incident.services = services
        incident.regions = regions
        incident.components = components
        incident.observations = observations
        incident.announcedCredits = credits
        incident.statedImpactStart = statedStart
        incident.statedImpactEnd = statedEnd
        incident.scheduledStart = scheduledStart
        incident.scheduledEnd = scheduledEnd
        if let key = keys.first {
            incident.identity = IncidentIdentity(key: latest.incident.identity?.key ?? key, aliases: keys)
        }
        return incident
    }

    private struct IdentifiedText: Hashable {
        var minute: Int64
        var text: String
    }

    /// Makes `version` the latest (when it ranks higher), warning when its title differs.
    private mutating func takeLatest(_ version: HistoryVersion) -> [ParseWarning] {
        let (older, newer) = version.rank > latest.rank ? (latest, version) : (version, latest)
        var warnings: [ParseWarning] = []
        if older.incident.title != newer.incident.title {
            warnings.append(
                ParseWarning(
                    location: SourceLocation(file: newer.capture),
                    message: "the title of \(newer.incident.identity?.key ?? "an incident") changed from '\(older.incident.title)' (\(older.capture)) to '\(newer.incident.title)'; kept the latest"))
        }
        latest = newer
        return warnings
    }

    /// Keeps the higher-ranked of the update already at `key` and `kept`, warning when their texts differ.
    private func keep<Key: Hashable>(_ kept: KeptEvent, in table: inout [Key: KeptEvent], at key: Key, describing name: String) -> [ParseWarning] {
        guard let existing = table[key] else {
            table[key] = kept
            return []
        }
        let (older, newer) = kept.rank > existing.rank ? (existing, kept) : (kept, existing)
        table[key] = newer
        guard older.event.text != newer.event.text, older.capture != newer.capture else { return [] }
        return [
            ParseWarning(
                location: newer.event.source,
                message: "the text of \(name) of '\(latest.incident.title)' differs between \(older.capture) and \(newer.capture); kept the latest (\(newer.capture))"),
        ]
    }

    private static func minute(_ instant: Instant) -> Int64 {
        let seconds = instant.secondsSinceEpoch
        return seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
    }

    private static func sameStatement(_ a: Observation, _ b: Observation) -> Bool {
        a.value == b.value && a.unit == b.unit && a.subject == b.subject && a.text == b.text
    }

    private static func append(_ items: [String], to list: inout [String]) {
        for item in items where !list.contains(item) { list.append(item) }
    }

    private static func earliest(_ a: Instant?, _ b: Instant?) -> Instant? {
        [a, b].compactMap { $0 }.min()
    }

    private static func latest(_ a: Instant?, _ b: Instant?) -> Instant? {
        [a, b].compactMap { $0 }.max()
    }
}
