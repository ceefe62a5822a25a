import PostmortemIngest
import PostmortemReports
import PostmortemTestSupport
import PostmortemTimeline
import Testing

@Suite("The timeline JSON written one event at a time (the timeline command's output)")
struct TimelineDocumentEventStreamTests {
    static func streamed(_ incidents: [Incident], _ warnings: [ParseWarning], chunk: Int) -> (text: String, writes: Int) {
        var bytes: [UInt8] = []
        var writes = 0
        TimelineDocument.streamJSON(incidents, warnings: warnings, chunk: chunk) {
            bytes += $0
            writes += 1
        }
        return (String(decoding: bytes, as: UTF8.self), writes)
    }

    @Test(
        "The same bytes as the whole document, in pieces of about the chunk size",
        arguments: [
            "Fixtures/status-pages/aws-s3-2008-07-20.html", "Fixtures/status-pages/gcp-incidents.json",
            "Fixtures/status-pages/statuspage-history-acme-pst.html",
        ])
    func sameBytes(fixture: String) throws {
        let read = try Ingest.read(path: FixturePath.resolve(fixture))
        let whole = TimelineDocument.json(read.incidents, warnings: read.warnings)
        let small = Self.streamed(read.incidents, read.warnings, chunk: 256)
        #expect(small.text == whole)
        // One write per 256 bytes or so, and one for the rest.
        #expect(small.writes >= whole.utf8.count / 4096)
        let large = Self.streamed(read.incidents, read.warnings, chunk: 1 << 20)
        #expect(large.text == whole)
        #expect(large.writes == 1)
    }

    @Test("The S3 page's 24 events in small pieces; no incidents or warnings at all")
    func shapes() throws {
        let read = try Ingest.read(path: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html"))
        #expect(read.incidents.first?.events.count == 24)
        let streamed = Self.streamed(read.incidents, [], chunk: 1)
        #expect(streamed.text == TimelineDocument.json(read.incidents, warnings: []))
        // A write after each of the 24 events, one after the last warning (none here), one at the end.
        #expect(streamed.writes == 25)
        #expect(Self.streamed([], [], chunk: 1).text == "{\n  \"incidents\": [],\n  \"warnings\": []\n}\n")
    }
}
