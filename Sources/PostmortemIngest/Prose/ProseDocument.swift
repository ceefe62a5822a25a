import Foundation
import PostmortemTimeline

/// A postmortem's text cut into headings and sentences, each with its line.
///
/// Blocks are runs of lines separated by blank lines; a line that starts like a log entry (a digit,
/// a bullet, a month or weekday name) also starts a block, so a timeline written one entry per line
/// is read one entry at a time. A block of one short line with no closing punctuation that starts
/// with a capital letter is a heading.
struct ProseDocument: Sendable {
    struct Sentence: Sendable, Equatable {
        var text: String
        var line: Int
        /// Index of the block the sentence belongs to.
        var block: Int
        var isHeading: Bool
    }

    var sentences: [Sentence] = []

    init(text: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [(firstLine: Int, lines: [String])] = []
        var current: [String] = []
        var currentStart = 1
        func close() {
            if !current.isEmpty { blocks.append((currentStart, current)) }
            current = []
        }
        for (index, raw) in lines.enumerated() {
            let line = TextFolding.fold(raw)
            if line.isEmpty {
                close()
                continue
            }
            if !current.isEmpty, Self.startsEntry(line) { close() }
            if current.isEmpty { currentStart = index + 1 }
            current.append(line)
        }
        close()
        for (blockIndex, block) in blocks.enumerated() {
            if block.lines.count == 1, Self.isHeading(block.lines[0]) {
                sentences.append(Sentence(text: block.lines[0], line: block.firstLine, block: blockIndex, isHeading: true))
                continue
            }
            let joined = block.lines.joined(separator: " ")
            var lineStarts: [String.Index] = []
            var offset = joined.startIndex
            for line in block.lines {
                lineStarts.append(offset)
                offset = joined.index(offset, offsetBy: line.count + 1, limitedBy: joined.endIndex) ?? joined.endIndex
            }
            var cursor = joined.startIndex
            var line = block.firstLine
            for sentence in Sentences.split(block.lines.joined(separator: "\n")) {
                if let found = joined.range(of: sentence, range: cursor..<joined.endIndex) {
                    let index = lineStarts.lastIndex { $0 <= found.lowerBound } ?? 0
                    line = block.firstLine + index
                    cursor = found.upperBound
                }
                sentences.append(Sentence(text: sentence, line: line, block: blockIndex, isHeading: false))
            }
        }
    }

    /// A line that begins a new entry even without a blank line before it.
    static func startsEntry(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if ("0"..."9").contains(first) || first == "-" || first == "*" || first == "\u{2022}" { return true }
        let word = line.prefix { $0.isLetter }
        return !word.isEmpty && word.first?.isUppercase == true
            && (CivilDate.weekdayNumber(word) != nil || (CivilDate.month(named: word) != nil && word.count >= 3
                && line.dropFirst(word.count).first == " " && line.dropFirst(word.count + 1).first?.isNumber == true))
    }

    /// A short line with no closing punctuation that starts with a capital letter.
    static func isHeading(_ line: String) -> Bool {
        guard line.count <= 100, let first = line.first, first.isUppercase, let last = line.last else { return false }
        return !".!?:;,".contains(last)
    }
}
