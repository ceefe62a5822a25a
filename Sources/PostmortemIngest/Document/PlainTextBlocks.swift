import PostmortemTimeline

/// Cuts plain text into blocks.
///
/// Blocks are runs of lines separated by blank lines; a line that starts like a log entry (a
/// digit, a bullet, a month or weekday name) also starts a block, so a timeline written one entry
/// per line is read one entry at a time. A block of one short line with no closing punctuation
/// that starts with a capital letter is a heading. A block keeps its lines joined by line feeds,
/// so sentences can still be placed on their own line.
enum PlainTextBlocks {
    static func blocks(lines: [Substring]) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var current: [String] = []
        var currentStart = 1
        func close() {
            defer { current = [] }
            guard !current.isEmpty else { return }
            if current.count == 1, isHeading(current[0]) {
                blocks.append(DocumentBlock(kind: .heading, text: current[0], line: currentStart, level: 1))
                return
            }
            let kind: DocumentBlock.Kind = startsEntry(current[0]) ? .listItem : .paragraph
            blocks.append(DocumentBlock(kind: kind, text: current.joined(separator: "\n"), line: currentStart))
        }
        for (index, raw) in lines.enumerated() {
            let line = TextFolding.fold(raw)
            if line.isEmpty {
                close()
                continue
            }
            if !current.isEmpty, startsEntry(line) { close() }
            if current.isEmpty { currentStart = index + 1 }
            current.append(line)
        }
        close()
        return blocks
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
