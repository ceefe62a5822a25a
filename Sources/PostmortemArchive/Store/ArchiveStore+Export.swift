import Foundation
import GRDB
import PostmortemTimeline

extension ArchiveStore {
    /// Hands each merged incident that passes `filter`, as the store's cache holds it rendered,
    /// to `incident` in history order, then every warning in `history()`'s order (reading's,
    /// then merging's), all read in one consistent snapshot of the store and one row at a time:
    /// nothing is decoded or merged, and memory holds one incident.
    ///
    /// Returns `false`, handing nothing, when the cache does not hold `rendering` (a store
    /// written by an older postmortem, or added to without a rendering): the caller then
    /// renders `history()` instead, which gives the same bytes.
    /// - Throws: `ArchiveError`, or what the closures throw.
    public func forEachRendered(
        _ rendering: IncidentRendering, filter: ArchiveFilter, incident: (Data) throws -> Void, warning: (ParseWarning) throws -> Void
    ) throws -> Bool {
        do {
            return try queue.read { db in
                guard try String.fetchOne(db, sql: "SELECT rendering FROM merged_cache") == rendering.name else { return false }
                let order = "SELECT id FROM capture ORDER BY sortName, name, digest"
                let merged = try db.cachedStatement(sql: "SELECT provider, names, start, rendered FROM merged WHERE captureId = ? ORDER BY position")
                let captures = try Int64.fetchCursor(db, sql: order)
                while let id = try captures.next() {
                    let rows = try Row.fetchCursor(merged, arguments: [id])
                    while let row = try rows.next() {
                        if !filter.isEmpty {
                            let names: String = row[1]
                            let start: Int64? = row[2]
                            let passes = filter.includes(
                                provider: row[0], names: names.split(separator: MergedIncidentCache.nameSeparator).map(String.init),
                                start: start.map(Instant.init(secondsSinceEpoch:)))
                            guard passes else { continue }
                        }
                        try row.withUnsafeData(atIndex: 3) { data in try incident(data ?? Data()) }
                    }
                }
                for table in ["warning", "merged_warning"] {
                    let sequence = table == "warning" ? "position" : "position, sequence"
                    let statement = try db.cachedStatement(
                        sql: "SELECT file, line, byteOffset, message FROM \(table) WHERE captureId = ? ORDER BY \(sequence)")
                    let captures = try Int64.fetchCursor(db, sql: order)
                    while let id = try captures.next() {
                        let rows = try Row.fetchCursor(statement, arguments: [id])
                        while let row = try rows.next() {
                            try warning(ParseWarning(location: SourceLocation(file: row[0], line: row[1], byteOffset: row[2]), message: row[3]))
                        }
                    }
                }
                return true
            }
        } catch let error as DatabaseError {
            throw Self.failure(error, file: path, operation: "reading the store")
        }
    }
}
