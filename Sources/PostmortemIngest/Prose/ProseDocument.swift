import Foundation
import PostmortemTimeline

/// A postmortem cut into headings and sentences, each with its line, built from the blocks of a
/// `BlockDocument` so plain text, Markdown and web pages read alike.
///
/// A heading that is only a time (`### 13:44`, `### 2019-04-03 12:50`) is the time of the block
/// under it: the two are read as one timeline row. Table rows are one sentence each; code blocks
/// are not read (their timestamps belong to logs, not to the incident) and are counted so the
/// reader can say it skipped them.
struct ProseDocument: Sendable {
    struct Sentence: Sendable, Equatable {
        var text: String
        var line: Int
        /// Index of the block the sentence belongs to.
        var block: Int
        var isHeading: Bool
        /// The kind of block it came from.
        var kind: DocumentBlock.Kind = .paragraph
        /// The heading level, for headings.
        var level: Int = 0
        /// Whether the sentence opens its block (a timeline row's time comes first).
        var opensBlock: Bool = false
        /// A time heading merged with the block under it.
        var isTimeHeadingRow: Bool = false
        /// `text`'s tokens, its time mentions and its vocabulary words, found once for every
        /// reader of the sentence (the reader, the zone assumption, the observation and incident readers).
        var tokens: [ProseToken] = []
        var mentions: [ProseTimeMention] = []
        var words: [Substring] = []
        /// `text` lower-cased, once for the readers that match phrases in every sentence (the
        /// zone statement, the resolver's qualifiers, the observation reader).
        var lower: String = ""
    }

    var sentences: [Sentence] = []
    /// Code blocks that hold something like a time, by line: skipped, with a warning.
    var skippedCode: [Int] = []

    init(text: String) {
        self.init(blocks: PlainTextBlocks.blocks(lines: BlockDocument.lines(text)))
    }

    init(blocks: [DocumentBlock]) {
        let closing = Self.closingStamps(blocks)
        var index = 0
        var blockIndex = 0
        while index < blocks.count {
            let block = blocks[index]
            defer {
                index += 1
                blockIndex += 1
            }
            switch block.kind {
            case .code:
                if Self.holdsClock(block.text) { skippedCode.append(block.line) }
            case .heading:
                if closing.contains(index) {
                    // A stamp already read with the entry above it.
                    continue
                } else if Self.isTimeHeading(block.text) {
                    // "### 13:28" over "Investigation starts ...": one row.
                    var parts = [block.text]
                    var next = index + 1
                    while next < blocks.count, blocks[next].kind == .paragraph || blocks[next].kind == .listItem {
                        parts.append(TextFolding.fold(blocks[next].text))
                        next += 1
                    }
                    let text = TextFolding.fold(parts.joined(separator: " "))
                    sentences.append(
                        Sentence(text: text, line: block.line, block: blockIndex, isHeading: false, kind: .listItem, opensBlock: true, isTimeHeadingRow: true))
                    index = next - 1
                } else {
                    sentences.append(Sentence(text: block.text, line: block.line, block: blockIndex, isHeading: true, kind: .heading, level: block.level))
                }
            case .tableRow:
                sentences.append(
                    Sentence(text: block.text, line: block.line, block: blockIndex, isHeading: block.isTableHeader, kind: .tableRow, opensBlock: true))
            case .paragraph, .listItem:
                if closing.contains(index) {
                    continue
                } else if closing.contains(index + 1) {
                    // "Resolved - This incident has been resolved." over "Mar 3, 15:41 UTC": the
                    // stamp under an entry of a status history is that entry's time.
                    let stamp = blocks[index + 1]
                    let text = TextFolding.fold(stamp.text + " " + block.text)
                    sentences.append(
                        Sentence(text: text, line: stamp.line, block: blockIndex, isHeading: false, kind: .listItem, opensBlock: true, isTimeHeadingRow: true))
                } else if Self.isLoneTime(block.text), index + 1 < blocks.count, blocks[index + 1].kind == .paragraph || blocks[index + 1].kind == .listItem,
                    !Self.isTimeHeading(blocks[index + 1].text)
                {
                    // A time on a line of its own over its entry (a `### 13:44` heading saved as
                    // plain text): one row with the paragraphs and items under it, up to the next
                    // block that opens with a time, as the heading's section would be.
                    var parts = [block.text]
                    var next = index + 1
                    while next < blocks.count, blocks[next].kind == .paragraph || blocks[next].kind == .listItem, !Self.isTimeHeading(blocks[next].text) {
                        parts.append(TextFolding.fold(blocks[next].text))
                        next += 1
                    }
                    let text = TextFolding.fold(parts.joined(separator: " "))
                    sentences.append(
                        Sentence(text: text, line: block.line, block: blockIndex, isHeading: false, kind: .listItem, opensBlock: true, isTimeHeadingRow: true))
                    index = next - 1
                } else {
                    let items = Self.inlineBullets(block.text)
                    if items.count >= 2 {
                        // "• 13:02 — Alert • 13:10 — Customers report timeouts": bullets a renderer
                        // ran together into one paragraph are still one row each.
                        for (k, item) in items.enumerated() {
                            if k > 0 { blockIndex += 1 }
                            appendSentences(of: DocumentBlock(kind: .listItem, text: item, line: block.line), index: blockIndex)
                        }
                    } else {
                        appendSentences(of: block, index: blockIndex)
                    }
                }
            }
        }
        for k in sentences.indices {
            sentences[k].tokens = ProseToken.tokens(sentences[k].text)
            sentences[k].mentions = ProseTimeScanner.mentions(in: sentences[k].tokens, sentence: sentences[k].text)
            sentences[k].words = ProseVocabulary.words(sentences[k].text)
            sentences[k].lower = TextFolding.lowercased(sentences[k].text)
        }
    }

    private mutating func appendSentences(of block: DocumentBlock, index blockIndex: Int) {
        // The block's lines joined by spaces, and where each starts, in bytes: the sentence is
        // found by a byte search (see `ByteSearch`). A line ends at a line feed that is not part
        // of CR LF (the `Character` "\n"), done on bytes to skip grapheme breaking.
        var joinedBytes = Array(block.text.utf8)
        var lineStarts = [0]
        for k in joinedBytes.indices where joinedBytes[k] == 10 && (k == 0 || joinedBytes[k - 1] != 13) {
            joinedBytes[k] = 32
            lineStarts.append(k + 1)
        }
        let joined = String(decoding: joinedBytes, as: UTF8.self)
        var cursor = 0
        var line = block.line
        var first = true
        for sentence in Sentences.split(block.text) {
            if let found = ByteSearch.first(sentence, in: joined, from: cursor) {
                let index = lineStarts.lastIndex { $0 <= found } ?? 0
                line = block.line + index
                cursor = found + sentence.utf8.count
            }
            sentences.append(Sentence(text: sentence, line: line, block: blockIndex, isHeading: false, kind: block.kind, opensBlock: first))
            first = false
        }
    }

    /// The lone-time blocks that close the entry before them rather than open the one after:
    /// a run of blocks (between headings, tables and code) that alternates entry and time,
    /// starting with an entry and ending with a time, at least twice, as status histories are
    /// written ("Resolved - ..." over "Mar 3, 15:41 UTC").
    static func closingStamps(_ blocks: [DocumentBlock]) -> Set<Int> {
        var closing: Set<Int> = []
        var runStart = 0
        func closeRun(_ end: Int) {
            defer { runStart = end + 1 }
            let count = end - runStart
            guard count >= 4, count % 2 == 0 else { return }
            let alternates = (runStart..<end).allSatisfy { isLoneTime(blocks[$0].text) == (($0 - runStart) % 2 == 1) }
            guard alternates else { return }
            for k in stride(from: runStart + 1, to: end, by: 2) { closing.insert(k) }
        }
        // A plain-text stamp line reads as a heading; it is a stamp all the same.
        for (k, block) in blocks.enumerated() where block.kind != .paragraph && block.kind != .listItem && !(block.kind == .heading && isLoneTime(block.text)) {
            closeRun(k)
        }
        closeRun(blocks.count)
        return closing
    }

    /// The items of a block whose `•` bullets were run together (a list whose lines were joined,
    /// its first bullet perhaps already taken as the block's marker), when every item opens with a
    /// number, as timeline rows do; the block alone otherwise.
    static func inlineBullets(_ text: String) -> [String] {
        guard text.containsBytes("\u{2022}") else { return [text] }
        let items = text.split(separator: "\u{2022}").map { TextFolding.fold($0) }.filter { !$0.isEmpty }
        guard items.count >= 2, items.allSatisfy({ $0.utf8.first.map { $0 >= 48 && $0 <= 57 } == true }) else { return [text] }
        return items
    }

    /// A heading that opens with a clock: `13:44`, `2019-04-03 12:50`, `8:52 PM`, `07:42 - Launches are back`.
    static func isTimeHeading(_ text: String) -> Bool {
        let tokens = ProseToken.tokens(text)
        let mentions = ProseTimeScanner.mentions(in: tokens, sentence: text)
        guard let first = mentions.first, first.first <= 1 else { return false }
        return first.start.isTimeOfDay
    }

    /// A line that is only a time: `13:44`, `2019-04-03 12:50`.
    static func isLoneTime(_ text: String) -> Bool {
        guard text.utf8.count <= 40, !text.containsBytes("\n") else { return false }
        let tokens = ProseToken.tokens(text)
        let mentions = ProseTimeScanner.mentions(in: tokens, sentence: text)
        guard let first = mentions.first, first.first == 0, first.start.isTimeOfDay else { return false }
        return tokens.count - first.last <= 0
    }

    /// Whether the text holds `HH:MM` anywhere.
    static func holdsClock(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 4 else { return false }
        for i in 1..<(b.count - 2) where b[i] == 58 {
            if b[i - 1] >= 48, b[i - 1] <= 57, b[i + 1] >= 48, b[i + 1] <= 57, b[i + 2] >= 48, b[i + 2] <= 57 { return true }
        }
        return false
    }
}
