/// Where a piece of timeline text came from: a file and, when known, a line or byte offset.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The path as the user gave it (never made absolute, so output stays machine independent).
    public var file: String
    /// 1-based line number, when the parser knows it.
    public var line: Int?
    /// 0-based byte offset into the file, when the parser knows it and no line is known.
    public var byteOffset: Int?

    public init(file: String, line: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
    }

    /// `file:line`, `file@offset` or `file`, the form used in messages and reports.
    public var description: String {
        if let line { return "\(file):\(line)" }
        if let byteOffset { return "\(file)@\(byteOffset)" }
        return file
    }
}
