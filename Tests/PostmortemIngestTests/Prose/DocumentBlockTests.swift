import PostmortemIngest
import PostmortemTimeline
import Testing

@Suite("Documents: plain text, Markdown and HTML become the same blocks")
struct DocumentBlockTests {
    @Test("Markdown: front matter, headings, a table, list items and a fenced block, each with its line")
    func markdownBlocks() {
        let text = """
            ---
            title: Cache outage
            date: 2024-03-05
            ---

            # Cache outage

            The **cache** was [down](https://example.com/x).

            | Time | Event |
            |---|---|
            | 14:05 | Errors rise |

            - **14:20** - Node replaced
              and traffic moved

            ```
            14:01:02 log line
            ```
            """
        let document = BlockDocument.read(text: text)
        #expect(document.markup == .markdown)
        #expect(document.metadata.title == "Cache outage")
        #expect(document.metadata.published == CivilDate(year: 2024, month: 3, day: 5))
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .tableRow, .tableRow, .listItem, .code])
        #expect(document.blocks.map(\.line) == [6, 8, 10, 12, 14, 17])
        #expect(document.blocks[1].text == "The cache was down.")
        #expect(document.blocks[2].isTableHeader)
        #expect(document.blocks[3].cells == ["14:05", "Errors rise"])
        #expect(document.blocks[3].text == "14:05 | Errors rise")
        #expect(document.blocks[4].text == "14:20 - Node replaced\nand traffic moved")
        #expect(document.blocks[0].level == 1)
    }

    @Test("HTML: the article only, without navigation, header, footer, aside, forms and scripts; dates from the metadata")
    func htmlBlocks() {
        let page = """
            <html><head><title>Page | Blog</title><meta property="og:site_name" content="Example Cloud">
            <meta property="article:published_time" content="2021-05-28T09:00:00Z"><script>var t = "12:00";</script></head>
            <body><header><nav>Home 03:00 UTC</nav></header>
            <main><article><h2>Impact</h2><p>From 14:05 to 15:20 UTC writes <em>failed</em>.</p>
            <ul><li><strong>14:05 UTC</strong> Errors begin.</li></ul>
            <table><tr><th>Time</th><th>Event</th></tr><tr><td>14:30</td><td>Switched</td></tr></table>
            <pre>13:59:58 detach</pre></article></main>
            <aside>Webinar at 10:00 AM</aside><footer>Hours 09:00 to 17:00</footer></body></html>
            """
        let document = BlockDocument.read(text: page)
        #expect(document.markup == .html)
        #expect(document.metadata.title == "Page | Blog")
        #expect(document.metadata.siteName == "Example Cloud")
        #expect(document.metadata.published == CivilDate(year: 2021, month: 5, day: 28))
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .tableRow, .tableRow, .code])
        #expect(document.blocks.map(\.text) == [
            "Impact", "From 14:05 to 15:20 UTC writes failed.", "14:05 UTC Errors begin.", "Time | Event", "14:30 | Switched", "13:59:58 detach",
        ])
        #expect(document.blocks[3].isTableHeader)
        #expect(document.blocks.first?.line == 4)
    }

    @Test("Plain text: blank-line paragraphs, a short capitalised line is a heading, a line opening with a time starts an entry")
    func plainTextBlocks() {
        let document = BlockDocument.read(text: "Storage incident\n\nAt 14:05 UTC errors rose.\nThey fell.\n14:30 UTC Fixed.\n")
        #expect(document.markup == .plainText)
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .listItem])
        #expect(document.blocks.map(\.line) == [1, 3, 5])
    }

    @Test("Markdown: ```code``` on one line is code on that line, not a fence that swallows the rest")
    func oneLineFence() {
        let document = BlockDocument.read(text: "# Cert mismatch\n\n- **Identified**: users saw:\n```TLS name does not match```\n\n- **Repaired** 2021-07-12 15:51\n")
        #expect(document.markup == .markdown)
        #expect(document.blocks.map(\.kind) == [.heading, .listItem, .code, .listItem])
        #expect(document.blocks.map(\.text) == ["Cert mismatch", "Identified: users saw:", "```TLS name does not match```", "Repaired 2021-07-12 15:51"])
        #expect(document.blocks.map(\.line) == [1, 3, 4, 6])
    }
}
