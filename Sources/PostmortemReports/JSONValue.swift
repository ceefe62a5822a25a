import PostmortemMetrics

/// A JSON value whose serialisation is fixed byte for byte: object keys keep the order they were
/// built in, numbers use a fixed format, and output never depends on the machine or locale.
///
/// Written here instead of using `JSONEncoder` because the encoder's key order and number
/// formatting are not part of its contract, and reports must not drift between toolchains.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A number printed with at most `decimals` places, trailing zeros dropped.
    case number(Double, decimals: Int)
    case string(String)
    /// A number kept exactly as it was read back from a file (see `JSONReader`).
    case literal(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The members of an object, or `nil`.
    public var members: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONValue? {
        members?.first { $0.0 == key }?.1
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// A number with up to six decimal places.
    public static func number(_ value: Double) -> JSONValue { .number(value, decimals: 6) }

    /// `nil` becomes `null`.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    ///
    /// - Complexity: O(n) in the output; written into one byte buffer, since building a
    ///   `String` piece by piece dominated the run time of `timeline --format json`.
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        out.append(10)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value's text as it appears nested `indent` spaces deep in a larger document (no
    /// final newline), for writers that stream a document piece by piece.
    public func serialized(indent: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    private static func indent(_ count: Int, into out: inout [UInt8]) {
        for _ in 0..<count { out.append(32) }
    }

    private static func append(_ text: String, into out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    /// Appends the value's text, nested `indent` spaces deep, to a byte buffer.
    public func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: JSONValue.append("null", into: &out)
        case .bool(let value): JSONValue.append(value ? "true" : "false", into: &out)
        case .int(let value): JSONValue.append(String(value), into: &out)
        case .number(let value, let decimals): JSONValue.append(NumberFormat.fixed(value, decimals: decimals, trimZeros: true), into: &out)
        case .string(let value): JSONValue.writeString(value, into: &out)
        case .literal(let text): JSONValue.append(text, into: &out)
        case .array(let items):
            JSONValue.writeArray(count: items.count, into: &out, indent: indent) { index, out in
                items[index].write(into: &out, indent: indent + 2)
            }
        case .object(let members):
            JSONValue.writeObject(count: members.count, into: &out, indent: indent, key: { members[$0].0 }) { index, out in
                members[index].1.write(into: &out, indent: indent + 2)
            }
        }
    }

    /// Writes an array of `count` items, nested `indent` deep, exactly as `write` writes
    /// `.array`, with `item(index, &out)` writing each item (nested `indent + 2` deep). For
    /// writers that make items one at a time instead of holding them all as values.
    public static func writeArray(count: Int, into out: inout [UInt8], indent: Int, item: (Int, inout [UInt8]) -> Void) {
        writeContainer(count: count, open: 91, close: 93, into: &out, indent: indent, item: item)
    }

    /// Writes an object of `count` members, nested `indent` deep, exactly as `write` writes
    /// `.object`: `key(index)` names each member and `value(index, &out)` writes its value
    /// (nested `indent + 2` deep).
    public static func writeObject(
        count: Int, into out: inout [UInt8], indent: Int, key: (Int) -> String, value: (Int, inout [UInt8]) -> Void
    ) {
        writeContainer(count: count, open: 123, close: 125, into: &out, indent: indent) { index, out in
            writeString(key(index), into: &out)
            out.append(contentsOf: [58, 32])
            value(index, &out)
        }
    }

    /// `[` or `{`, one indented line per entry, the closing bracket on its own line; `[]` or `{}` when empty.
    private static func writeContainer(
        count: Int, open: UInt8, close: UInt8, into out: inout [UInt8], indent: Int, item: (Int, inout [UInt8]) -> Void
    ) {
        if count == 0 {
            out.append(contentsOf: [open, close])
            return
        }
        out.append(contentsOf: [open, 10])
        for index in 0..<count {
            JSONValue.indent(indent + 2, into: &out)
            item(index, &out)
            if index + 1 < count { out.append(44) }
            out.append(10)
        }
        JSONValue.indent(indent, into: &out)
        out.append(close)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(34)
        var value = value
        value.withUTF8 { bytes in
            // Copy runs that need no escaping in one go; escape the rest byte by byte.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 32 || byte == 34 || byte == 92 || byte == 127 else { continue }
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 34: out.append(contentsOf: [92, 34])
                case 92: out.append(contentsOf: [92, 92])
                case 10: out.append(contentsOf: [92, 110])
                case 13: out.append(contentsOf: [92, 114])
                case 9: out.append(contentsOf: [92, 116])
                default:
                    out.append(contentsOf: [92, 117, 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(34)
    }
}
