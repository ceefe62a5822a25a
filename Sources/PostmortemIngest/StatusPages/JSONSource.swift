import Foundation
import PostmortemTimeline

/// A JSON input decoded with `JSONSerialization`, plus the byte places of the objects in it.
///
/// `JSONSerialization` gives no positions, so objects are found again in the raw bytes by their
/// `id` value, moving forward through the file in document order.
struct JSONSource {
    let file: String
    let bytes: [UInt8]
    let root: Any
    private var cursor = 0

    /// - Throws: `IngestError.malformed` when the bytes are not JSON.
    init(_ input: SourceInput) throws(IngestError) {
        file = input.path
        bytes = input.bytes
        do {
            root = try JSONSerialization.jsonObject(with: Data(input.bytes), options: [.fragmentsAllowed])
        } catch {
            throw .malformed(location: SourceLocation(file: input.path), message: "not valid JSON: \(error.localizedDescription)")
        }
    }

    /// The place of the object whose `id` is `id`: the byte offset of its `{` when `id` is its
    /// first key, else of the id value; just the file when the id is not found.
    mutating func location(ofObjectWithID id: String?) -> SourceLocation {
        guard let id, !id.isEmpty else { return SourceLocation(file: file) }
        let needle = Array(("\"" + id + "\"").utf8)
        guard let found = Self.find(needle, in: bytes, from: cursor) ?? Self.find(needle, in: bytes, from: 0) else {
            return SourceLocation(file: file)
        }
        cursor = found + needle.count
        return SourceLocation(file: file, byteOffset: objectStart(beforeValueAt: found) ?? found)
    }

    /// Walks back over `"id" :` and white space to the `{` that opens the object, if it is right there.
    private func objectStart(beforeValueAt value: Int) -> Int? {
        var i = value - 1
        func skipBlank() { while i >= 0, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i -= 1 } }
        skipBlank()
        guard i >= 0, bytes[i] == UInt8(ascii: ":") else { return nil }
        i -= 1
        skipBlank()
        let key = Array("\"id\"".utf8)
        guard i - key.count + 1 >= 0, Array(bytes[(i - key.count + 1)...i]) == key else { return nil }
        i -= key.count
        skipBlank()
        return i >= 0 && bytes[i] == UInt8(ascii: "{") ? i : nil
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = start
        let end = bytes.count - needle.count
        outer: while i <= end {
            if bytes[i] == first {
                for k in 1..<needle.count where bytes[i + k] != needle[k] {
                    i += 1
                    continue outer
                }
                return i
            }
            i += 1
        }
        return nil
    }

    /// A string member, `nil` when absent, `null` or not a string.
    static func string(_ object: [String: Any], _ key: String) -> String? {
        object[key] as? String
    }

    /// An array-of-objects member, empty when absent.
    static func objects(_ object: [String: Any], _ key: String) -> [[String: Any]] {
        (object[key] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    /// An ISO 8601 member as an instant with its written zone, or `nil` when absent or unreadable.
    static func instant(_ object: [String: Any], _ key: String) -> (instant: Instant, zone: WrittenZone)? {
        guard let text = string(object, key) else { return nil }
        return ISO8601Scanner.scan(Array(text.utf8))
    }
}
