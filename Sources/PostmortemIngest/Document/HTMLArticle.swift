import PostmortemTimeline

/// A web page read as a prose document: the article's text as blocks, and the page's own title,
/// site name and publication date.
///
/// The article is the page's `<article>` (the longest, when there are several), else `<main>` or
/// the element with `role="main"`, else `<body>`; navigation, page header and footer, asides,
/// forms, scripts and styles are left out. Dates come from `article:published_time` and the other
/// publication `<meta>` tags, JSON-LD `datePublished`, or the page's first `<time datetime>`.
enum HTMLArticle {
    /// Whether the bytes start like an HTML page or fragment rather than XML or text.
    static func looksLikeHTML(_ head: some Collection<UInt8>) -> Bool {
        // Most prose does not open with `<`: no need to decode and lower-case its head.
        guard head.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 12) }) == 0x3C else { return false }
        let text = String(decoding: head, as: UTF8.self)
        let lower = TextFolding.fold(text).lowercased()
        guard lower.first == "<" else { return false }
        if lower.hasPrefix("<?xml") { return lower.containsBytes("<html") }
        for mark in ["<!doctype html", "<html", "<head", "<body", "<article", "<main", "<h1", "<p>", "<p ", "<div", "<meta", "<title"] where lower.containsBytes(mark) {
            return true
        }
        return false
    }

    static let skipped: Set<String> = [
        "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "button", "svg", "iframe",
        "select", "textarea", "head", "dialog", "menu",
    ]
    static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]
    /// Elements that hold blocks rather than inline text.
    static let containers: Set<String> = [
        "html", "body", "article", "main", "section", "div", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
        "blockquote", "figure", "details", "center",
    ]

    static func document(html bytes: [UInt8], path: String) -> BlockDocument {
        let parsed = bytes.withUnsafeBytes { HTMLDocument(html: $0, url: path) }
        guard let page = parsed else { return BlockDocument(markup: .html, blocks: []) }
        let metadata = metadata(of: page)
        let articles = page.select("//article")
        let root =
            articles.max { $0.textContent.utf8.count < $1.textContent.utf8.count }
            ?? page.first("//main") ?? page.first("//*[@role='main']") ?? page.first("//body") ?? page.root
        var blocks: [DocumentBlock] = []
        // An article's own `<header>` holds its title (and a byline, which is left out): the
        // page's header is outside the article and skipped whole.
        if let root {
            collect(root, into: &blocks, headerHeadings: root.name == "article" || root.name == "main", rootLength: root.textContent.utf8.count)
        }
        var pageMetadata = metadata
        pageMetadata.title = title(metadata.title, firstHeading: blocks.first { $0.kind == .heading && $0.level == 1 }?.text)
        return BlockDocument(markup: .html, blocks: blocks, metadata: pageMetadata)
    }

    /// What a site's template calls its parts around the article, in `class` and `id` words
    /// (`<div class="sidebar">`, `<div id="comments">`, `<div class="cookie-banner">`): left out.
    static let chromeWords: Set<String> = [
        "sidebar", "widget", "widgets", "comments", "comment", "responses", "related", "footer", "nav", "navbar", "navigation", "menu",
        "topbar", "metabar", "cookie", "cookies", "consent", "share", "sharing", "social", "breadcrumb", "breadcrumbs", "subscribe",
        "newsletter", "advert", "advertisement", "promo", "announcement",
    ]
    /// Whether a `<div>`-like element is the site's chrome by its `class` or `id` words. An
    /// element that holds the page's `<h1>` or half its text is the article's wrapper, whatever
    /// it is called (`<div class="layout-with-sidebar">`). (A `post-header` or `hero` block is
    /// read whole: its byline may be the only place that writes the year.)
    static func isChrome(_ node: HTMLNode, rootLength: Int) -> Bool {
        guard rootLength > 0, node.name == "div" || node.name == "section" || node.name == "ul" || node.name == "span" else { return false }
        let names = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
        let named = names.contains { name in
            TextFolding.lowercased(name).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains { chromeWords.contains(String($0)) }
        }
        guard named, node.textContent.utf8.count * 2 < rootLength else { return false }
        return !headings(under: node).contains { $0.name == "h1" }
    }

    /// Separators a page's `<title>` puts between the article's title and the site's name.
    static let titleSeparators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} ", " :: ", " \u{00BB} "]

    /// The article's `<h1>` when the page's title is that heading followed by the site's name or
    /// a byline ("Login outage | by A. Writer | Example Blog"), else the page's title.
    static func title(_ pageTitle: String?, firstHeading: String?) -> String? {
        guard let pageTitle, let heading = firstHeading, !heading.isEmpty, pageTitle.utf8.count > heading.utf8.count,
            pageTitle.hasPrefix(heading)
        else { return pageTitle }
        let rest = pageTitle.dropFirst(heading.count)
        return titleSeparators.contains { rest.hasPrefix($0) } ? heading : pageTitle
    }

    /// The headings under `node`, in document order (an article header's title, without its byline).
    static func headings(under node: HTMLNode) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var stack: [HTMLNode] = node.elementChildren.reversed()
        while let next = stack.popLast() {
            if headings[next.name] != nil {
                found.append(next)
            } else if !skipped.contains(next.name) {
                stack.append(contentsOf: next.elementChildren.reversed())
            }
        }
        return found
    }

    /// What the walk has still to do: visit an element, or emit a run of inline text.
    enum Work {
        case node(HTMLNode)
        case text(String, line: Int)
    }

    /// Walks the article with an explicit stack (archived pages can nest elements hundreds of
    /// thousands deep), emitting one block per heading, paragraph, list item, row or `<pre>`.
    static func collect(_ root: HTMLNode, into blocks: inout [DocumentBlock], headerHeadings: Bool = false, rootLength: Int = 0) {
        var stack: [Work] = [.node(root)]
        while let work = stack.popLast() {
            let node: HTMLNode
            switch work {
            case .text(let text, let line):
                append(.paragraph, text, line: line, to: &blocks)
                continue
            case .node(let element):
                node = element
            }
            let name = node.name
            if name == "header", headerHeadings {
                stack.append(contentsOf: headings(under: node).reversed().map { .node($0) })
                continue
            }
            if skipped.contains(name) { continue }
            if isChrome(node, rootLength: rootLength) { continue }
            if node.attribute("role").map({ ["navigation", "banner", "contentinfo", "complementary"].contains($0) }) ?? false { continue }
            let line = node.line ?? 1
            if let level = headings[name] {
                append(.heading, inlineText(node), line: line, level: level, to: &blocks)
            } else if name == "pre" {
                blocks.append(DocumentBlock(kind: .code, text: node.textContent, line: line))
            } else if name == "tr" {
                let cells = node.elementChildren.filter { $0.name == "td" || $0.name == "th" }.map(inlineText)
                let header = node.elementChildren.contains { $0.name == "th" } && !node.elementChildren.contains { $0.name == "td" }
                if cells.contains(where: { !$0.isEmpty }) {
                    blocks.append(
                        DocumentBlock(
                            kind: .tableRow, text: cells.filter { !$0.isEmpty }.joined(separator: " | "), line: line, cells: cells,
                            isTableHeader: header))
                }
            } else if name == "li" || name == "dt" || name == "dd" || name == "p" || (!containers.contains(name) && !hasBlockChild(node)) {
                append(name == "li" ? .listItem : .paragraph, inlineText(node), line: line, to: &blocks)
                // A list item's nested lists are items of their own.
                if name == "li" {
                    for child in node.elementChildren.reversed() where child.name == "ul" || child.name == "ol" { stack.append(.node(child)) }
                }
            } else {
                // A container: each run of inline content becomes a paragraph, blocks are visited in order.
                var items: [Work] = []
                var run: [String] = []
                var runLine = line
                func flush() {
                    let text = run.joined().split(separator: "\n").map { TextFolding.foldAll($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
                    if !text.isEmpty { items.append(.text(text, line: runLine)) }
                    run = []
                }
                for child in node.children {
                    if child.isElement, containers.contains(child.name) || blockNames.contains(child.name) || skipped.contains(child.name) {
                        flush()
                        if child.name != "br" && child.name != "hr" { items.append(.node(child)) }
                    } else if child.isText {
                        if run.isEmpty { runLine = child.line ?? line }
                        run.append(child.ownText)
                    } else if child.isElement {
                        if run.isEmpty { runLine = child.line ?? line }
                        run.append(inlineText(child))
                    }
                }
                flush()
                stack.append(contentsOf: items.reversed())
            }
        }
    }

    static let blockNames: Set<String> = ["p", "li", "dt", "dd", "pre", "tr", "hr", "br", "h1", "h2", "h3", "h4", "h5", "h6"]

    static func hasBlockChild(_ node: HTMLNode) -> Bool {
        node.elementChildren.contains { containers.contains($0.name) || blockNames.contains($0.name) || headings[$0.name] != nil }
    }

    /// The visible text of an element, without nested lists and skipped elements; `<br>` keeps
    /// its line break.
    static func inlineText(_ node: HTMLNode) -> String {
        var parts: [String] = []
        var stack: [HTMLNode] = node.children.reversed()
        while let next = stack.popLast() {
            if next.isText {
                parts.append(next.ownText)
            } else if next.isElement {
                let name = next.name
                if skipped.contains(name) || name == "ul" || name == "ol" { continue }
                if name == "br" {
                    parts.append("\n")
                    continue
                }
                if name == "td" || name == "th" { parts.append(" ") }
                stack.append(contentsOf: next.children.reversed())
            }
        }
        let lines = parts.joined().split(separator: "\n").map { TextFolding.foldAll($0) }.filter { !$0.isEmpty }
        return lines.joined(separator: "\n")
    }

    private static func append(_ kind: DocumentBlock.Kind, _ text: String, line: Int, level: Int = 0, to blocks: inout [DocumentBlock]) {
        guard !text.isEmpty else { return }
        blocks.append(DocumentBlock(kind: kind, text: text, line: line, level: level))
    }

    // MARK: Metadata

    static let publishedMeta = ["article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate", "publish_date", "article:modified_time"]

    static func metadata(of page: HTMLDocument) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        var metas: [(key: String, content: String)] = []
        for meta in page.select("//meta") {
            guard let content = meta.attribute("content") else { continue }
            let key = (meta.attribute("property") ?? meta.attribute("name") ?? meta.attribute("itemprop") ?? "").lowercased()
            if !key.isEmpty { metas.append((key, content)) }
        }
        func meta(_ key: String) -> String? { metas.first { $0.key == key }.map { TextFolding.foldAll($0.content) } }
        metadata.title = meta("og:title") ?? page.first("//title").map { TextFolding.foldAll($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        metadata.siteName = meta("og:site_name") ?? meta("application-name")
        for key in publishedMeta {
            if let value = meta(key), let date = day(of: value) {
                metadata.published = date
                metadata.publishedSource = "<meta \(key)>"
                break
            }
        }
        if metadata.published == nil || metadata.siteName == nil {
            for script in page.select("//script[@type='application/ld+json']") {
                let json = script.textContent
                if metadata.published == nil, let value = jsonString(json, key: "datePublished"), let date = day(of: value) {
                    metadata.published = date
                    metadata.publishedSource = "JSON-LD datePublished"
                }
                if metadata.siteName == nil, let publisher = json.range(of: "\"publisher\"") {
                    metadata.siteName = jsonString(String(json[publisher.upperBound...]), key: "name")
                }
            }
        }
        if metadata.published == nil, let time = page.select("//time[@datetime]").first, let value = time.attribute("datetime"), let date = day(of: value) {
            metadata.published = date
            metadata.publishedSource = "<time datetime>"
        }
        return metadata
    }

    /// The UTC day of `2024-03-05`, `2024-03-05T14:05:00Z` or `2024-03-05T14:05:00+09:00`.
    static func day(of value: String) -> CivilDate? {
        let trimmed = TextFolding.foldAll(value)
        if let instant = Instant(iso8601: trimmed) { return instant.civil().date }
        return CivilDate(iso: trimmed.prefix(10))
    }

    /// The string value of the first `"key": "value"` in a JSON text (JSON-LD is read for two
    /// strings only, so a full JSON parse is not needed).
    static func jsonString(_ json: String, key: String) -> String? {
        guard let found = json.range(of: "\"\(key)\"") else { return nil }
        let rest = json[found.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: "\"") else { return nil }
        return String(body[..<end])
    }
}
