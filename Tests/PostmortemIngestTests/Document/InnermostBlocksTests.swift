import Foundation
import PostmortemTestSupport
import Testing

@testable import PostmortemIngest

@Suite("Innermost blocks: one walk selects what the XPath query did")
struct InnermostBlocksTests {
    static let query =
        "//body//*[self::div or self::p or self::li or self::tr or self::dd or self::td][not(.//div or .//p or .//li or .//tr or .//table)]"

    static func lines(_ nodes: [HTMLNode]) -> [String] {
        nodes.map { "\($0.name)@\($0.line ?? 0): \($0.visibleText)" }
    }

    @Test(arguments: zip([
        """
        <html><head><div>not in body</div></head><body>
        <div id="a"><p>one</p><div>two <span>2b</span></div></div>
        <table><tr><td>cell <dl><dd>term</dd></dl></td><td><div>inner</div></td></tr></table>
        <ul><li>item <b>bold</b></li><li><p>para in item</p></li></ul>
        <dd>lone</dd>
        </body></html>
        """,
        "<p>no body element at all, libxml2 adds one</p><div>second</div>",
    ], [9, 2]))
    func sameAsXPath(html: String, blocks: Int) throws {
        let bytes = Array(html.utf8)
        let document = try #require(bytes.withUnsafeBytes { HTMLDocument(html: $0, url: "inline.html") })
        let root = try #require(document.root)
        let walked = root.innermostBlocks(named: AWSHealthDashboardParser.blockNames, notHolding: AWSHealthDashboardParser.containerNames)
        #expect(Self.lines(walked) == Self.lines(document.select(Self.query, from: root)))
        // The counts the XPath query gives (nine in the first page, with the div libxml2's
        // recovery takes out of the head; the p and the div in the second), so neither is empty.
        #expect(walked.count == blocks)
    }

    @Test func s3FixtureBlocks() throws {
        let bytes = try #require(FileManager.default.contents(atPath: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html")))
        let document = try #require([UInt8](bytes).withUnsafeBytes { HTMLDocument(html: $0, url: "s3.html") })
        let root = try #require(document.root)
        let walked = root.innermostBlocks(named: AWSHealthDashboardParser.blockNames, notHolding: AWSHealthDashboardParser.containerNames)
        #expect(walked.count == 26)
        #expect(Self.lines(walked) == Self.lines(document.select(Self.query, from: root)))
    }
}
