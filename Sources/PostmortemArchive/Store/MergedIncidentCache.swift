import Foundation
import GRDB
import PostmortemTimeline

/// The store's merged history kept ready: each merged incident's rendered form, beside the
/// columns the export filters on, and merging's warnings.
///
/// Merging is still done by `SnapshotHistory`, the one place that merges captures; the cache
/// only keeps its result between runs. An incident's merged form depends on nothing but the
/// snapshots it is connected to through shared identity keys (its component), so when an add
/// stores new snapshots only their components are merged again, each from all its snapshots in
/// capture order, and the rows they had are replaced. The result is the one a merge of the
/// whole store gives: the same incidents in the same order (an incident's place is that of its
/// first snapshot), the same warnings in the same order (each is kept with the snapshot whose
/// adding found it, and a merge of the component meets its snapshots in the same relative order
/// as a merge of everything). A test checks the cache against `ArchiveStore.history`.
enum MergedIncidentCache {
    /// A snapshot's place in the store: its capture row and its position in that capture.
    struct SnapshotID: Sendable, Hashable {
        var capture: Int64
        var position: Int
    }

    /// Separates the service and component names kept in the `names` column: the unit
    /// separator, a control character. `--service` matches part of one name, so a name holding
    /// this character could only be missed by a `--service` text that holds it too.
    static let nameSeparator: Character = "\u{1F}"

    /// Fills `snapshot_key` from the stored snapshots' own identities (a store written before
    /// the cache existed).
    static func indexKeys(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO snapshot_key (key, captureId, position) VALUES (?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT captureId, position, incident FROM snapshot")
        let decoder = JSONDecoder()
        while let row = try rows.next() {
            let capture: Int64 = row[0]
            let position: Int = row[1]
            let text: String = row[2]
            let identity = try decoder.decode(IdentityOnly.self, from: Data(text.utf8)).identity
            for key in identity?.keys ?? [] { try insert.execute(arguments: [key, capture, position]) }
        }
    }

    private struct IdentityOnly: Decodable {
        var identity: IncidentIdentity?
    }

    /// Brings the cache up to date after `stored` snapshots were added in this transaction.
    ///
    /// With no `rendering` the cache is only marked out of date (every reader then merges
    /// afresh). When the cache holds another rendering, or none, it is rebuilt whole.
    /// - Throws: `ArchiveError.damaged` for a stored value that cannot be decoded, or a `DatabaseError`.
    static func refresh(_ db: Database, stored: [SnapshotID], rendering: IncidentRendering?, store: String) throws {
        guard let rendering else {
            try db.execute(sql: "UPDATE merged_cache SET rendering = NULL")
            return
        }
        var pending = stored
        if try String.fetchOne(db, sql: "SELECT rendering FROM merged_cache") != rendering.name {
            try db.execute(sql: "DELETE FROM merged")
            try db.execute(sql: "DELETE FROM merged_warning")
            pending = try Row.fetchAll(db, sql: "SELECT captureId, position FROM snapshot ORDER BY captureId, position").map {
                SnapshotID(capture: $0[0], position: $0[1])
            }
        }
        var done = Set<SnapshotID>()
        for snapshot in pending where !done.contains(snapshot) {
            let component = try self.component(of: snapshot, db)
            done.formUnion(component)
            try merge(component, db, rendering: rendering, store: store)
        }
        try db.execute(sql: "UPDATE merged_cache SET rendering = ?", arguments: [rendering.name])
    }

    /// Every snapshot connected to `start` through shared identity keys, `start` included.
    private static func component(of start: SnapshotID, _ db: Database) throws -> [SnapshotID] {
        let keysOf = try db.cachedStatement(sql: "SELECT key FROM snapshot_key WHERE captureId = ? AND position = ?")
        let holders = try db.cachedStatement(sql: "SELECT captureId, position FROM snapshot_key WHERE key = ?")
        var found: Set<SnapshotID> = [start]
        var seenKeys = Set<String>()
        var stack = [start]
        while let snapshot = stack.popLast() {
            for key in try String.fetchAll(keysOf, arguments: [snapshot.capture, snapshot.position]) where seenKeys.insert(key).inserted {
                let rows = try Row.fetchCursor(holders, arguments: [key])
                while let row = try rows.next() {
                    let other = SnapshotID(capture: row[0], position: row[1])
                    if found.insert(other).inserted { stack.append(other) }
                }
            }
        }
        return Array(found)
    }

    /// Merges one component from its snapshots in capture order and replaces its cached rows.
    private static func merge(_ component: [SnapshotID], _ db: Database, rendering: IncidentRendering, store: String) throws {
        let captureName = try db.cachedStatement(sql: "SELECT name FROM capture WHERE id = ?")
        let snapshotRow = try db.cachedStatement(sql: "SELECT incident FROM snapshot WHERE captureId = ? AND position = ?")
        let eventRows = try db.cachedStatement(
            sql: "SELECT \(TimelineEvent.columns) FROM event WHERE captureId = ? AND snapshot = ? ORDER BY position")
        // Capture order, as `ArchiveStore.forEachCapture` reads the store (SQLite compares the
        // names, so the order is its own and not Swift's), then place in the capture.
        var captureIDs = Array(Set(component.map(\.capture))).sorted()
        if captureIDs.count > 1 {
            captureIDs = try Int64.fetchAll(
                db, sql: "SELECT id FROM capture WHERE id IN (\(captureIDs.map { _ in "?" }.joined(separator: ", "))) ORDER BY sortName, name, digest",
                arguments: StatementArguments(captureIDs))
        }
        let positions = Dictionary(grouping: component, by: \.capture).mapValues { $0.map(\.position).sorted() }
        var places: [(id: SnapshotID, name: String)] = []
        for capture in captureIDs {
            guard let name = try String.fetchOne(captureName, arguments: [capture]) else {
                throw ArchiveError.damaged(file: store, place: "capture #\(capture)", message: "no such capture")
            }
            for position in positions[capture] ?? [] { places.append((SnapshotID(capture: capture, position: position), name)) }
        }
        let decoder = JSONDecoder()
        var history = SnapshotHistory()
        var captures: [[SnapshotID]] = []
        var index = 0
        while index < places.count {
            var group: [(id: SnapshotID, name: String)] = []
            while index < places.count, group.isEmpty || places[index].id.capture == group[0].id.capture {
                group.append(places[index])
                index += 1
            }
            var incidents: [Incident] = []
            for place in group {
                let location = "snapshot \(place.name) #\(place.id.position)"
                guard let text = try String.fetchOne(snapshotRow, arguments: [place.id.capture, place.id.position]) else {
                    throw ArchiveError.damaged(file: store, place: location, message: "no such snapshot")
                }
                do {
                    var incident = try decoder.decode(Incident.self, from: Data(text.utf8))
                    incident.events = try Row.fetchAll(eventRows, arguments: [place.id.capture, place.id.position]).map {
                        try TimelineEvent(row: $0, offset: 0, decoder: decoder)
                    }
                    incidents.append(incident)
                } catch let error as DatabaseError {
                    throw error
                } catch {
                    throw ArchiveError.damaged(file: store, place: location, message: "\(error)")
                }
            }
            history.add(SnapshotCapture(name: group[0].name, incidents: incidents))
            captures.append(group.map(\.id))
        }
        let merged = history.incidents
        guard merged.count == 1, let incident = merged.first, let first = places.first?.id else {
            throw ArchiveError.damaged(file: store, place: "snapshot \(places.first?.name ?? "?")", message: "its snapshots merged to \(merged.count) incidents")
        }
        let forget = try db.cachedStatement(sql: "DELETE FROM merged WHERE captureId = ? AND position = ?")
        let forgetWarnings = try db.cachedStatement(sql: "DELETE FROM merged_warning WHERE captureId = ? AND position = ?")
        for id in component {
            try forget.execute(arguments: [id.capture, id.position])
            try forgetWarnings.execute(arguments: [id.capture, id.position])
        }
        let names = (incident.services + incident.components).joined(separator: String(nameSeparator))
        let rendered = rendering.render(incident)
        try db.cachedStatement(sql: "INSERT INTO merged (captureId, position, provider, names, start, rendered) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [first.capture, first.position, incident.provider, names, ArchiveFilter.start(of: incident)?.secondsSinceEpoch,
                Data(rendered)])
        let warning = try db.cachedStatement(
            sql: "INSERT INTO merged_warning (captureId, position, sequence, file, line, byteOffset, message) VALUES (?, ?, ?, ?, ?, ?, ?)")
        var sequence: [SnapshotID: Int] = [:]
        for (item, origin) in zip(history.warnings, history.warningOrigins) {
            let id = captures[origin.capture][origin.position]
            let number = sequence[id, default: 0]
            sequence[id] = number + 1
            try warning.execute(arguments: [
                id.capture, id.position, number, item.location.file, item.location.line, item.location.byteOffset, item.message,
            ])
        }
    }
}
