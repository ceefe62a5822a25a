import PostmortemMetrics

/// A JSON value whose serialisation is fixed byte for byte: object keys keep the order they were
/// built in, numbers use a fixed format, and output never depends on the machine or locale.
///
/// Written here instead of using `JSONEncoder` because the encoder's key order and number
/// formatting are not part of its contract, and reports must not drift between toolchains.
public indirect enum JSONValue: Sendable, Equatable {
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
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value, let decimals): out += NumberFormat.fixed(value, decimals: decimals, trimZeros: true)
        case .string(let value): JSONValue.writeString(value, into: &out)
        case .literal(let text): out += text
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(into: &out, indent: indent + 2)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                JSONValue.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 2)
                out += index + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    static func writeString(_ value: String, into out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
