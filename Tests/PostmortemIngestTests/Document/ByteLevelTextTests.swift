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

    @Test("Trimming, leading spaces and ASCII prefixes on bytes give the Character results, combining marks and canonical equivalents included")
    func trimmingAndPrefixes() {
        // A space followed by a combining acute is one Character, not a space; a tab never joins.
        let lines: [Substring] = ["  \t 14:05 UTC  ", " \u{301}x ", "\t\u{301}x", "x\u{600} ", "   ", "", "\u{E9}t\u{E9} \t"]
        for line in lines {
            let start = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
            let end = line.lastIndex { $0 != " " && $0 != "\t" }.map { line.index(after: $0) } ?? start
            #expect(line.trimmingSpaces == line[start..<max(start, end)])
            for width in [1, 4] {
                #expect(line.leadingSpaceCount(tabWidth: width) == line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? width : 1) })
            }
        }
        #expect(Substring("  \t 14:05 UTC  ").trimmingSpaces == "14:05 UTC")
        #expect(Substring(" \u{301}x ").trimmingSpaces == " \u{301}x")
        #expect(Substring("\t  - item").leadingSpaceCount(tabWidth: 4) == 6)
        // A fence, a fence whose last backtick carries a combining mark, and a Greek varia
        // (canonically a backtick) opening the line.
        let prefixed: [Substring] = ["```swift", "``\u{60}\u{301}x", "\u{1FEF}``", "``", "~~~", "| a |", "> quote", "\u{E9}"]
        for line in prefixed {
            for prefix in ["```", "~~~", "|", ">"] { #expect(line.hasASCIIPrefix(prefix) == line.hasPrefix(prefix)) }
        }
        #expect(Substring("```swift").hasASCIIPrefix("```"))
        #expect(!Substring("``\u{60}\u{301}x").hasASCIIPrefix("```"))
    }

    @Test("Vocabulary words on bytes: hyphenated words give their parts, region codes stay whole, leading hyphens dropped")
    func vocabularyWords() {
        #expect(ProseVocabulary.words("EBS-backed volumes in us-east-1 --flag a--b c-") == ["EBS-backed", "EBS", "backed", "volumes", "in", "us-east-1", "flag", "a--b", "a", "b", "c-", "c"])
        #expect(ProseVocabulary.isRegionCode("eu-west-2"))
        #expect(ProseVocabulary.isRegionCode("us--east-1"))
        #expect(!ProseVocabulary.isRegionCode("us-east-12"))
        #expect(!ProseVocabulary.isRegionCode("US-east-1"))
        #expect(ProseVocabulary.regions(in: ProseVocabulary.words("US East and ap-northeast-1, then EU")) == ["US East", "ap-northeast-1", "EU"])
        #expect(ProseVocabulary.services(in: ProseVocabulary.words("EC2 and RDS; ec2 is not a name")) == ["EC2", "RDS"])
    }

    @Test("Clock words read on bytes: meridiems with and without points, Zulu, seconds; malformed words are no clock")
    func clockWords() {
        typealias Clock = ProseTimeExpression.Clock
        let cases: [(String, Clock?, Bool)] = [
            ("12:47", Clock(hour: 12, minute: 47, second: nil, isPM: nil, precision: .minute), false),
            ("3pm", Clock(hour: 3, minute: 0, second: nil, isPM: true, precision: .hour), false),
            ("9:05a.m", Clock(hour: 9, minute: 5, second: nil, isPM: false, precision: .minute), false),
            ("12:30PM", Clock(hour: 12, minute: 30, second: nil, isPM: true, precision: .minute), false),
            ("14:05:09Z", Clock(hour: 14, minute: 5, second: 9, isPM: nil, precision: .second), true),
            ("1:5", nil, false), ("123:45", nil, false), ("5Z", nil, false), ("am", nil, false), ("12::30", nil, false),
        ]
        for (word, clock, zulu) in cases {
            let read = ProseTimeScanner.clockWord(word)
            #expect(read?.clock == clock, "\(word)")
            #expect((read?.zulu ?? false) == zulu, "\(word)")
            // The byte reading is the one taken for ASCII words, and it reads the same clock.
            let bytes = ProseTimeScanner.asciiClockWord(word)
            #expect(bytes.map { $0?.clock } == .some(clock), "\(word)")
            #expect(bytes.map { $0?.zulu ?? false } == .some(zulu), "\(word)")
        }
        // Other text is read as Characters: a full-width colon splits nothing.
        #expect(ProseTimeScanner.asciiClockWord("12\u{FF1A}47") == nil)
        #expect(ProseTimeScanner.clockWord("12\u{FF1A}47") == nil)
    }

    @Test("Duration words, number words and restoration parts on bytes: the Character readings, curly quotes and ellipses included")
    func durationWordsAndParts() {
        #expect(ProseDuration.words("Lasted 1.5 hours... then DONE.") == ["lasted", "1.5", "hours", "then", "done"])
        #expect(ProseDuration.words("Lasted 1.5 hours\u{2026} then \u{201C}done.\u{201D}") == ["lasted", "1.5", "hours", "then", "done"])
        #expect(Sentences.numberWord("Twenty") == 20)
        #expect(Sentences.numberWord("sixty") == 60)
        #expect(Sentences.numberWord("zero") == 0)
        #expect(Sentences.numberWord("a") == nil)
        #expect(Sentences.numberWord("seventeens") == nil)
        #expect(ProseDuration.number("45") == 45)
        #expect(ProseDuration.number("twenty-five") == 25)
        #expect(ProseDuration.number("nan") == nil)
        #expect(ProseDuration.number("half") == 0.5)
        #expect(ProseRestorationClause.parts("service restored, and errors fell; but not all.") == [["service", "restored"], ["errors", "fell"], ["not", "all"]])
        #expect(ProseRestorationClause.parts("it\u{2019}s restored, and done") == [["it", "s", "restored"], ["done"]])
        #expect(ProseRestorationClause.asciiParts("it\u{2019}s restored") == nil)
    }

    @Test("Failure-clause words on bytes: runs of letters and apostrophes, as the Character split gives them")
    func failureClauseWords() {
        #expect(ProseFailureClause.letterWords("we couldn't reach it; 3 nodes") == ["we", "couldn't", "reach", "it", "nodes"])
        #expect(ProseFailureClause.letterWords("it didn\u{2019}t work") == ["it", "didn", "t", "work"])
        #expect(ProseFailureClause.letterWords("") == [])
    }
}
