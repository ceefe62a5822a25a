import PostmortemTimeline

/// Snapshot captures of status pages merged into one history: every incident once, however
/// many captures hold it.
///
/// Captures are added one at a time in capture order (oldest first); only the merged incidents
/// are held, so memory grows with the number of distinct incidents, not of captures. Incidents
/// meet when they share any identity key (`IncidentIdentity`);
/// an incident without an identity is never merged. For each merged incident:
/// - updates are the union over captures: an update with an id (`updateID`) is one update
///   however many captures hold it; an update without one is placed in its slot (UTC minute,
///   status, n-th such update of that minute counted oldest first), so an update seen in two
///   captures is one update while updates truly repeated within one capture stay apart;
/// - title, status, impact, provider and URL come from the latest version, the one whose last
///   update is newest (on a tie, the capture whose name sorts later: scrapers name captures by
///   time, and the choice must not depend on the order captures are added in);
/// - the stated impact window and the maintenance window are the widest any capture states;
/// - `sources` lists every capture it was seen in, in capture order.
/// Where captures disagree (the title or an update's text changed) the latest is kept and a
/// warning names both captures.
public struct SnapshotHistory: Sendable, Equatable {
    private var entries: [HistoryEntry?] = []
    private var entryForKey: [String: Int] = [:]
    private var captureCount = 0
    /// Disagreements between captures, in the order they were found.
    public private(set) var warnings: [ParseWarning] = []
    /// For each of `warnings`, the capture (in the order added) and the place in it of the
    /// incident whose adding found it: the store keeps each warning with that snapshot, so its
    /// cache lists them in the order a whole merge finds them.
    private(set) var warningOrigins: [Origin] = []

    /// A capture (counted in the order added) and an incident's place in it.
    struct Origin: Sendable, Equatable {
        var capture: Int
        var position: Int
    }

    public init() {}

    /// The history of `captures`, given oldest first.
    public init(captures: [SnapshotCapture]) {
        for capture in captures { add(capture) }
    }

    /// Adds one capture's incidents (the capture newer than every one added before).
    public mutating func add(_ capture: SnapshotCapture) {
        let captureIndex = captureCount
        captureCount += 1
        for (position, incident) in capture.incidents.enumerated() {
            let found = warnings.count
            defer { warningOrigins += Array(repeating: Origin(capture: captureIndex, position: position), count: warnings.count - found) }
            let version = HistoryVersion(
                incident: incident, capture: capture.name,
                rank: HistoryVersion.Rank(
                    lastUpdate: incident.events.map(\.time).max(), captureName: capture.name, capture: captureIndex, position: position))
            let keys = incident.identity?.keys ?? []
            var matched: [Int] = []
            for key in keys {
                if let index = entryForKey[key], !matched.contains(index) { matched.append(index) }
            }
            guard let target = matched.min() else {
                let index = entries.count
                entries.append(HistoryEntry(first: version))
                for key in keys { entryForKey[key] = index }
                continue
            }
            // One version can join entries that were apart (an id in one capture, a URL in
            // another): the later entries fold into the earliest.
            for other in matched where other != target {
                if let absorbed = entries[other] {
                    entries[other] = nil
                    warnings += entries[target]?.absorb(absorbed) ?? []
                    for key in absorbed.keys { entryForKey[key] = target }
                }
            }
            warnings += entries[target]?.add(version) ?? []
            for key in keys { entryForKey[key] = target }
        }
    }

    /// The merged incidents, in the order each was first seen, events in time order.
    public var incidents: [Incident] {
        entries.compactMap { $0?.merged() }
    }

    /// Hands each merged incident to `body` in the order `incidents` gives them, releasing each
    /// entry once handed over, so a writer that renders as it goes never holds the history and
    /// its merged copy at once. The history holds no incidents afterwards (its warnings stay).
    public mutating func drain(_ body: (Incident) throws -> Void) rethrows {
        for index in entries.indices {
            guard let entry = entries[index] else { continue }
            entries[index] = nil
            try body(entry.merged())
        }
        entries = []
        entryForKey = [:]
    }

    /// How many captures have been added.
    public var captures: Int { captureCount }
}
