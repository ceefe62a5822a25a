/// Joins the outputs of shards (`--shard K/N`) into exactly what one run would have written.
public enum ShardMerge {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notJSON(file: String, reason: String)
        case mismatch(file: String, reason: String)
        case empty

        public var description: String {
            switch self {
            case .notJSON(let file, let reason): return "\(file): not JSON written by postmortem: \(reason)"
            case .mismatch(let file, let reason): return "\(file): cannot be merged with the first file: \(reason)"
            case .empty: return "no files to merge"
            }
        }
    }

    /// JSON documents whose top level is an object: array members are concatenated in the order
    /// the files are given; every other member must be the same in all of them.
    public static func json(_ documents: [(file: String, text: String)]) throws(Failure) -> String {
        guard let first = documents.first else { throw .empty }
        var merged: [(String, JSONValue)] = []
        for (index, document) in documents.enumerated() {
            let value: JSONValue
            do {
                value = try JSONReader.parse(document.text)
            } catch {
                throw .notJSON(file: document.file, reason: error.description)
            }
            guard let members = value.members else { throw .notJSON(file: document.file, reason: "the top level is not an object") }
            if index == 0 {
                merged = members
                continue
            }
            guard members.map(\.0) == merged.map(\.0) else {
                throw .mismatch(file: document.file, reason: "its members differ from \(first.file)'s")
            }
            for (position, member) in members.enumerated() {
                switch (merged[position].1, member.1) {
                case (.array(let existing), .array(let more)):
                    merged[position].1 = .array(existing + more)
                case (let existing, let other):
                    guard existing == other else {
                        throw .mismatch(file: document.file, reason: "'\(member.0)' differs")
                    }
                }
            }
        }
        return JSONValue.object(merged).serialized()
    }

    /// CSV tables with the same header: the header once, then every file's rows in order.
    public static func csv(_ documents: [(file: String, text: String)]) throws(Failure) -> String {
        guard let first = documents.first else { throw .empty }
        let header = headerLine(first.text)
        var out = first.text
        for document in documents.dropFirst() {
            guard headerLine(document.text) == header else {
                throw .mismatch(file: document.file, reason: "its header differs from \(first.file)'s")
            }
            out += String(document.text.dropFirst(header.count))
        }
        return out
    }

    /// The first line including its line end (CSV headers never hold quoted line breaks).
    static func headerLine(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let newline = scalars.firstIndex(of: "\n") else { return text }
        return String(scalars[...newline])
    }
}
