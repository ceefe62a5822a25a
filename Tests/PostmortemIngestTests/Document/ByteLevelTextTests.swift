import Testing

@testable import PostmortemIngest

/// The prose reader's text work done on UTF-8 bytes gives what the `Character` and
/// `Unicode.Scalar` versions gave, non-ASCII text included.
@Suite("Byte-level text: sentences, lines, inline Markdown and lower-casing")
struct ByteLevelTextTests {
    @Test("Sentences end before an upper-case letter (accented too), a digit or an opening quote; abbreviations do not end one")
    func sentences() {
        let text = "The cache failed at 9:05 a.m. on Monday. \u{C9}tienne restarted it! \u{201C}Done,\u{201D} he said. 3 nodes came back.\n\nA new  paragraph"
        #expect(
            Sentences.split(text) == [
                "The cache failed at 9:05 a.m. on Monday.", "\u{C9}tienne restarted it!", "\u{201C}Done,\u{201D} he said.",
                "3 nodes came back.", "A new paragraph",
            ])
        #expect(Sentences.split("Dr. Smith called. Then we left approx. Ten minutes later.") == ["Dr. Smith called.", "Then we left approx. Ten minutes later."])
        #expect(Sentences.split("Ça. Next \u{201C}quote.\u{201D} Then") == ["Ça.", "Next \u{201C}quote.\u{201D}", "Then"])
    }

    @Test("Lines end at LF, CR LF or a lone CR, and a final line end leaves an empty last line")
    func lines() {
        let lines = BlockDocument.lines("Outage report\r\n\r\nAt 14:05 UTC the API failed.\rIt recovered at 14:50 UTC.\n")
        #expect(lines == ["Outage report", "", "At 14:05 UTC the API failed.", "It recovered at 14:50 UTC.", ""])
        #expect(BlockDocument.lines("") == [""])
    }

    @Test("Inline Markdown: marks, links, tags and entities removed; `_` inside a word kept, non-ASCII letters included")
    func inline() {
        let line = "**\u{DC}ber** _snake_case_ na\u{EF}_word [link](http://x) <https://status.example.com> <b>bold</b> &amp; \\*star\\* \u{E9}_x \\\u{E9}"
        #expect(MarkdownBlocks.inline(line) == "\u{DC}ber snake_case na\u{EF}_word link https://status.example.com bold & *star* \u{E9}_x \\\u{E9}")
        #expect(MarkdownBlocks.inline("&nbsp;x &unknown; y") == "x &unknown; y")
    }

    @Test("Rules are three or more of one mark with spaces between")
    func rules() {
        #expect(MarkdownBlocks.isRule("- - -"))
        #expect(MarkdownBlocks.isRule("***"))
        #expect(MarkdownBlocks.isRule("___ _"))
        #expect(!MarkdownBlocks.isRule("-*-"))
        #expect(!MarkdownBlocks.isRule("--"))
        #expect(!MarkdownBlocks.isRule("-\u{301}--"))
    }

    @Test("Lower-casing is the standard library's, curly quotes, accents and special mappings included")
    func lowercasing() {
        #expect(TextFolding.lowercased("\u{201C}Fully Restored\u{201D} at 9:05 PM") == "\u{201C}fully restored\u{201D} at 9:05 pm")
        #expect(TextFolding.lowercased("\u{C0}\u{C9}\u{CE} Stra\u{DF}e") == "\u{E0}\u{E9}\u{EE} stra\u{DF}e")
        // Capital I with a dot above lower-cases to two scalars; the Kelvin sign to an ASCII k.
        #expect(TextFolding.lowercased("\u{130}stanbul \u{212A}") == "i\u{307}stanbul k")
        for text in ["ΣΑΣ Ωmega", "plain ASCII Text", "", "\u{1F600} Emoji OK"] {
            #expect(TextFolding.lowercased(text) == text.lowercased())
        }
    }
}
