/// One block of a prose document, whatever it was written in: a heading, a paragraph, a list
/// item, a table row or a code block, with the line it starts on.
///
/// Plain text, Markdown and HTML differ only in how they become blocks; the postmortem reader
/// reads blocks. Inline markup (`**bold**`, links, `<em>`) is gone from `text`.
public struct DocumentBlock: Sendable, Equatable, Hashable, Codable {
    /// What a block is.
    public enum Kind: String, Sendable, Equatable, Hashable, Codable {
        case heading
        case paragraph
        case listItem = "list-item"
        case tableRow = "table-row"
        /// Preformatted text (a fenced or indented code block, `<pre>`): quoted logs and
        /// commands, whose timestamps are not the incident's.
        case code
    }

    public var kind: Kind
    /// The text with inline markup removed; for a table row, its cells joined by ` | `.
    public var text: String
    /// 1-based line of the source where the block starts.
    public var line: Int
    /// 1...6 for a heading (1 for a plain-text heading line), 0 otherwise.
    public var level: Int
    /// A table row's cells; empty for other blocks.
    public var cells: [String]
    /// Whether the block is the header row of a table.
    public var isTableHeader: Bool

    public init(kind: Kind, text: String, line: Int, level: Int = 0, cells: [String] = [], isTableHeader: Bool = false) {
        self.kind = kind
        self.text = text
        self.line = line
        self.level = level
        self.cells = cells
        self.isTableHeader = isTableHeader
    }
}
