/// Why an archive store could not be opened, read or written. Each case names the store file
/// and, where there is one, the input or the place in the store the problem is in.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No store exists at the path (reading commands never create one).
    case missingStore(file: String)
    /// The file is not an SQLite database, or is one that postmortem did not write.
    case notAStore(file: String, reason: String)
    /// The store was written by a newer postmortem: its schema has migrations this one does not know.
    case newerSchema(file: String, unknownMigrations: [String])
    /// SQLite refused an operation (locked past the busy timeout, disk full, read-only file...).
    case database(file: String, operation: String, message: String)
    /// A stored value could not be decoded: the store is damaged. `place` is the table and row.
    case damaged(file: String, place: String, message: String)

    /// The store file the error is about.
    public var file: String {
        switch self {
        case .missingStore(let file), .notAStore(let file, _), .newerSchema(let file, _), .database(let file, _, _),
            .damaged(let file, _, _):
            return file
        }
    }

    public var description: String {
        switch self {
        case .missingStore(let file):
            return "\(file): no archive store here; create one with `postmortem archive add --db \(file) INPUT...`."
        case .notAStore(let file, let reason):
            return "\(file): not a postmortem archive store (\(reason))."
        case .newerSchema(let file, let unknown):
            return "\(file): the store was written by a newer postmortem (schema migrations \(unknown.joined(separator: ", ")) are unknown to this version); "
                + "upgrade postmortem to read it. The store was left unchanged."
        case .database(let file, let operation, let message):
            return "\(file): \(operation) failed: \(message)."
        case .damaged(let file, let place, let message):
            return "\(file): \(place): cannot decode the stored value (\(message)); the store is damaged."
        }
    }
}
