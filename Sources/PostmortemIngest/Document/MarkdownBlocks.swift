import PostmortemTimeline

/// Cuts Markdown into blocks, each with the line it starts on.
///
/// Written by hand rather than with JohnSundell/Ink (on the project's list): Ink renders
/// Markdown to an HTML string and keeps no source positions, and a postmortem's every event must
/// name its line. This splitter reads the block structure a postmortem uses (YAML front matter,
/// ATX and Setext headings, paragraphs, nested lists, pipe tables, fenced and indented code,
/// block quotes, raw HTML lines such as `<br />`) and strips inline markup (emphasis, code
/// spans, links, images, tags, entities); it does not aim at all of CommonMark.
enum MarkdownBlocks {
    /// Whether the lines read as Markdown: front matter, an ATX heading, a table's delimiter row,
    /// a fence, or inline markup (`**`, `](`) on at least two lines.
    static func looksLikeMarkdown(_ lines: [Substring]) -> Bool {
        if let first = lines.first, first.trimmingSpaces == "---", lines.dropFirst().prefix(60).contains(where: { $0.trimmingSpaces == "---" }) {
            return true
        }
        var inline = 0
        for line in lines.prefix(2000) {
            let trimmed = line.trimmingSpaces
            if atxHeading(trimmed) != nil || isDelimiterRow(trimmed) || trimmed.hasASCIIPrefix("```") || trimmed.hasASCIIPrefix("~~~") { return true }
            if trimmed.containsBytes("**") || trimmed.containsBytes("](") || trimmed.containsBytes("__") { inline += 1 }
            if inline >= 2 { return true }
        }
        return false
    }

    static func document(lines: [Substring]) -> BlockDocument {
        var metadata = DocumentMetadata()
        var blocks: [DocumentBlock] = []
        var index = 0
        if let first = lines.first, first.trimmingSpaces == "---",
            let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces == "---" })
        {
            let entries = frontMatterEntries(lines[1..<close])
            for entry in entries { readFrontMatter(entry, into: &metadata) }
            blocks += windowFields(entries: entries)
            index = close + 1
        }
        var paragraph: [String] = []
        var paragraphStart = 0
        var paragraphKind = DocumentBlock.Kind.paragraph
        var listIndent = -1
        var sawDelimiterFor = -1
        func close() {
            defer {
                paragraph = []
                paragraphKind = .paragraph
            }
            guard !paragraph.isEmpty else { return }
            blocks.append(DocumentBlock(kind: paragraphKind, text: paragraph.joined(separator: "\n"), line: paragraphStart))
        }
        func open(_ kind: DocumentBlock.Kind, at line: Int) {
            close()
            paragraphKind = kind
            paragraphStart = line
        }
        while index < lines.count {
            let raw = lines[index]
            let number = index + 1
            let trimmed = raw.trimmingSpaces
            let indent = raw.leadingSpaceCount(tabWidth: 4)
            index += 1
            if trimmed.isEmpty {
                close()
                continue
            }
            // Fenced code: kept as one code block, never read for times.
            if trimmed.hasASCIIPrefix("```") || trimmed.hasASCIIPrefix("~~~") {
                close()
                let fence = String(trimmed.prefix(3))
                if fence == "```", trimmed.drop(while: { $0 == "`" }).containsBytes("`") {
                    // "```Hostname does not match```": a backtick fence's info string holds no
                    // backtick (CommonMark), so this is code on its own line, not a fence that
                    // would swallow the rest of the document.
                    blocks.append(DocumentBlock(kind: .code, text: String(trimmed), line: number))
                    continue
                }
                var body: [String] = []
                while index < lines.count, !lines[index].trimmingSpaces.hasASCIIPrefix(fence) {
                    body.append(String(lines[index]))
                    index += 1
                }
                index = min(index + 1, lines.count)
                blocks.append(DocumentBlock(kind: .code, text: body.joined(separator: "\n"), line: number))
                continue
            }
            // Indented code: four spaces after a blank line, outside a list.
            if indent >= 4, paragraph.isEmpty, listIndent < 0, !startsListItem(trimmed) {
                var body = [String(raw)]
                while index < lines.count, lines[index].prefix(4).allSatisfy({ $0 == " " }) || lines[index].trimmingSpaces.isEmpty {
                    body.append(String(lines[index]))
                    index += 1
                }
                if Self.isIndentedTimeline(body) {
                    // "\t7:32 PM - The chain stalled": a timeline indented by its writer (a tab
                    // under a date line), not code; each line is a row of prose.
                    for (offset, line) in body.enumerated() where !Substring(line).trimmingSpaces.isEmpty {
                        blocks.append(DocumentBlock(kind: .paragraph, text: inline(Substring(line).trimmingSpaces), line: number + offset))
                    }
                    continue
                }
                blocks.append(DocumentBlock(kind: .code, text: body.joined(separator: "\n"), line: number))
                continue
            }
            if let (level, text) = atxHeading(trimmed) {
                close()
                listIndent = -1
                blocks.append(DocumentBlock(kind: .heading, text: inline(text), line: number, level: level))
                continue
            }
            // Setext heading: one paragraph line underlined with === or ---.
            if paragraph.count == 1, paragraphKind == .paragraph, trimmed.count >= 2,
                trimmed.allSatisfy({ $0 == "=" }) || trimmed.allSatisfy({ $0 == "-" })
            {
                let text = paragraph[0]
                paragraph = []
                blocks.append(DocumentBlock(kind: .heading, text: text, line: paragraphStart, level: trimmed.first == "=" ? 1 : 2))
                continue
            }
            if isRule(trimmed) {
                close()
                listIndent = -1
                continue
            }
            if trimmed.hasASCIIPrefix("|") || (trimmed.containsBytes("|") && index < lines.count && isDelimiterRow(lines[index].trimmingSpaces)) {
                close()
                listIndent = -1
                if isDelimiterRow(trimmed) {
                    sawDelimiterFor = blocks.count - 1
                    if let last = blocks.indices.last, blocks[last].kind == .tableRow { blocks[last].isTableHeader = true }
                    continue
                }
                let cells = tableCells(trimmed).map(inline)
                blocks.append(DocumentBlock(kind: .tableRow, text: cells.filter { !$0.isEmpty }.joined(separator: " | "), line: number, cells: cells))
                _ = sawDelimiterFor
                continue
            }
            var content = trimmed
            while content.hasASCIIPrefix(">") { content = content.dropFirst().trimmingSpaces }
            if let item = listItemText(content) {
                open(.listItem, at: number)
                listIndent = indent
                content = item
            } else if paragraph.isEmpty {
                open(listIndent >= 0 && indent > listIndent ? .listItem : .paragraph, at: number)
                if indent <= listIndent { listIndent = -1 }
            } else if PlainTextBlocks.startsEntry(String(content)), paragraphKind == .paragraph,
                !PlainTextBlocks.isWrapped(paragraph.last ?? "") || PlainTextBlocks.nextTimelineEntry(after: paragraph.last ?? "", String(content))
            {
                // A timeline written one entry per line, without blank lines or bullets.
                open(.paragraph, at: number)
            }
            // Raw HTML line breaks end an entry: `*06:00*: site down<br />`.
            let pieces = splitAtBreaks(content)
            for (k, piece) in pieces.enumerated() {
                if k > 0 { open(paragraphKind, at: number) }
                let text = inline(piece)
                if !text.isEmpty { paragraph.append(text) }
            }
        }
        close()
        return BlockDocument(markup: .markdown, blocks: blocks, metadata: metadata)
    }

    // MARK: Block syntax

    /// `## Timeline` -> (2, "Timeline").
    static func atxHeading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpaces
        while text.hasSuffix("#") { text = text.dropLast() }
        return (hashes, text.trimmingSpaces)
    }

    /// `|---|:--:|`, `--- | ---`.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        guard line.containsBytes("-"), line.containsBytes("|") || line.hasPrefix(":") else { return false }
        return line.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
    }

    /// `---`, `* * *`, `___`: three or more of one mark, spaces between. On bytes: filtering
    /// the line's `Character`s into a new string for every line was a twentieth of the reader's time.
    static func isRule(_ line: Substring) -> Bool {
        var count = 0
        var first: UInt8 = 0
        for byte in line.utf8 where byte != 0x20 {
            if count == 0 {
                guard byte == 0x2D || byte == 0x2A || byte == 0x5F else { return false }
                first = byte
            } else if byte != first {
                return false
            }
            count += 1
        }
        return count >= 3
    }

    static func startsListItem(_ line: Substring) -> Bool { listItemText(line) != nil }

    /// The text after a list marker: `- `, `* `, `+ `, `1. `, `1) `.
    static func listItemText(_ line: Substring) -> Substring? {
        guard let first = line.first else { return nil }
        if first == "-" || first == "*" || first == "+" || first == "\u{2022}" {
            let rest = line.dropFirst()
            guard rest.first == " " || rest.first == "\t" else { return nil }
            return rest.trimmingSpaces
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2).trimmingSpaces
    }

    static func tableCells(_ line: Substring) -> [String] {
        var body = line
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        return body.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
    }

    static func splitAtBreaks(_ line: Substring) -> [Substring] {
        guard line.containsBytes("<br") || line.containsBytes("<BR") else { return [line] }
        var pieces: [Substring] = []
        var rest = line
        while let open = rest.range(of: "<br", options: .caseInsensitive), let close = rest[open.upperBound...].firstIndex(of: ">") {
            pieces.append(rest[..<open.lowerBound])
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(rest)
        return pieces.filter { !$0.trimmingSpaces.isEmpty }
    }

    /// Front matter keys that state when an incident started or ended (a status page's incident
    /// file: cState's `date:` and `resolvedWhen:`, or `started_at:`/`resolved_at:`).
    static let startKeys: Set<String> = ["start", "started", "started_at", "startedat", "start_time", "starttime", "impact_start", "incident_start", "began"]
    static let endKeys: Set<String> = [
        "resolvedwhen", "resolved_when", "resolved_at", "resolvedat", "end", "ended", "ended_at", "endedat", "end_time", "endtime", "impact_end",
        "incident_end", "recovered_at",
    ]

    /// A top-level `key: value` line of front matter: the key lower-cased, the value with its
    /// quotes removed, and the line's number in the file.
    struct FrontMatterEntry: Sendable, Equatable {
        var key: String
        var value: Substring
        var line: Int
    }

    /// The top-level entries of the front matter's lines (`lines` indexed as the file's lines
    /// from 0). Only top-level keys: a nested `title:` belongs to something else (a sidebar entry).
    static func frontMatterEntries(_ lines: ArraySlice<Substring>) -> [FrontMatterEntry] {
        lines.indices.compactMap { index in
            let line = lines[index]
            guard let lead = line.first, lead != " ", lead != "\t", let colon = line.firstIndex(of: ":") else { return nil }
            var value = line[line.index(after: colon)...].trimmingSpaces
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = value.dropFirst().dropLast() }
            return FrontMatterEntry(key: line[..<colon].trimmingSpaces.lowercased(), value: value, line: index + 1)
        }
    }

    /// The window a status page's incident file states in its front matter, as the field
    /// paragraphs a write-up would give ("Started: 2022-01-21T17:56:43-00:00") at their lines, so
    /// that the prose reader weighs them as stated fields. `date:` is the start only beside an end
    /// key: in a blog post's front matter it is the day of publication.
    static func windowFields(_ lines: ArraySlice<Substring>) -> [DocumentBlock] {
        windowFields(entries: frontMatterEntries(lines))
    }

    static func windowFields(entries: [FrontMatterEntry]) -> [DocumentBlock] {
        // Only an instant: a date and a clock ("2022-01-21T17:56:43-00:00", "2022-01-21 17:56 UTC").
        let instants = entries.filter { CivilDate(iso: String($0.value.prefix(10))) != nil && $0.value.dropFirst(10).contains(":") }
        let end = instants.first { endKeys.contains($0.key) }
        guard let start = instants.first(where: { startKeys.contains($0.key) }) ?? (end == nil ? nil : instants.last { $0.key == "date" }) else { return [] }
        return [DocumentBlock(kind: .paragraph, text: "Started: " + start.value, line: start.line)]
            + (end.map { [DocumentBlock(kind: .paragraph, text: "Resolved: " + $0.value, line: $0.line)] } ?? [])
    }

    static func readFrontMatter(_ entry: FrontMatterEntry, into metadata: inout DocumentMetadata) {
        switch entry.key {
        case "title": metadata.title = String(entry.value)
        case "date", "published", "date_published", "datepublished":
            if let date = CivilDate(iso: String(entry.value.prefix(10))) {
                metadata.published = date
                metadata.publishedSource = "front matter '\(entry.key)'"
            }
        case "site_name", "site", "company", "publisher": metadata.siteName = String(entry.value)
        default: break
        }
    }

    // MARK: Inline syntax

    /// The text a reader sees: emphasis marks, code-span ticks, link targets, images, HTML tags
    /// and common entities removed; backslash escapes kept as their character.
    ///
    /// Works on UTF-8 bytes (every mark is ASCII; a scalar is decoded only to ask whether a
    /// letter stands beside `_` or after `\`): building an array of `Unicode.Scalar`s and a new
    /// string from them for every line was a tenth of the prose reader's time.
    static func inline(_ text: some StringProtocol) -> String {
        var source = String(text)
        return source.withUTF8 { inline(bytes: $0) }
    }

    static func inline(bytes b: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        func first(_ byte: UInt8, from: Int, before limit: Int = Int.max) -> Int? {
            var k = from
            while k < min(n, limit) {
                if b[k] == byte { return k }
                k += 1
            }
            return nil
        }
        while i < n {
            let c = b[i]
            switch c {
            case 0x5C where i + 1 < n && !UTF8Scalars.isAlphabetic(b, at: i + 1):  // \ before a mark
                let end = min(i + 1 + UTF8Scalars.width(lead: b[i + 1]), n)
                out.append(contentsOf: b[(i + 1)..<end])
                i = end
                continue
            case 0x2A, 0x60:  // * `
                i += 1
                continue
            case 0x5F where !(UTF8Scalars.isWord(b, before: i) && UTF8Scalars.isWord(b, at: i + 1)):  // _
                i += 1
                continue
            case 0x21 where i + 1 < n && b[i + 1] == 0x5B:  // ![
                i += 1
                continue
            case 0x5B:
                // [text](target) -> text; [text][ref] -> text.
                if let close = first(0x5D, from: i + 1) {
                    let after = close + 1
                    if after < n, b[after] == 0x28, let end = first(0x29, from: after) {
                        out.append(contentsOf: b[(i + 1)..<close])
                        i = end + 1
                        continue
                    }
                    if after < n, b[after] == 0x5B, let end = first(0x5D, from: after) {
                        out.append(contentsOf: b[(i + 1)..<close])
                        i = end + 1
                        continue
                    }
                }
            case 0x3C:
                // An HTML tag or autolink: a tag is dropped, an autolink keeps its address.
                if let close = first(0x3E, from: i + 1), UTF8Scalars.count(b[i..<close]) < 400 {
                    let inner = b[(i + 1)..<close]
                    let text = String(decoding: inner, as: UTF8.self)
                    let isTag = text.first.map { $0.isLetter || $0 == "/" || $0 == "!" } ?? false
                    let holdsScheme = inner.indices.contains { k in k + 2 < close && b[k] == 0x3A && b[k + 1] == 0x2F && b[k + 2] == 0x2F }
                    if holdsScheme || inner.contains(0x40), !inner.contains(0x20) {
                        out.append(contentsOf: inner)
                        i = close + 1
                        continue
                    }
                    if isTag {
                        out.append(0x20)
                        i = close + 1
                        continue
                    }
                }
            case 0x26:
                // An entity's name is short and ASCII: its `;` comes within eight bytes.
                if let semicolon = first(0x3B, from: i + 1, before: i + 9),
                    let decoded = entities[String(decoding: b[(i + 1)..<semicolon], as: UTF8.self)]
                {
                    out.append(contentsOf: decoded.utf8)
                    i = semicolon + 1
                    continue
                }
            default:
                break
            }
            out.append(c)
            i += 1
        }
        return TextFolding.foldASCIISpace(out)
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "\u{2013}", "mdash": "\u{2014}", "#39": "'",
    ]
    /// Whether an indented block is a timeline rather than code: every line that is not blank
    /// opens with a clock time ("7:32 PM", "14:05") and goes on in words, the way timeline rows
    /// are written. Log lines open with a date, a bracket or a level name, and code with neither.
    static func isIndentedTimeline(_ lines: [String]) -> Bool {
        let rows = lines.map { Substring($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !rows.isEmpty else { return false }
        return rows.allSatisfy { row in
            var rest = row.utf8[...]
            func digits() -> Int {
                var count = 0
                while let byte = rest.first, byte >= 48, byte <= 57 { rest = rest.dropFirst(); count += 1 }
                return count
            }
            guard (1...2).contains(digits()), rest.first == UInt8(ascii: ":") else { return false }
            rest = rest.dropFirst()
            guard digits() == 2 else { return false }
            // Then words: letters, after spaces and at most one dash or colon.
            let text = Substring(rest).drop { $0 == " " || $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == ":" }
            let letters = text.prefix(40).filter(\.isLetter).count
            return letters >= 8 && text.first?.isLetter == true
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    ///
    /// Trimmed on bytes, where no byte beside the trimmed ones could join a space into a larger
    /// `Character` (a combining mark after it, a prepended mark before it: both non-ASCII); such
    /// a line is trimmed on `Character`s, as before. Walking `Character`s at both ends of every
    /// line was a tenth of the Markdown splitter's time.
    var trimmingSpaces: Substring {
        let utf8 = self.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        var end = utf8.endIndex
        while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 { end = utf8.index(before: end) }
        let joinsAfter = start > utf8.startIndex && start < utf8.endIndex && utf8[start] >= 0x80
        let joinsBefore = end < utf8.endIndex && end > start && utf8[utf8.index(before: end)] >= 0x80
        guard !joinsAfter, !joinsBefore else {
            let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
            let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
            return self[start..<Swift.max(start, end)]
        }
        return self[start..<end]
    }

    /// `hasPrefix(prefix)` for an ASCII prefix, compared on bytes: the standard library's
    /// `hasPrefix` on a `Substring` compares `Character`s generically, a few hundred instructions
    /// for each line and mark. Where a non-ASCII byte could make the answer differ (a combining
    /// mark after the prefix, or a character canonically equal to an ASCII one), the standard
    /// library answers.
    func hasASCIIPrefix(_ prefix: String) -> Bool {
        let utf8 = self.utf8
        var index = utf8.startIndex
        for expected in prefix.utf8 {
            guard index < utf8.endIndex else { return false }
            let byte = utf8[index]
            if byte != expected { return byte >= 0x80 || expected >= 0x80 ? hasPrefix(prefix) : false }
            index = utf8.index(after: index)
        }
        if index < utf8.endIndex, utf8[index] >= 0x80 { return hasPrefix(prefix) }
        return true
    }

    /// The width of the line's leading spaces and tabs (a tab counts `tabWidth`), as `Character`s:
    /// counted on bytes unless a non-ASCII byte follows them (a combining mark makes the last
    /// space part of a larger `Character`, which is no space).
    func leadingSpaceCount(tabWidth: Int) -> Int {
        var width = 0
        var bytes = 0
        for byte in utf8 {
            if byte == 0x20 {
                width += 1
            } else if byte == 0x09 {
                width += tabWidth
            } else {
                if byte >= 0x80, bytes > 0 {
                    return prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? tabWidth : 1) }
                }
                break
            }
            bytes += 1
        }
        return width
    }
}
