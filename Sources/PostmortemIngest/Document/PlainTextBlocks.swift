import PostmortemTimeline

/// Cuts plain text into blocks.
///
/// Blocks are runs of lines separated by blank lines. Plain text saved from a page or written in
/// a mail keeps the shapes of its timeline without markup, and this recovers the blocks Markdown
/// would have given:
/// - a line that starts with a bullet (`-`, `*`, `+`, `•`, `1.`) is a list item, its marker
///   dropped; more deeply indented lines after it continue it, and so does a line after one cut
///   mid-sentence;
/// - a line that starts like a log entry (a digit, a month or weekday name) starts a block, so a
///   timeline written one entry per line is read one entry at a time, unless the line before is
///   a long one cut in the middle of its sentence (wrapped text);
/// - a `| cell | cell |` line is a table row (a `|---|` line under the first row makes it the
///   header); a line of only `-`, `=`, `*` or `_` is a rule and is dropped;
/// - a block of one short line with no closing punctuation that starts with a capital letter is a
///   heading, unless it holds a clock time (`First detected 2022-01-22 11:57` is a timeline row,
///   not a title).
///
/// A block keeps its lines joined by line feeds, so sentences can still be placed on their own line.
enum PlainTextBlocks {
    static func blocks(lines: [Substring]) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var current: [String] = []
        var currentStart = 1
        var currentIsItem = false
        /// The indentation of the list item being read (continuation lines are indented deeper).
        var itemIndent = -1
        /// Whether the block is one field of a run of header fields (`Date: ...` under
        /// `Incident: ...`), which is no heading though it is one short line.
        var currentIsField = false
        func close() {
            defer {
                current = []
                currentIsItem = false
                itemIndent = -1
                currentIsField = false
            }
            guard !current.isEmpty else { return }
            if !currentIsItem, !currentIsField, current.count == 1, isHeading(current[0]) {
                blocks.append(DocumentBlock(kind: .heading, text: current[0], line: currentStart, level: 1))
                return
            }
            let kind: DocumentBlock.Kind = currentIsItem || startsEntry(current[0]) || isClockLine(current) ? .listItem : .paragraph
            blocks.append(DocumentBlock(kind: kind, text: current.joined(separator: "\n"), line: currentStart))
        }
        for (index, raw) in lines.enumerated() {
            let indent = raw.leadingSpaceCount(tabWidth: 1)
            let line = TextFolding.fold(raw)
            if line.isEmpty {
                close()
                continue
            }
            let trimmed = Substring(line)
            if let cells = tableCells(trimmed) {
                close()
                if MarkdownBlocks.isDelimiterRow(trimmed) {
                    // `|---|---|` under the first row: that row was the header.
                    if let last = blocks.indices.last, blocks[last].kind == .tableRow, blocks[last].line == index { blocks[last].isTableHeader = true }
                    continue
                }
                blocks.append(DocumentBlock(kind: .tableRow, text: cells.joined(separator: " | "), line: index + 1, cells: cells))
                continue
            }
            if MarkdownBlocks.isRule(trimmed) || isUnderline(trimmed) {
                close()
                continue
            }
            if let item = MarkdownBlocks.listItemText(trimmed) {
                close()
                currentStart = index + 1
                currentIsItem = true
                itemIndent = indent
                current.append(String(item))
                continue
            }
            // `Date: ...` under `Subject: ...`: each field of a header is a block of its own, so the
            // report's own date is not read as the incident's.
            let fieldRun = !current.isEmpty && !currentIsItem && isFieldLine(line) && isFieldLine(current[current.count - 1])
            if fieldRun {
                currentIsField = true
                close()
                currentIsField = true
            }
            // A line cut mid-sentence goes on into the next, indented or not (a lazy continuation).
            if !current.isEmpty, !isWrapped(current[current.count - 1]) || nextTimelineEntry(after: current[current.count - 1], line),
                startsEntry(line) || (currentIsItem && indent <= itemIndent)
            {
                close()
            }
            if current.isEmpty { currentStart = index + 1 }
            current.append(line)
        }
        close()
        return blocks
    }

    /// A line that begins a new entry even without a blank line before it.
    static func startsEntry(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        // An ASCII first byte that is no digit, mark or capital starts no entry: such a line (most
        // lines) is not cut into letters and looked up as a month or weekday.
        if first.value < 0x80, !(first.value >= 0x41 && first.value <= 0x5A), !("0"..."9").contains(first), first != "-", first != "*" { return false }
        if ("0"..."9").contains(first) || first == "-" || first == "*" || first == "\u{2022}" { return true }
        let word = line.prefix { $0.isLetter }
        return !word.isEmpty && word.first?.isUppercase == true
            && (CivilDate.weekdayNumber(word) != nil || (CivilDate.month(named: word) != nil && word.count >= 3
                && line.dropFirst(word.count).first == " " && line.dropFirst(word.count + 1).first?.isNumber == true))
    }

    /// A long line that stops in the middle of a sentence (on a letter or a comma): the text is
    /// wrapped, and the next line goes on with the sentence even when it opens with a number
    /// ("...upgrading the clusters from Kubernetes" / "1.11 to 1.13."), rather than starting an
    /// entry of a timeline.
    static func isWrapped(_ line: String) -> Bool {
        guard line.utf8.count >= 60, let last = line.utf8.last else { return false }
        return PhraseList.isLetter(last) || last == 44
    }

    /// A line that opens with a clock under one that opens with a clock: the next entry of a
    /// timeline written one entry per line ("09:20 queue length starts to climb; no new runners
    /// come up" / "09:34 first report in the chat"), even when the entry before stops without a
    /// full stop and is long enough to look wrapped.
    static func nextTimelineEntry(after previous: String, _ line: String) -> Bool {
        opensWithClock(previous) && opensWithClock(line)
    }

    /// `9:20`, `09:20` at the start of the line.
    static func opensWithClock(_ line: String) -> Bool {
        var digits = 0
        for byte in line.utf8.prefix(6) {
            if byte >= 48 && byte <= 57 {
                digits += 1
                continue
            }
            guard byte == 58, (1...2).contains(digits) else { return false }
            let rest = line.utf8.dropFirst(digits + 1).prefix(2)
            return rest.count == 2 && rest.allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        return false
    }

    /// A header field's line: one to three words, the first capitalised, then a colon and a space
    /// (`Date: Tue, 6 Jun 2023`, `Prepared: Finance team`, `Message-ID: <...>`).
    static func isFieldLine(_ line: String) -> Bool {
        var words = 1
        var previous: UInt8 = 0
        for (i, byte) in line.utf8.prefix(32).enumerated() {
            if i == 0 {
                guard byte >= 65 && byte <= 90 else { return false }
            } else if byte == 58 {
                // The colon ends the label; it is followed by a space (or ends the line), not a digit (`14:05`).
                let next = line.utf8.dropFirst(i + 1).first
                return previous != 32 && (next == nil || next == 32 || next == 9)
            } else if byte == 32 {
                if previous == 32 { return false }
                words += 1
                if words > 3 { return false }
            } else if !(PhraseList.isLetter(byte) || byte == 45 || byte == 47) {
                return false
            }
            previous = byte
        }
        return false
    }

    /// A short line with no closing punctuation that starts with a capital letter.
    static func isHeading(_ line: String) -> Bool {
        // `prefix(101)`: no more than 101 characters counted, however long the line.
        guard line.prefix(101).count <= 100, let first = line.first, first.isUppercase || opensWithDayOfMonth(line), let last = line.last else { return false }
        return !".!?:;,".contains(last) && !ProseDocument.holdsClock(line)
    }

    /// `12 October: stale search results`, `3rd March - exports`: a day of the month and its
    /// month's name, as a write-up of several incidents heads each (a heading saved as plain text).
    static func opensWithDayOfMonth(_ line: String) -> Bool {
        let words = line.prefix(24).split(separator: " ", maxSplits: 2)
        guard words.count >= 2, let lead = words[0].utf8.first, lead >= 48, lead <= 57 else { return false }
        let day = words[0].prefix { $0.isNumber }
        let suffix = words[0].dropFirst(day.count)
        guard (1...2).contains(day.count), let number = Int(day), (1...31).contains(number), ["", "st", "nd", "rd", "th"].contains(suffix) else { return false }
        let month = words[1].prefix { $0.isLetter }
        guard month.count >= 3, month.first?.isUppercase == true, CivilDate.month(named: month) != nil else { return false }
        // A name after the day ("12 October: stale results"), not a date line alone ("12 October 2023").
        return line.utf8.contains(58) || line.containsBytes(" - ") || line.containsBytes(" \u{2013} ")
    }

    /// One line holding a clock time (`Repaired 2022-01-22 13:59`): a timeline row.
    static func isClockLine(_ lines: [String]) -> Bool {
        lines.count == 1 && lines[0].prefix(101).count <= 100 && ProseDocument.holdsClock(lines[0])
    }

    /// The cells of a `| a | b |` line (at least two cells, bars at both ends), else `nil`.
    static func tableCells(_ line: Substring) -> [String]? {
        // The bars first: counting the `Character`s of every line was a fifth of this splitter's time.
        guard line.hasASCIIPrefix("|"), line.hasSuffix("|"), line.count >= 3 else { return nil }
        let cells = MarkdownBlocks.tableCells(line)
        return cells.count >= 2 ? cells : nil
    }

    /// `=====` (a plain-text title's underline).
    /// and `+-------+-----+` (a grid table's border, as text exports draw tables).
    static func isUnderline(_ line: Substring) -> Bool {
        guard line.utf8.count >= 3 else { return false }
        if line.utf8.allSatisfy({ $0 == 0x3D }) { return true }
        return line.utf8.first == 0x2B && line.utf8.allSatisfy { $0 == 0x2B || $0 == 0x2D || $0 == 0x3D || $0 == 0x3A }
    }
}
