import GRDB

/// The store's schema, versioned with migrations.
///
/// A store keeps every capture as it was read, not the merged history: the captures, each
/// capture's incidents in file order, and the warnings reading it gave. The history is merged
/// from them in capture order, so the result never depends on the order the captures arrived
/// in, and merging two stores is copying rows. What merging gave is kept beside them, each
/// merged incident rendered for the export (`MergedIncidentCache`), and refreshed by each add
/// for the incidents it touches.
///
/// Migrations are only ever appended. A store whose `grdb_migrations` table names a migration
/// this list does not hold was written by a newer postmortem and is refused unchanged.
///
/// Hand-written rather than GRDB's `DatabaseMigrator`: that reads which migrations are applied
/// outside its write transaction, so two processes bringing one store up to date at once both
/// decide to apply the same migration and the second fails. Here the check and every migration
/// run in one IMMEDIATE transaction (`migrate`), which SQLite grants one process at a time. The
/// table of applied migrations keeps GRDB's name and shape, so stores it wrote read the same.
enum ArchiveSchema {
    /// One step of the schema, applied once, in list order.
    struct Migration: Sendable {
        let identifier: String
        let apply: @Sendable (Database) throws -> Void
    }

    /// The identifiers of every migration this version knows, in order.
    static var identifiers: [String] { migrations.map(\.identifier) }

    /// The migrations applied to the store (unknown ones included); none for a new file.
    static func applied(_ db: Database) throws -> Set<String> {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }

    /// Applies, within the caller's transaction, each migration up to `last` (all by default)
    /// that the store lacks.
    static func migrate(_ db: Database, upTo last: String? = nil) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let done = try applied(db)
        for migration in migrations {
            if !done.contains(migration.identifier) {
                try migration.apply(db)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            if migration.identifier == last { return }
        }
    }

    static let migrations: [Migration] = [
        Migration(identifier: "v1-captures") { db in
            // One row per capture: the file as given and a digest of its bytes. The same file
            // with the same bytes is one capture; `sortName` (the file's own name, which for a
            // scraper's captures carries the capture time) orders captures for merging.
            try db.create(table: "capture") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("sortName", .text).notNull()
                t.column("digest", .text).notNull()
                t.column("byteCount", .integer).notNull()
                t.column("format", .text)
                t.uniqueKey(["name", "digest"])
            }
            try db.create(index: "capture_order", on: "capture", columns: ["sortName", "name", "digest"])
            // One row per incident as one capture holds it, in file order: its identity and
            // provider for queries, and the incident without its events as JSON of `Incident`.
            try db.create(table: "snapshot") { t in
                t.column("captureId", .integer).notNull().references("capture", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("identity", .text)
                t.column("provider", .text)
                t.column("incident", .text).notNull()
                t.primaryKey(["captureId", "position"])
            }
            try db.create(index: "snapshot_identity", on: "snapshot", columns: ["identity"])
            // One row per update (or dated statement) of each snapshot, a column per field of
            // `TimelineEvent`: updates are most of what a store holds, and reading columns is
            // several times faster than decoding JSON (see Benchmarks/README.md).
            try db.create(table: "event") { t in
                t.column("captureId", .integer).notNull().references("capture", onDelete: .cascade)
                t.column("snapshot", .integer).notNull()
                t.column("position", .integer).notNull()
                t.column("time", .integer).notNull()
                t.column("endTime", .integer)
                t.column("zone", .text)
                t.column("zoneOffset", .integer)
                t.column("writtenTime", .text)
                t.column("precision", .text).notNull()
                t.column("status", .text)
                t.column("region", .text)
                t.column("service", .text)
                t.column("text", .text).notNull()
                t.column("file", .text).notNull()
                t.column("line", .integer)
                t.column("byteOffset", .integer)
                t.column("componentChanges", .text)
                t.column("kind", .text).notNull()
                t.column("updateID", .text)
                t.primaryKey(["captureId", "snapshot", "position"])
            }
            // What reading a capture skipped, so the export lists the same warnings as `timeline`.
            try db.create(table: "warning") { t in
                t.column("captureId", .integer).notNull().references("capture", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("file", .text).notNull()
                t.column("line", .integer)
                t.column("byteOffset", .integer)
                t.column("message", .text).notNull()
                t.primaryKey(["captureId", "position"])
            }
        },
        Migration(identifier: "v2-merged-cache") { db in
            // Every identity key of each snapshot, so adding a capture finds the incidents it
            // touches without reading the store (`MergedIncidentCache`).
            try db.create(table: "snapshot_key") { t in
                t.column("key", .text).notNull()
                t.column("captureId", .integer).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["captureId", "position", "key"])
                t.foreignKey(["captureId", "position"], references: "snapshot", onDelete: .cascade)
            }
            try db.create(index: "snapshot_key_key", on: "snapshot_key", columns: ["key"])
            // Each merged incident once, keyed by its first snapshot (the capture and place that
            // order it), with the columns the export's filters read and its rendered form.
            try db.create(table: "merged") { t in
                t.column("captureId", .integer).notNull()
                t.column("position", .integer).notNull()
                t.column("provider", .text)
                t.column("names", .text).notNull()
                t.column("start", .integer)
                t.column("rendered", .blob).notNull()
                t.primaryKey(["captureId", "position"])
                t.foreignKey(["captureId", "position"], references: "snapshot", onDelete: .cascade)
            }
            // Merging's disagreements, each kept with the snapshot whose adding found it.
            try db.create(table: "merged_warning") { t in
                t.column("captureId", .integer).notNull()
                t.column("position", .integer).notNull()
                t.column("sequence", .integer).notNull()
                t.column("file", .text).notNull()
                t.column("line", .integer)
                t.column("byteOffset", .integer)
                t.column("message", .text).notNull()
                t.primaryKey(["captureId", "position", "sequence"])
                t.foreignKey(["captureId", "position"], references: "snapshot", onDelete: .cascade)
            }
            // Which rendering the `merged` rows hold (NULL: none yet, or out of date); one row.
            try db.create(table: "merged_cache") { t in
                t.column("id", .integer).primaryKey().check { $0 == 1 }
                t.column("rendering", .text)
            }
            try db.execute(sql: "INSERT INTO merged_cache (id, rendering) VALUES (1, NULL)")
            try MergedIncidentCache.indexKeys(db)
        },
    ]
}
