import PostmortemMetrics
import PostmortemTimeline

/// A self-contained HTML page: one file with its styles inline and its charts as inline SVG,
/// no scripts, fonts or images from anywhere, and a Content-Security-Policy that forbids every
/// fetch, so a page opened from a CI artifact or a mail attachment never reaches the network.
///
/// The markup is written by hand rather than through a template library: none is among the
/// project's dependencies, and the pages are a handful of headings, lists and tables whose
/// bytes must never drift.
public struct HTMLPage: Sendable, Equatable {
    /// The document title (the browser tab, the printed header).
    public var title: String
    /// The body's markup, already escaped.
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }

    /// Every fetch is refused (`default-src 'none'`); only the page's own inline styles apply.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    /// The whole document.
    public func rendered() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<meta name=\"generator\" content=\"postmortem report\">\n"
        out += "<title>\(Self.escape(title))</title>\n<style>\n\(Self.stylesheet)</style>\n</head>\n<body>\n"
        out += body
        out += "</body>\n</html>\n"
        return out
    }

    /// Text for an element or attribute: `&`, `<`, `>` and `"` as entities.
    public static func escape(_ text: String) -> String {
        XMLText.escape(text)
    }

    /// Running text with its line breaks kept (`<br>`), escaped.
    public static func lines(_ text: String) -> String {
        escape(text).replacingNewlines()
    }

    /// A `<time>` element for a UTC instant: `2008-07-20 15:40` shown, the ISO form as `datetime`.
    public static func time(_ instant: Instant) -> String {
        "<time datetime=\"\(instant.iso8601)\">\(MarkdownText.utcShort(instant))</time>"
    }

    /// Where a piece of text came from (`file:line`), set under the text it belongs to.
    public static func source(_ location: SourceLocation) -> String {
        "<div class=\"source\"><code>\(escape(location.description))</code></div>"
    }

    /// A table; `header` and `rows` hold markup (escape text first). Columns listed in
    /// `numeric` are right-aligned.
    public static func table(header: [String], rows: [[String]], numeric: Set<Int> = [], caption: String? = nil, className: String? = nil) -> String {
        var out = "<div class=\"table-scroll\"><table\(className.map { " class=\"\($0)\"" } ?? "")>\n"
        if let caption { out += "<caption>\(caption)</caption>\n" }
        out += "<thead><tr>"
        for (index, cell) in header.enumerated() {
            out += numeric.contains(index) ? "<th scope=\"col\" class=\"num\">\(cell)</th>" : "<th scope=\"col\">\(cell)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                out += numeric.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }

    /// A chart inline: the SVG document as drawn for the `.svg` file, inside a figure with a caption.
    public static func figure(_ svg: String, id: String, caption: String) -> String {
        "<figure class=\"chart\" id=\"\(escape(id))\">\n\(svg)<figcaption>\(escape(caption))</figcaption>\n</figure>\n"
    }

    /// The key figures of a report as a row of labelled values.
    public static func keyFigures(_ figures: [(label: String, value: String, detail: String?)]) -> String {
        guard !figures.isEmpty else { return "" }
        var out = "<dl class=\"key-figures\">\n"
        for figure in figures {
            out += "<div><dt>\(escape(figure.label))</dt><dd><span class=\"figure\">\(escape(figure.value))</span>"
            if let detail = figure.detail { out += "<span class=\"detail\">\(escape(detail))</span>" }
            out += "</dd></div>\n"
        }
        return out + "</dl>\n"
    }

    /// The warnings section: every item a reader skipped, with its file and place.
    public static func warnings(_ warnings: [ParseWarning]) -> String {
        var out = "<section id=\"warnings\">\n<h2>Warnings</h2>\n"
        guard !warnings.isEmpty else { return out + "<p>None: every part of the sources was read.</p>\n</section>\n" }
        out += "<p>\(warnings.count) item(s) could not be read as written:</p>\n<ul class=\"warnings\">\n"
        for warning in warnings {
            out += "<li><code>\(escape(warning.location.description))</code>: \(escape(warning.message))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// Links to the report's other files, relative to the page, so the folder can be published as is.
    public static func downloads(_ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        var out = "<footer>\n<p>The same report as data: "
        out += names.map { "<a href=\"\(escape($0))\">\(escape($0))</a>" }.joined(separator: ", ")
        out += ".</p>\n<p>Generated by <code>postmortem report</code>.</p>\n</footer>\n"
        return out
    }

    /// The page's styles: readable widths and tables, a dark scheme, and print rules (light
    /// colours, no navigation, figures and table rows kept whole, link targets spelled out).
    public static let stylesheet = """
        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1b; --muted: #595959; --rule: #d0d4d9;
          --panel: #f4f6f8; --link: #1a56a8; --chart-bg: #ffffff; --chart-grid: #e0e0e0; --chart-axis: #333333;
          --good: #1e7b34; --bad: #b3261e; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15171a; --fg: #e4e6e8; --muted: #a4a9ae; --rule: #3a3f45; --panel: #1f2327; --link: #8ab4f8;
            --chart-bg: #1f2327; --chart-grid: #353a40; --chart-axis: #c9cdd1; --good: #6fcf86; --bad: #f28b82; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; background: var(--bg); color: var(--fg);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
        h2 { font-size: 1.3rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
        a { color: var(--link); }
        code { font: 0.88em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        nav { font-size: 0.9rem; }
        .sources, .muted { color: var(--muted); font-size: 0.9rem; }
        .key-figures { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.25rem 0; padding: 0; }
        .key-figures > div { flex: 1 1 11rem; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.8rem; }
        .key-figures dt { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
        .key-figures dd { margin: 0; }
        .key-figures .figure { display: block; font-size: 1.45rem; font-weight: 650; font-variant-numeric: tabular-nums; }
        .key-figures .detail { display: block; font-size: 0.85rem; color: var(--muted); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        @media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.4rem; } }
        blockquote { margin: 0.25rem 0 0.75rem; padding: 0.25rem 0.9rem; border-left: 3px solid var(--rule); color: var(--muted); }
        .table-scroll { overflow-x: auto; margin: 0.75rem 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        table.compact { width: auto; min-width: 22rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--rule); }
        th { background: var(--panel); }
        td time { white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.timeline td:first-child, table.timeline td:nth-child(2) { white-space: nowrap; }
        .quote { font-size: 0.85rem; min-width: 12rem; }
        td code { overflow-wrap: anywhere; }
        table.figures td:first-child { min-width: 15rem; }
        .source { font-size: 0.8rem; color: var(--muted); overflow-wrap: anywhere; margin-top: 0.2rem; }
        .yes { color: var(--good); font-weight: 600; }
        .no { color: var(--bad); font-weight: 600; }
        figure.chart { margin: 1rem 0 1.5rem; }
        figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 6px; }
        figure.chart figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.35rem; }
        svg .chart-bg { fill: var(--chart-bg); }
        svg .chart-grid { stroke: var(--chart-grid); }
        svg .chart-axis { stroke: var(--chart-axis); }
        svg .chart-mark { fill: var(--chart-axis); }
        svg .chart-empty { fill: var(--chart-grid); }
        svg text { fill: var(--fg); }
        ol.reasoning li { margin-bottom: 0.25rem; }
        ul.warnings li { margin-bottom: 0.25rem; }
        footer { margin-top: 3rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }
        @media print {
          :root { --bg: #ffffff; --fg: #000000; --muted: #404040; --rule: #b0b0b0; --panel: #f2f2f2; --link: #000000;
            --chart-bg: #ffffff; --chart-grid: #e0e0e0; --chart-axis: #333333; --good: #000000; --bad: #000000; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          h2 { break-after: avoid; }
          figure.chart, .key-figures > div, tr, blockquote { break-inside: avoid; }
          figure.chart svg { border: none; }
          .table-scroll { overflow: visible; }
          footer a[href]::after { content: " (" attr(href) ")"; }
        }

        """
}
