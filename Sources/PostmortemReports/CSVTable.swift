/// An RFC 4180 table: a header row, CRLF line ends, and fields quoted when they hold a comma,
/// a quote, CR or LF (quotes doubled).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as RFC 4180 text; without `header`, the rows alone (to append to a table
    /// already started, as streamed output and merged shards do).
    public func serialized(header includeHeader: Bool = true) -> String {
        var out = ""
        for row in (includeHeader ? [header] : []) + rows {
            out += row.map(CSVTable.field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }
}
