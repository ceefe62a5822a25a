import Foundation
import GRDB
import PostmortemIngest
import PostmortemTimeline

/// The captures being added to a store within one transaction (see `ArchiveStore.add`).
public struct ArchiveAddition {
    /// What one `add` or `absorb` did.
    public struct Summary: Sendable, Equatable {
        /// Captures stored by this transaction.
        public var added = 0
        /// Captures given again that the store already held (same file, same bytes): skipped.
        public var alreadyStored = 0
        /// Incidents in the captures added (before merging).
        public var snapshots = 0

        public init(added: Int = 0, alreadyStored: Int = 0, snapshots: Int = 0) {
            self.added = added
            self.alreadyStored = alreadyStored
            self.snapshots = snapshots
        }
    }

    let db: Database
    let store: String
    public private(set) var summary = Summary()
    /// The snapshots this transaction stored, whose merged incidents the cache must refresh.
    private(set) var stored: [MergedIncidentCache.SnapshotID] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    init(db: Database, store: String) {
        self.db = db
        self.store = store
    }

    /// Whether the store already holds the capture `name` with these bytes.
    /// - Throws: `ArchiveError.database`.
    public func contains(name: String, digest: CaptureDigest) throws(ArchiveError) -> Bool {
        do {
            return try Bool.fetchOne(
                try db.cachedStatement(sql: "SELECT 1 FROM capture WHERE name = ? AND digest = ?"),
                arguments: [name, digest.description]) ?? false
        } catch {
            throw ArchiveStore.failure(error, file: store, operation: "looking up \(name)")
        }
    }

    /// Counts a capture given again that the store already holds (found with `contains`), without reading it again.
    public mutating func skipStored() {
        summary.alreadyStored += 1
    }

    /// Stores one capture: the file `name`, a digest of its bytes, and what reading it gave.
    /// Returns `false` (and stores nothing) when the store already holds it.
    /// - Throws: `ArchiveError`.
    @discardableResult
    public mutating func add(name: String, digest: CaptureDigest, result: IngestResult) throws(ArchiveError) -> Bool {
        var capture = StoredCapture(
            name: name, sortName: StoredCapture.sortName(for: name), digest: digest.description, byteCount: digest.count,
            format: result.format?.rawValue)
        do {
            capture.snapshots = try result.incidents.map { incident in
                var rest = incident
                rest.events = []
                return StoredCapture.Snapshot(
                    identity: incident.identity?.key, keys: incident.identity?.keys ?? [], provider: incident.provider,
                    json: String(decoding: try encoder.encode(rest), as: UTF8.self), events: incident.events)
            }
        } catch {
            throw .database(file: store, operation: "encoding the incidents of \(name)", message: "\(error)")
        }
        capture.warnings = result.warnings
        return try copy(capture)
    }

    /// Stores a capture as another store keeps it; `false` when this store already holds it.
    /// - Throws: `ArchiveError`.
    mutating func copy(_ capture: StoredCapture) throws(ArchiveError) -> Bool {
        do {
            try db.cachedStatement(
                sql: "INSERT INTO capture (name, sortName, digest, byteCount, format) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name, digest) DO NOTHING"
            ).execute(arguments: [capture.name, capture.sortName, capture.digest, capture.byteCount, capture.format])
            guard db.changesCount > 0 else {
                summary.alreadyStored += 1
                return false
            }
            let id = db.lastInsertedRowID
            let snapshot = try db.cachedStatement(
                sql: "INSERT INTO snapshot (captureId, position, identity, provider, incident) VALUES (?, ?, ?, ?, ?)")
            let event = try db.cachedStatement(
                sql: "INSERT INTO event (captureId, snapshot, position, \(TimelineEvent.columns)) VALUES (?, ?, ?\(String(repeating: ", ?", count: 16)))")
            let key = try db.cachedStatement(sql: "INSERT OR IGNORE INTO snapshot_key (key, captureId, position) VALUES (?, ?, ?)")
            for (position, row) in capture.snapshots.enumerated() {
                try snapshot.execute(arguments: [id, position, row.identity, row.provider, row.json])
                for item in row.keys { try key.execute(arguments: [item, id, position]) }
                stored.append(MergedIncidentCache.SnapshotID(capture: id, position: position))
                for (index, item) in row.events.enumerated() {
                    try event.execute(arguments: try item.arguments(captureId: id, snapshot: position, position: index, encoder: encoder))
                }
            }
            let warning = try db.cachedStatement(
                sql: "INSERT INTO warning (captureId, position, file, line, byteOffset, message) VALUES (?, ?, ?, ?, ?, ?)")
            for (position, row) in capture.warnings.enumerated() {
                try warning.execute(arguments: [id, position, row.location.file, row.location.line, row.location.byteOffset, row.message])
            }
        } catch {
            throw ArchiveStore.failure(error, file: store, operation: "storing \(capture.name)")
        }
        summary.added += 1
        summary.snapshots += capture.snapshots.count
        return true
    }
}
