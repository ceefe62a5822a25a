import Foundation
import GRDB
import PostmortemIngest
import PostmortemTimeline

/// An embedded SQLite store of status-page captures (through GRDB), from which the merged
/// history of every incident is read.
///
/// The store keeps each capture's incidents as read, and merges them with `SnapshotHistory` in
/// capture order (the file's own name, then its path, then its digest) whenever the history is
/// read; each add also keeps the merged incidents it touched rendered for the export
/// (`forEachRendered`), so exporting neither decodes nor merges. So adding is idempotent (a capture already stored is skipped) and order-free (any order
/// of adds gives the same history, byte for byte), and two stores merge by copying captures.
///
/// Every `add` is one SQLite transaction. The database runs in WAL mode with a busy timeout,
/// so several processes can add to one store at once: writers queue, readers never wait.
public struct ArchiveStore: Sendable {
    /// The store file as the user gave it.
    public let path: String
    let queue: DatabaseQueue
    /// The rendering the store keeps of each merged incident, refreshed by every add; `nil`
    /// marks the cache out of date instead.
    public let rendering: IncidentRendering?

    /// How long a writer waits for another process's transaction before failing.
    public static let defaultBusyTimeout: TimeInterval = 300

    /// Opens the store at `path`, creating it (and bringing an older schema up to date) when
    /// `create` is set; reading commands pass `false`, so a mistyped path is an error, not an
    /// empty store.
    /// - Throws: `ArchiveError.missingStore`, `.notAStore`, `.newerSchema` (the file is left
    ///   unchanged), or `.database`.
    public init(
        path: String, create: Bool, rendering: IncidentRendering? = nil, busyTimeout: TimeInterval = ArchiveStore.defaultBusyTimeout
    ) throws(ArchiveError) {
        self.path = path
        self.rendering = rendering
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw .notAStore(file: path, reason: "it is a directory") }
        if !exists, !create { throw .missingStore(file: path) }
        if exists, let reason = Self.notSQLite(path) { throw .notAStore(file: path, reason: reason) }
        let configuration = Self.configuration(busyTimeout: busyTimeout)
        if !exists { try Self.createFile(at: path, configuration: configuration) }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.failure(error, file: path, operation: "opening the store")
        }
        try prepareSchema()
    }

    /// Foreign keys on, a busy timeout; the journal mode is left as the file has it (WAL, set
    /// when the store was created), so opening a store writes nothing.
    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "postmortem.archive"
        return configuration
    }

    /// Creates a new store at `path` whole, or finds that another process just did.
    ///
    /// The store is built under a private name beside `path` (switched to WAL, which SQLite
    /// keeps in the file, and given its schema), then linked to `path`, which fails when
    /// `path` exists: two processes creating one store at once never meet in a half-made file,
    /// and the one that comes second opens the store the first made.
    private static func createFile(at path: String, configuration: Configuration) throws(ArchiveError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + "." + (path as NSString).lastPathComponent + ".creating-\(getpid())-\(UUID().uuidString)"
        defer { removeFiles(at: temporary) }
        do {
            var setup = configuration
            setup.journalMode = .wal
            let queue = try DatabaseQueue(path: temporary, configuration: setup)
            try queue.inTransaction(.immediate) { db in
                try ArchiveSchema.migrate(db)
                return .commit
            }
            try queue.close()
        } catch {
            throw failure(error, file: path, operation: "creating the store")
        }
        if link(temporary, path) != 0, errno != EEXIST {
            throw .database(file: path, operation: "creating the store", message: String(cString: strerror(errno)))
        }
    }

    /// Refuses a store written by a newer version or by another program, then applies the
    /// migrations this version knows and the store lacks.
    ///
    /// An up-to-date store is only read (so opening one never waits for another process's
    /// add); otherwise the check is made again, and the migrations applied, in one IMMEDIATE
    /// transaction, so two processes upgrading one store at once take turns.
    private func prepareSchema() throws(ArchiveError) {
        do {
            let current = try queue.read { db in try checkSchema(db) }
            if current { return }
            try queue.inTransaction(.immediate) { db in
                if try !checkSchema(db) { try ArchiveSchema.migrate(db) }
                return .commit
            }
        } catch {
            throw Self.failure(error, file: path, operation: "bringing the schema up to date")
        }
    }

    /// Whether the store has every migration this version knows.
    /// - Throws: `ArchiveError.newerSchema` or `.notAStore`.
    private func checkSchema(_ db: Database) throws -> Bool {
        let applied = try ArchiveSchema.applied(db)
        let unknown = applied.subtracting(ArchiveSchema.identifiers)
        if !unknown.isEmpty { throw ArchiveError.newerSchema(file: path, unknownMigrations: unknown.sorted()) }
        if applied.isEmpty {
            let tables = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'") ?? 0
            if tables > 0 { throw ArchiveError.notAStore(file: path, reason: "an SQLite database with tables of its own and no postmortem schema") }
        }
        return applied.isSuperset(of: ArchiveSchema.identifiers)
    }

    /// Why the file at `path` cannot be an SQLite database, from its header; `nil` when it can.
    private static func notSQLite(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "it cannot be opened for reading" }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        // An empty file is a database SQLite has not written yet.
        if header.isEmpty { return nil }
        return header == Data("SQLite format 3\0".utf8) ? nil : "the file is not an SQLite database"
    }

    /// Runs `body` in one IMMEDIATE transaction: everything it stores is committed together,
    /// or, when it throws, nothing is and the store is as it was.
    /// - Throws: the error `body` throws (an input's `IngestError`, unchanged), or `ArchiveError`.
    public func add(_ body: (inout ArchiveAddition) throws -> Void) throws -> ArchiveAddition.Summary {
        var summary = ArchiveAddition.Summary()
        do {
            try queue.inTransaction(.immediate) { db in
                var addition = ArchiveAddition(db: db, store: path)
                try body(&addition)
                try MergedIncidentCache.refresh(db, stored: addition.stored, rendering: rendering, store: path)
                summary = addition.summary
                return .commit
            }
        } catch let error as DatabaseError {
            throw Self.failure(error, file: path, operation: "adding to the store")
        }
        return summary
    }

    /// Copies every capture of `other` this store lacks, in one transaction.
    /// - Throws: `ArchiveError` for either store.
    public func absorb(_ other: ArchiveStore) throws(ArchiveError) -> ArchiveAddition.Summary {
        var summary = ArchiveAddition.Summary()
        do {
            try queue.inTransaction(.immediate) { db in
                var addition = ArchiveAddition(db: db, store: path)
                try other.forEachCapture { capture in
                    _ = try addition.copy(capture)
                }
                try MergedIncidentCache.refresh(db, stored: addition.stored, rendering: rendering, store: path)
                summary = addition.summary
                return .commit
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw Self.failure(error, file: path, operation: "merging \(other.path) into the store")
        }
        return summary
    }

    /// Every capture with its rows, in capture order, read in one consistent snapshot of the store
    /// and handed to `body` one at a time (so memory holds one capture, not the store).
    /// - Throws: `ArchiveError`, or what `body` throws.
    func forEachCapture(withRows: Bool = true, _ body: (StoredCapture) throws -> Void) throws {
        do {
            try queue.read { db in
                let captures = try Row.fetchCursor(
                    db, sql: "SELECT id, name, sortName, digest, byteCount, format FROM capture ORDER BY sortName, name, digest")
                let snapshots = try db.cachedStatement(
                    sql: "SELECT position, identity, provider, incident FROM snapshot WHERE captureId = ? ORDER BY position")
                let events = try db.cachedStatement(
                    sql: "SELECT snapshot, \(TimelineEvent.columns) FROM event WHERE captureId = ? ORDER BY snapshot, position")
                let decoder = JSONDecoder()
                let warnings = try db.cachedStatement(
                    sql: "SELECT position, file, line, byteOffset, message FROM warning WHERE captureId = ? ORDER BY position")
                let keys = try db.cachedStatement(sql: "SELECT position, key FROM snapshot_key WHERE captureId = ? ORDER BY position, key")
                while let row = try captures.next() {
                    let id: Int64 = row["id"]
                    var capture = StoredCapture(
                        name: row["name"], sortName: row["sortName"], digest: row["digest"], byteCount: row["byteCount"], format: row["format"])
                    if withRows {
                    capture.snapshots = try Row.fetchAll(snapshots, arguments: [id]).map { row in
                        StoredCapture.Snapshot(identity: row["identity"], provider: row["provider"], json: row["incident"], events: [])
                    }
                    for row in try Row.fetchAll(keys, arguments: [id]) {
                        let position: Int = row[0]
                        guard capture.snapshots.indices.contains(position) else {
                            throw ArchiveError.damaged(file: path, place: "key of \(capture.name) snapshot #\(position)", message: "no such snapshot")
                        }
                        capture.snapshots[position].keys.append(row[1])
                    }
                    let rows = try Row.fetchCursor(events, arguments: [id])
                    while let row = try rows.next() {
                        let snapshot: Int = row[0]
                        guard capture.snapshots.indices.contains(snapshot) else {
                            throw ArchiveError.damaged(file: path, place: "event of \(capture.name) snapshot #\(snapshot)", message: "no such snapshot")
                        }
                        do {
                            capture.snapshots[snapshot].events.append(try TimelineEvent(row: row, offset: 1, decoder: decoder))
                        } catch {
                            throw ArchiveError.damaged(file: path, place: "event of \(capture.name) snapshot #\(snapshot)", message: "\(error)")
                        }
                    }
                    capture.warnings = try Row.fetchAll(warnings, arguments: [id]).map { row in
                        ParseWarning(
                            location: SourceLocation(file: row["file"], line: row["line"], byteOffset: row["byteOffset"]), message: row["message"])
                    }
                    }
                    try body(capture)
                }
            }
        } catch let error as DatabaseError {
            throw Self.failure(error, file: path, operation: "reading the store")
        }
    }

    /// The merged history of every stored capture: each incident once, in the order it was
    /// first seen (captures in capture order), then the warnings reading the captures gave, in
    /// capture order, followed by the disagreements merging found. Each capture's incidents are
    /// decoded `jobs` at a time; the result is the same for any number.
    /// - Throws: `ArchiveError`.
    public func history(jobs: Int = 1) throws(ArchiveError) -> ArchiveHistory {
        var merged = SnapshotHistory()
        var warnings: [ParseWarning] = []
        do {
            try forEachCapture { capture in
                let store = path
                let decoded = ParallelMap.map(Array(capture.snapshots.enumerated()), jobs: capture.snapshots.count > 64 ? jobs : 1) { item in
                    Result { () throws(ArchiveError) -> Incident in
                        do {
                            var incident = try JSONDecoder().decode(Incident.self, from: Data(item.element.json.utf8))
                            incident.events = item.element.events
                            return incident
                        } catch {
                            throw ArchiveError.damaged(file: store, place: "snapshot \(capture.name) #\(item.offset)", message: "\(error)")
                        }
                    }
                }
                let incidents = try decoded.map { try $0.get() }
                merged.add(SnapshotCapture(name: capture.name, incidents: incidents))
                warnings += capture.warnings
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw Self.failure(error, file: path, operation: "reading the store")
        }
        return ArchiveHistory(incidents: merged.incidents, readWarnings: warnings, mergeWarnings: merged.warnings)
    }

    /// Closes the store's connection; the value must not be used afterwards.
    /// - Throws: `ArchiveError.database`.
    public func close() throws(ArchiveError) {
        do {
            try queue.close()
        } catch {
            throw Self.failure(error, file: path, operation: "closing the store")
        }
    }

    /// Removes the store file at `path` with its WAL and shared-memory files, for a store that a
    /// failed first add created: no store is left behind for an add that stored nothing.
    public static func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The stored captures in capture order, without their incidents.
    /// - Throws: `ArchiveError`.
    public func captures() throws(ArchiveError) -> [StoredCapture] {
        var list: [StoredCapture] = []
        do {
            try forEachCapture(withRows: false) { list.append($0) }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw Self.failure(error, file: path, operation: "reading the store")
        }
        return list
    }

    /// `error` as an `ArchiveError` naming the store and what was being done.
    static func failure(_ error: any Error, file: String, operation: String) -> ArchiveError {
        if let error = error as? ArchiveError { return error }
        guard let error = error as? DatabaseError else { return .database(file: file, operation: operation, message: "\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notAStore(file: file, reason: "the file is not an SQLite database")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .database(file: file, operation: operation, message: "another process held the store locked past the busy timeout")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN:
            let folder = (file as NSString).deletingLastPathComponent
            if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
                return .database(
                    file: file, operation: operation,
                    message: "its folder is not writable, and SQLite writes the store's -wal and -shm files beside it even to read; copy the store to a writable folder")
            }
            if access(file, W_OK) != 0 {
                return .database(file: file, operation: operation, message: "the store file is read-only (\(error.message ?? "\(error.resultCode)"))")
            }
            return .database(file: file, operation: operation, message: error.message ?? "\(error.resultCode)")
        default: return .database(file: file, operation: operation, message: error.message ?? "\(error.resultCode)")
        }
    }
}
