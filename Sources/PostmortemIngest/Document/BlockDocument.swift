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
        var lines = Self.lines(text)
        // A write-up sent as a mail: its header is the document's title and date, not its text
        // (the lines stay, blank, so every block keeps its line number).
        let mail = MailHeader.read(lines)
        if let mail { lines.replaceSubrange(0..<mail.lineCount, with: repeatElement("", count: mail.lineCount)) }
        var document =
            MarkdownBlocks.looksLikeMarkdown(lines)
            ? MarkdownBlocks.document(lines: lines) : BlockDocument(markup: .plainText, blocks: PlainTextBlocks.blocks(lines: lines))
        if let mail {
            document.metadata.title = document.metadata.title ?? mail.subject
            if document.metadata.published == nil, let sent = mail.sent {
                document.metadata.published = sent
                document.metadata.publishedSource = "the mail's Date: header"
            }
        }
        return document
    }

    /// The text's lines, with CR LF and lone CR taken as line ends.
    ///
    /// Cut on UTF-8 bytes rather than by splitting `Character`s, which ran grapheme breaking over
    /// the whole document (a tenth of the reader's time): CR and LF always stand at a grapheme
    /// boundary, so the lines are the same.
    /// - Complexity: O(n) in the text.
    static func lines(_ text: String) -> [Substring] {
        // Byte offsets of each line's start and end first, on the contiguous bytes; then one
        // slice per line (a UTF-8 index moves by an offset in O(1)).
        var bounds: [(start: Int, end: Int)] = []
        var copy = text
        copy.withUTF8 { bytes in
            let n = bytes.count
            var start = 0
            var index = 0
            while index < n {
                let byte = bytes[index]
                guard byte == 10 || byte == 13 else {
                    index += 1
                    continue
                }
                bounds.append((start, index))
                var next = index + 1
                if byte == 13, next < n, bytes[next] == 10 { next += 1 }
                start = next
                index = next
            }
            bounds.append((start, n))
        }
        let utf8 = text.utf8
        return bounds.map { bound in
            let lower = utf8.index(utf8.startIndex, offsetBy: bound.start)
            return text[lower..<utf8.index(lower, offsetBy: bound.end - bound.start)]
        }
    }
}
