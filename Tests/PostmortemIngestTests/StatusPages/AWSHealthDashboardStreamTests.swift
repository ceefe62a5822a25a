import Foundation
import PostmortemTestSupport
import PostmortemTimeline
import Testing

@testable import PostmortemIngest

/// The streaming SHD reader against its oracle, the tree walk it replaced: libxml2's tree,
/// `innermostBlocks`, `visibleText` and the XPath heading search, fed through the same
/// `AWSHealthDashboardTimeline`. Both must give the same incidents and warnings (or the same
/// error) byte for byte.
@Suite("AWS Service Health Dashboard: the streaming reader reads what the tree walk read")
struct AWSHealthDashboardStreamTests {
    /// The page read the old way, over the whole tree.
    static func treeReading(_ bytes: [UInt8], file: String) -> Result<IngestResult, IngestError> {
        Result { () throws(IngestError) -> IngestResult in
            guard let document = bytes.withUnsafeBytes({ HTMLDocument(html: $0, url: file) }), let root = document.root else {
                throw .noTimeline(file: file, expected: "an HTML status page")
            }
            var heading: AWSHealthDashboardParser.Heading?
            for node in document.select("//h1 | //h2 | //h3") + document.select("//title") {
                let text = node.visibleText.isEmpty ? node.textContent : node.visibleText
                if let found = AWSHealthDashboardParser.heading(from: TextFolding.foldAll(text)) {
                    heading = found
                    break
                }
            }
            guard let heading else {
                throw .noTimeline(file: file, expected: "a title such as 'Amazon Simple Storage Service (US) Event: July 20, 2008'")
            }
            var timeline = AWSHealthDashboardTimeline(file: file, heading: heading, defaultZone: nil)
            var parents: [String: Int] = [:]
            for node in root.innermostBlocks(named: AWSHealthDashboardParser.blockNames, notHolding: AWSHealthDashboardParser.containerNames) {
                let path = node.parentPath ?? ""
                let parent = parents[path] ?? parents.count
                parents[path] = parent
                timeline.read(
                    AWSHealthDashboardStream.Block(
                        text: node.visibleText, line: node.line, parent: parent, isRowCell: node.name == "td" && node.parentName == "tr"))
            }
            guard !timeline.events.isEmpty else { throw document.noTimeline(file: file, expected: "updates that start with a time such as '9:05 AM PDT'") }
            var credits: [AnnouncedCredit] = []
            for event in timeline.events where event.text.lowercased().contains("credit") {
                credits += AnnouncedCreditReader.credits(in: event.text, source: event.source)
            }
            let incident = Incident(
                title: heading.title, provider: "AWS", services: [heading.service], regions: heading.region.map { [$0] } ?? [],
                events: timeline.events, announcedCredits: credits, sources: [file])
            return IngestResult(incidents: [incident], warnings: document.stopWarnings(file: file) + timeline.warnings)
        }
    }

    static func streamReading(_ bytes: [UInt8], file: String) -> Result<IngestResult, IngestError> {
        Result { () throws(IngestError) -> IngestResult in
            try AWSHealthDashboardParser().parse(SourceInput(path: file, bytes: bytes), options: IngestOptions())
        }
    }

    /// Every HTML fixture, the hostile ones included; most are no SHD page, and then both must
    /// fail with the same error.
    static let fixtures: [String] = {
        let root = FixturePath.resolve("Fixtures")
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
    }()

    @Test("Every HTML fixture reads the same")
    func fixturesAgree() throws {
        #expect(Self.fixtures.count >= 10)
        for name in Self.fixtures {
            let bytes = try #require(FileManager.default.contents(atPath: FixturePath.resolve("Fixtures/" + name)))
            let file = "Fixtures/" + name
            #expect(Self.streamReading(Array(bytes), file: file) == Self.treeReading(Array(bytes), file: file), "\(name)")
        }
    }

    static let head = "<html><head><title>Service Health Dashboard</title></head><body><h2>Amazon EC2 (US) Event: March 3, 2009</h2>\n"

    @Test(
        "Markup where a tree differs from a bare stream reads the same",
        arguments: [
            // White space the tree drops after elements that take no text, and keeps after those that do.
            "<div>9:05 AM PST one<br> <span>two</span></div><div>9:06 AM PST a<img> <b>b</b> <sup>c</sup> <i>d</i></div>",
            "<div>9:07 AM PST x<table><tr><td> <span>cell</span></td></tr></table></div><ul> <li>9:08 AM PST y</li> </ul>",
            // Blanks before an entity are text; blanks at the very end of the input.
            "<div>9:09 AM PST <br> &nbsp;after</div><div>9:10 AM PST z</div>   ",
            // Blocks inside blocks: a cell holding a definition, a row of cells, a list in a cell.
            "<table><tr><td>9:11 AM PST cell <dl><dd>9:12 AM PST term</dd></dl></td><td><div>inner</div></td></tr></table>",
            "<dd>9:13 AM PST outer<dd>9:14 AM PST inner</dd> tail</dd><dd>more</dd>",
            // Hidden elements inside a block, and a block inside a hidden element.
            "<div>9:15 AM PST shown<script>var x = '9:16 AM PST';</script><style>p{}</style> kept</div><noscript><div>9:17 AM PST inside</div></noscript>",
            // A comment between blocks, an unclosed block, a block without a stamp after an update.
            "<ul><li>9:18 AM PST first</li><!-- c --> <li>continued</li></ul><p>9:19 AM PST open<p>no stamp",
            // Nested headings: the outer one names no event, the inner does.
            "<h1>Dashboard <h3>Amazon S3 (EU) Event: May 5, 2010</h3></h1><div>1:00 PM PDT later heading</div>",
            // A processing instruction is a child too: the blanks after it go, as after an element.
            "<div>9:22 AM PST a<?xml version=\"1.0\"?>\n<span>b</span></div><div>9:23 AM PST c<?a b?> <i>d</i></div>",
            // Raw text in a block followed by blanks, and a pre.
            "<div>9:20 AM PST <script>1</script> <pre> 9:21  AM </pre> </div>",
        ])
    func snippetsAgree(body: String) {
        let bytes = Array((Self.head + body + "\n</body></html>\n").utf8)
        let stream = Self.streamReading(bytes, file: "inline.html")
        #expect(stream == Self.treeReading(bytes, file: "inline.html"))
        #expect((try? stream.get().incidents.first?.events.isEmpty) == false)
    }

    @Test(
        "A heading after the updates (a later <h2>, or only the <title>) still dates them: the blocks before it wait",
        arguments: [
            (
                "<html><body><div>9:05 AM PDT First.</div><div>9:30 AM PDT Second.</div></body><title>Amazon EC2 (US) Event: March 3, 2009</title></html>",
                ["2009-03-03T16:05:00Z", "2009-03-03T16:30:00Z"]
            ),
            (
                "<html><body><div>11:00 PM PST Late.</div><h2>Amazon EC2 (US) Event: March 3, 2009</h2><div>11:30 PM PST Later.</div></body></html>",
                ["2009-03-04T07:00:00Z", "2009-03-04T07:30:00Z"]
            ),
        ])
    func headingAfterUpdates(html: String, times: [String]) throws {
        let bytes = Array(html.utf8)
        let result = try Self.streamReading(bytes, file: "inline.html").get()
        #expect(result.incidents.first?.events.map(\.time.iso8601) == times)
        #expect(Self.streamReading(bytes, file: "inline.html") == Self.treeReading(bytes, file: "inline.html"))
    }

    @Test("Nesting at, and one past, the tree's depth limit: the same updates and the same stop")
    func depthLimit() {
        for depth in [250, 254, 255, 256, 300] {
            let nested = String(repeating: "<span>", count: depth) + "x" + String(repeating: "</span>", count: depth)
            let html = Self.head + "<div>9:05 AM PST before</div>\n" + nested + "\n<div>9:06 AM PST after</div></body></html>"
            let bytes = Array(html.utf8)
            #expect(Self.streamReading(bytes, file: "deep.html") == Self.treeReading(bytes, file: "deep.html"), "depth \(depth)")
        }
    }

    @Test("Lines past 65,535 are counted, where the tree's line field stops")
    func lineNumbersPastTheTreeLimit() throws {
        let filler = String(repeating: "<p>\n</p>", count: 70_000)
        let html = Self.head + filler + "<div>9:05 AM PST far down</div></body></html>"
        let result = try Self.streamReading(Array(html.utf8), file: "long.html").get()
        #expect(result.incidents.first?.events.first?.source.line == 70_002)
    }
}

