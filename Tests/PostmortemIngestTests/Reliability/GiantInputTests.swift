import PostmortemTestSupport
import Foundation
import PostmortemTimeline
import Testing

@testable import PostmortemIngest

/// Pages too big to keep in the repository, built from the four-update fixture at run time.
@Suite("Giant inputs: deep nesting and a 100 MB page", .serialized)
struct GiantInputTests {
    static let page: String = {
        (try? String(contentsOfFile: FixturePath.resolve("Fixtures/hostile/s3-four-updates.html"), encoding: .utf8)) ?? ""
    }()

    /// The page with `insert` placed just before `marker`.
    static func page(inserting insert: String, before marker: String) throws -> [UInt8] {
        let range = try #require(page.range(of: marker))
        var bytes = Array(page[..<range.lowerBound].utf8)
        bytes += Array(insert.utf8)
        bytes += Array(page[range.lowerBound...].utf8)
        return bytes
    }

    static func nested(_ depth: Int, _ tag: String) -> String {
        String(repeating: "<\(tag)>", count: depth) + "x" + String(repeating: "</\(tag)>", count: depth)
    }

    @Test("200,000 nested elements before the updates: an error at the line where reading stopped")
    func deepBeforeUpdates() throws {
        let bytes = try Self.page(inserting: Self.nested(200_000, "div") + "\n", before: "<div class=\"event-log\">")
        #expect(throws: IngestError.malformed(
            location: SourceLocation(file: "deep.html", line: 10),
            message: "elements nest deeper than libxml2's limit of 256 levels; the rest of the file was not read")) {
            try Ingest.parse(SourceInput(path: "deep.html", bytes: bytes))
        }
    }

    @Test("200,000 unclosed <span>s after the updates: all four updates and a warning")
    func deepAfterUpdates() throws {
        let bytes = try Self.page(inserting: String(repeating: "<span>", count: 200_000), before: "<div id=\"footer\">")
        let result = try Ingest.parse(SourceInput(path: "deep.html", bytes: bytes))
        #expect(result.incidents.first?.events.count == 4)
        #expect(result.incidents.first?.events.last?.text == "Amazon S3 service has been restored and is returning to normal.")
        #expect(result.warnings == [
            ParseWarning(
                location: SourceLocation(file: "deep.html", line: 16),
                message: "elements nest deeper than libxml2's limit of 256 levels; the rest of the file was not read"),
        ])
    }

    @Test("The visible text of 250 nested blocks is one line per block, without recursion limits")
    func visibleTextOfDeepTree() throws {
        let html = String(repeating: "<div>a<span>b</span>", count: 250) + String(repeating: "</div>", count: 250)
        let document = try #require(Array(html.utf8).withUnsafeBytes { HTMLDocument(html: $0, url: "deep.html") })
        let body = try #require(document.first("//body"))
        #expect(body.visibleText == Array(repeating: "ab", count: 250).joined(separator: "\n"))
        #expect(document.stop == nil)
    }

    @Test("A 100 MB page (inline scripts around the updates) is read whole, from disk")
    func hundredMegabytes() throws {
        let script = "<script>var d=\"" + String(repeating: "0123456789abcdef", count: 65_536) + "\";</script>\n"
        let split = try #require(Self.page.range(of: "<div class=\"event-log\">"))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(101 * 1_048_576)
        bytes += Array(Self.page[..<split.lowerBound].utf8)
        let block = Array(script.utf8)
        for _ in 0..<100 { bytes += block }
        bytes += Array(Self.page[split.lowerBound...].utf8)
        #expect(bytes.count > 100_000_000)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pm-100mb-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = try Ingest.read(path: file)
        let events = try #require(result.incidents.first?.events)
        #expect(events.map(\.time.iso8601) == [
            "2008-07-20T16:05:00Z", "2008-07-20T17:32:00Z", "2008-07-20T21:03:00Z", "2008-07-21T00:00:00Z",
        ])
        #expect(events.first?.source.line == 111)
        #expect(result.warnings.isEmpty)
    }

    @Test("An XML feed nested 200,000 deep stops at libxml2's depth limit with its line")
    func deepXML() throws {
        let xml = "<?xml version=\"1.0\"?>\n<feed>\n<entry><title>kept</title></entry>\n"
            + String(repeating: "<e>", count: 200_000) + String(repeating: "</e>", count: 200_000) + "</feed>\n"
        let document = try #require(Array(xml.utf8).withUnsafeBytes { HTMLDocument(xml: $0, url: "deep.xml") })
        #expect(document.stop == HTMLDocument.Stop(
            line: 4, reason: "elements nest deeper than libxml2's limit of 256 levels; the rest of the file was not read"))
        #expect(document.select("//entry/title").map(\.textContent) == ["kept"])
    }

    @Test("Entities that expand a billion times are not expanded")
    func billionLaughs() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!ENTITY l0 \"ha\">\n"
        for level in 1...9 {
            xml += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<feed><title>&l9;</title><entry><title>kept</title></entry></feed>\n"
        let document = try #require(Array(xml.utf8).withUnsafeBytes { HTMLDocument(xml: $0, url: "laughs.xml") })
        let title = document.select("/feed/title").first
        #expect((title?.textContent.utf8.count ?? 0) < 1_000_000)
        #expect((document.root?.visibleText.utf8.count ?? 0) < 1_000_000)
    }
}
