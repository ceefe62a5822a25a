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
            if atxHeading(trimmed) != nil || isDelimiterRow(trimmed) || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { return true }
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
            for line in lines[1..<close] { readFrontMatter(line, into: &metadata) }
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
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            index += 1
            if trimmed.isEmpty {
                close()
                continue
            }
            // Fenced code: kept as one code block, never read for times.
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                close()
                let fence = String(trimmed.prefix(3))
                var body: [String] = []
                while index < lines.count, !lines[index].trimmingSpaces.hasPrefix(fence) {
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
            if trimmed.hasPrefix("|") || (trimmed.containsBytes("|") && index < lines.count && isDelimiterRow(lines[index].trimmingSpaces)) {
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
            while content.hasPrefix(">") { content = content.dropFirst().trimmingSpaces }
            if let item = listItemText(content) {
                open(.listItem, at: number)
                listIndent = indent
                content = item
            } else if paragraph.isEmpty {
                open(listIndent >= 0 && indent > listIndent ? .listItem : .paragraph, at: number)
                if indent <= listIndent { listIndent = -1 }
            } else if PlainTextBlocks.startsEntry(String(content)), paragraphKind == .paragraph {
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

    static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, first == "-" || first == "*" || first == "_" else { return false }
        return marks.allSatisfy { $0 == first }
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

    static func readFrontMatter(_ line: Substring, into metadata: inout DocumentMetadata) {
        // Only top-level keys: a nested `title:` belongs to something else (a sidebar entry).
        guard let lead = line.first, lead != " ", lead != "\t", let colon = line.firstIndex(of: ":") else { return }
        let key = line[..<colon].trimmingSpaces.lowercased()
        var value = line[line.index(after: colon)...].trimmingSpaces
        if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = value.dropFirst().dropLast() }
        switch key {
        case "title": metadata.title = String(value)
        case "date", "published", "date_published", "datepublished":
            if let date = CivilDate(iso: String(value.prefix(10))) {
                metadata.published = date
                metadata.publishedSource = "front matter '\(key)'"
            }
        case "site_name", "site", "company", "publisher": metadata.siteName = String(value)
        default: break
        }
    }

    // MARK: Inline syntax

    /// The text a reader sees: emphasis marks, code-span ticks, link targets, images, HTML tags
    /// and common entities removed; backslash escapes kept as their character.
    static func inline(_ text: some StringProtocol) -> String {
        let scalars = Array(String(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWordScalar(_ k: Int) -> Bool {
            guard k >= 0, k < scalars.count else { return false }
            return scalars[k].properties.isAlphabetic || ("0"..."9").contains(scalars[k])
        }
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\\" where i + 1 < scalars.count && !scalars[i + 1].properties.isAlphabetic:
                out.append(scalars[i + 1])
                i += 2
                continue
            case "*", "`":
                i += 1
                continue
            case "_" where !(isWordScalar(i - 1) && isWordScalar(i + 1)):
                i += 1
                continue
            case "!" where i + 1 < scalars.count && scalars[i + 1] == "[":
                i += 1
                continue
            case "[":
                // [text](target) -> text; [text][ref] -> text.
                if let close = scalars[(i + 1)...].firstIndex(of: "]") {
                    let after = close + 1
                    if after < scalars.count, scalars[after] == "(", let end = scalars[after...].firstIndex(of: ")") {
                        out.append(contentsOf: scalars[(i + 1)..<close])
                        i = end + 1
                        continue
                    }
                    if after < scalars.count, scalars[after] == "[", let end = scalars[after...].firstIndex(of: "]") {
                        out.append(contentsOf: scalars[(i + 1)..<close])
                        i = end + 1
                        continue
                    }
                }
            case "<":
                // An HTML tag or autolink: a tag is dropped, an autolink keeps its address.
                if let close = scalars[(i + 1)...].firstIndex(of: ">"), close - i < 400 {
                    let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                    let isTag = inner.first.map { $0.isLetter || $0 == "/" || $0 == "!" } ?? false
                    if inner.containsBytes("://") || inner.containsBytes("@"), !inner.containsBytes(" ") {
                        out.append(contentsOf: inner.unicodeScalars)
                        i = close + 1
                        continue
                    }
                    if isTag {
                        out.append(" ")
                        i = close + 1
                        continue
                    }
                }
            case "&":
                if let semicolon = scalars[(i + 1)...].prefix(8).firstIndex(of: ";") {
                    let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
                    if let decoded = entities[name] {
                        out.append(contentsOf: decoded.unicodeScalars)
                        i = semicolon + 1
                        continue
                    }
                }
            default:
                break
            }
            out.append(c)
            i += 1
        }
        return TextFolding.fold(String(out))
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "\u{2013}", "mdash": "\u{2014}", "#39": "'",
    ]
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
