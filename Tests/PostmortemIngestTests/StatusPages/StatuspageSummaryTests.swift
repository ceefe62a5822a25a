import Foundation
import PostmortemIngest
import PostmortemTimeline
import Testing

@Suite("Statuspage summary.json")
struct StatuspageSummaryTests {
    static func capture(_ name: String) throws -> IngestResult {
        let path = StatusPageFixture.directory.deletingLastPathComponent().appendingPathComponent("snapshot-series/orbit-summary/" + name)
        return try Ingest.parse(SourceInput(path: name, bytes: Array(try Data(contentsOf: path))))
    }

    @Test("Incidents and scheduled maintenances, with the window in UTC")
    func incidentsAndMaintenance() throws {
        let result = try Self.capture("orbit_summary_2024-01-09T1730Z.json")
        #expect(result.format == .statuspageJSON)
        #expect(result.incidents.map(\.title) == ["Failed API requests", "Database upgrade"])
        let incident = result.incidents[0]
        #expect(!incident.isMaintenance)
        #expect(incident.status == "identified")
        #expect(incident.impact == "major")
        #expect(incident.identity?.key == "statuspage:inc0rb1t0001")
        #expect(incident.events.map(\.updateID) == ["upd000000001", "upd000000002"])
        // 08:52:10.114-08:00 is 16:52:10Z.
        #expect(incident.events.map(\.time.iso8601) == ["2024-01-09T16:52:10Z", "2024-01-09T17:21:44Z"])
        #expect(incident.components == ["API"])
        let maintenance = result.incidents[1]
        #expect(maintenance.isMaintenance)
        #expect(maintenance.status == "scheduled")
        // 22:00-08:00 on Jan 13 is 06:00Z on Jan 14; until midnight local, 08:00Z.
        #expect(maintenance.scheduledStart?.iso8601 == "2024-01-14T06:00:00Z")
        #expect(maintenance.scheduledEnd?.iso8601 == "2024-01-14T08:00:00Z")
    }

    @Test("A quiet summary (no incidents, no maintenances) reads as nothing, not as an error")
    func quiet() throws {
        let bytes = Array(#"{"page":{"id":"p","name":"Quiet"},"components":[],"incidents":[],"scheduled_maintenances":[],"status":{"indicator":"none"}}"#.utf8)
        let result = try Ingest.parse(SourceInput(path: "quiet.json", bytes: bytes))
        #expect(result.format == .statuspageJSON)
        #expect(result.incidents.isEmpty)
        #expect(result.warnings.isEmpty)
    }

    @Test("A server error body is not mistaken for a quiet summary")
    func errorBody() {
        let bytes = Array(#"{"status": 500, "error": "Internal Server Error"}"#.utf8)
        #expect(throws: IngestError.self) { try Ingest.parse(SourceInput(path: "summary.json", bytes: bytes)) }
    }
}
