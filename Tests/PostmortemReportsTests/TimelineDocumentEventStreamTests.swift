import PostmortemIngest
import PostmortemReports
import PostmortemTestSupport
import PostmortemTimeline
import Testing

@Suite("The timeline JSON written one event at a time (the timeline command's output)")
struct TimelineDocumentEventStreamTests {
    static func streamed(_ incidents: [Incident], _ warnings: [ParseWarning], limit: Int) -> (text: String, writes: Int) {
        var bytes: [UInt8] = []
        var writes = 0
        var writer = TimelineJSONWriter()
        for incident in incidents {
            writer.append(incident, flushingAt: limit) {
                bytes += $0
                writes += 1
            }
        }
        for warning in warnings { writer.append(warning) }
        writer.finish()
        bytes += writer.take()
        return (String(decoding: bytes, as: UTF8.self), writes)
    }

    @Test(
        "The same bytes as the whole document, in pieces of about the limit",
        arguments: [
            "Fixtures/status-pages/aws-s3-2008-07-20.html", "Fixtures/status-pages/gcp-incidents.json",
            "Fixtures/status-pages/statuspage-history-acme-pst.html",
        ])
    func sameBytes(fixture: String) throws {
        let read = try Ingest.read(path: FixturePath.resolve(fixture))
        let whole = TimelineDocument.json(read.incidents, warnings: read.warnings)
        let small = Self.streamed(read.incidents, read.warnings, limit: 256)
        #expect(small.text == whole)
        #expect(small.writes >= 2)
        let large = Self.streamed(read.incidents, read.warnings, limit: 1 << 20)
        #expect(large.text == whole)
        #expect(large.writes == 0)
    }

    @Test("The S3 page's 24 events, handed over after each one")
    func everyEvent() throws {
        let read = try Ingest.read(path: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html"))
        #expect(read.incidents.first?.events.count == 24)
        let streamed = Self.streamed(read.incidents, [], limit: 1)
        #expect(streamed.text == TimelineDocument.json(read.incidents, warnings: []))
        #expect(streamed.writes == 24)
    }
}
