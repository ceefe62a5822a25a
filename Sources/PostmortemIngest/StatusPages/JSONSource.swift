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
    /// What the readers below skipped, each with its place: nothing is dropped silently.
    private(set) var warnings: [ParseWarning] = []

    /// - Throws: `IngestError.malformed` when the bytes are not JSON.
    init(_ input: SourceInput) throws(IngestError) {
        file = input.path
        bytes = input.bytes
        do {
            root = try JSONSerialization.jsonObject(with: Data(input.bytes), options: [.fragmentsAllowed])
        } catch {
            throw Self.malformed(error, in: input)
        }
    }

    /// Where and why `JSONSerialization` stopped, as a line: its "around character N", or the
    /// end of the file for a truncated document.
    static func malformed(_ error: any Error, in input: SourceInput) -> IngestError {
        let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? error.localizedDescription
        let truncated = detail.hasPrefix("Unexpected end of file")
        var offset: Int? = truncated ? input.bytes.count : nil
        if let range = detail.range(of: "around character "), let index = Int(detail[range.upperBound...].prefix(while: { $0.isNumber })) {
            offset = min(index, input.bytes.count)
        }
        let line = offset.map { end in input.bytes.prefix(end).reduce(1) { $1 == 10 ? $0 + 1 : $0 } }
        let reason = truncated ? "the file ends inside a value (truncated?)" : detail.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return .malformed(location: SourceLocation(file: input.path, line: line), message: "not valid JSON: \(reason)")
    }

    /// The place of the object whose `id` is `id`: the byte offset of its `{` when `id` is its
    /// first key, else of the id value; just the file when the id is not found.
    mutating func location(ofObjectWithID id: String?) -> SourceLocation {
        guard let id, !id.isEmpty else { return SourceLocation(file: file) }
        let needle = Array(("\"" + id + "\"").utf8)
        guard let found = SourceInput.firstIndex(of: needle, in: bytes, from: cursor)
            ?? SourceInput.firstIndex(of: needle, in: bytes, from: 0)
        else {
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

    /// A string member, `nil` when absent, `null` or not a string.
    static func string(_ object: [String: Any], _ key: String) -> String? {
        object[key] as? String
    }

    /// An array-of-objects member, empty when absent.
    static func objects(_ object: [String: Any], _ key: String) -> [[String: Any]] {
        (object[key] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    /// The objects of an array member (or of `array` itself, the document's root), with a warning
    /// at `place` for each item that is not an object. `owner` names what holds the array.
    mutating func objects(_ object: [String: Any], _ key: String, at place: SourceLocation, of owner: String) -> [[String: Any]] {
        indexedObjects(object, key, at: place, of: owner).map(\.object)
    }

    /// The objects of `items`, with a warning for each item that is not one.
    mutating func objects(in items: [Any], named name: String, at place: SourceLocation, of owner: String) -> [[String: Any]] {
        indexedObjects(in: items, named: name, at: place, of: owner).map(\.object)
    }

    /// The objects of an array member with their index in the array, warning for the rest.
    private mutating func indexedObjects(_ object: [String: Any], _ key: String, at place: SourceLocation, of owner: String) -> [(index: Int, object: [String: Any])] {
        guard let items = object[key] as? [Any] else { return [] }
        return indexedObjects(in: items, named: key, at: place, of: owner)
    }

    private mutating func indexedObjects(in items: [Any], named name: String, at place: SourceLocation, of owner: String) -> [(index: Int, object: [String: Any])] {
        var objects: [(index: Int, object: [String: Any])] = []
        objects.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let object = item as? [String: Any] {
                objects.append((index, object))
            } else {
                warnings.append(
                    ParseWarning(location: place, message: "skipped \(name)[\(index)] of \(owner): \(Self.kind(of: item)), not an object"))
            }
        }
        return objects
    }

    /// An ISO 8601 member as an instant, `nil` when absent or `null`; a value that is there but
    /// cannot be read is left out with a warning at `place` saying so.
    mutating func instant(_ object: [String: Any], _ key: String, at place: SourceLocation, of owner: String) -> Instant? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let text = value as? String, let (instant, _) = ISO8601Scanner.scan(Array(text.utf8)) { return instant }
        let shown = (value as? String).map { "'\($0)'" } ?? Self.kind(of: value)
        warnings.append(
            ParseWarning(location: place, message: "ignored '\(key)' of \(owner): \(shown) is not an ISO 8601 time, so the stated impact window lacks it"))
        return nil
    }

    /// Each object of an array member that has a non-empty string `field`, made into a value by
    /// `make`; an item that is not an object or has no `field` is skipped with a warning.
    mutating func named<Value>(
        _ object: [String: Any], _ key: String, field: String = "name", at place: SourceLocation, of owner: String,
        _ make: ([String: Any], String) -> Value
    ) -> [Value] {
        var values: [Value] = []
        for (index, item) in indexedObjects(object, key, at: place, of: owner) {
            if let name = Self.string(item, field), !name.isEmpty {
                values.append(make(item, name))
            } else {
                warnings.append(ParseWarning(location: place, message: "skipped \(key)[\(index)] of \(owner): it has no '\(field)'"))
            }
        }
        return values
    }

    /// "a string", "null", "an array": what a JSON value is, for a warning.
    static func kind(of value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a value"
        }
    }

    /// An update's time: the first of `keys` present, read as ISO 8601 with its offset as written.
    enum StampField {
        case read(written: String, instant: Instant, zone: WrittenZone)
        /// Why no time could be read ("'2019-03-10 soon' is not an ISO 8601 time").
        case unreadable(String)
    }

    /// Reads the first of `keys` present in `object` as an ISO 8601 stamp.
    static func stamp(_ object: [String: Any], keys: [String]) -> StampField {
        guard let key = keys.first(where: { string(object, $0) != nil }), let written = string(object, key) else {
            return .unreadable("no " + keys.joined(separator: " or "))
        }
        guard let (instant, zone) = ISO8601Scanner.scan(Array(written.utf8)) else {
            return .unreadable("'\(written)' is not an ISO 8601 time")
        }
        return .read(written: written, instant: instant, zone: zone)
    }

    /// An ISO 8601 member as an instant with its written zone, or `nil` when absent or unreadable.
    static func instant(_ object: [String: Any], _ key: String) -> (instant: Instant, zone: WrittenZone)? {
        guard let text = string(object, key) else { return nil }
        return ISO8601Scanner.scan(Array(text.utf8))
    }
}
