import PostmortemIngest
import PostmortemReports
import PostmortemTestSupport
import PostmortemTimeline
import Testing

@Suite("The timeline JSON written in pieces")
struct TimelineDocumentStreamTests {
    static func written(_ incidents: [Incident], _ warnings: [ParseWarning], jobs: Int = 1) -> String {
        var bytes: [UInt8] = []
        TimelineDocument.writeJSON(incidents, warnings: warnings, jobs: jobs) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("The same bytes as the whole document, with and without incidents and warnings")
    func sameBytes() throws {
        let read = try Ingest.read(path: FixturePath.resolve("Fixtures/status-pages/gcp-incidents.json"))
        #expect(read.incidents.count == 2)
        #expect(read.warnings.map(\.message) == ["skipped update 2 of 'BigQuery queries failing in us-central1': '2023-02-30T00:10:00+00:00' is not an ISO 8601 time"])
        #expect(Self.written(read.incidents, read.warnings) == TimelineDocument.json(read.incidents, warnings: read.warnings))
        #expect(Self.written(read.incidents, []) == TimelineDocument.json(read.incidents, warnings: []))
        // 600 incidents: three chunks, rendered two at a time.
        let many = Array(repeating: read.incidents, count: 300).flatMap { $0 }
        #expect(Self.written(many, read.warnings, jobs: 2) == TimelineDocument.json(many, warnings: read.warnings))
        #expect(Self.written([], []) == TimelineDocument.json([], warnings: []))
        #expect(Self.written([], []) == "{\n  \"incidents\": [],\n  \"warnings\": []\n}\n")
    }
}
