import PostmortemTimeline

/// A prose document as blocks (headings, paragraphs, list items, table rows, code) plus what it
/// says about itself, whatever it was written in.
///
/// `read(_:)` chooses the splitter by content: HTML markup, Markdown (front matter, `#` headings,
/// tables, inline markup), or plain text; the postmortem reader never sees the difference.
public struct BlockDocument: Sendable, Equatable {
    /// How the document was written.
    public enum Markup: String, Sendable, Equatable, Codable {
        case plainText = "text"
        case markdown
        case html
    }

    public var markup: Markup
    public var blocks: [DocumentBlock]
    public var metadata: DocumentMetadata

    public init(markup: Markup, blocks: [DocumentBlock], metadata: DocumentMetadata = DocumentMetadata()) {
        self.markup = markup
        self.blocks = blocks
        self.metadata = metadata
    }

    /// Splits the text of a document (BOM already removed) into blocks.
    /// - Complexity: O(n) in the text.
    public static func read(text: String, path: String = "") -> BlockDocument {
        if HTMLArticle.looksLikeHTML(text.utf8.prefix(2048)) {
            return HTMLArticle.document(html: Array(text.utf8), path: path)
        }
        let lines = Self.lines(text)
        if MarkdownBlocks.looksLikeMarkdown(lines) {
            return MarkdownBlocks.document(lines: lines)
        }
        return BlockDocument(markup: .plainText, blocks: PlainTextBlocks.blocks(lines: lines))
    }

    /// The text's lines, with CR LF and lone CR taken as line ends.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}
