import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage API JSON without short links")
struct StatuspageJSONLinkTests {
    @Test func incidentURLFallsBackToThePageAddress() throws {
        let json = #"""
            {"page": {"name": "Tern", "url": "https://status.tern.example/"},
             "incidents": [{"id": "h8d2k4", "name": "Slow builds", "impact": "none",
               "incident_updates": [{"id": "z1x2c3", "status": "investigating", "body": "Builds queue for 4 minutes.",
                 "created_at": "2022-06-01T10:04:00Z", "display_at": "2022-06-01T10:04:00Z"}]}]}
            """#
        let result = try Ingest.parse(SourceInput(path: "tern.json", bytes: Array(json.utf8)))
        let incident = try #require(result.incidents.first)
        #expect(incident.url == "https://status.tern.example/incidents/h8d2k4")
        #expect(incident.events.map(\.time.iso8601) == ["2022-06-01T10:04:00Z"])
        #expect(incident.events.first?.zone == WrittenZone(token: "Z", offsetSeconds: 0))
        #expect(incident.impact == "none")
    }
}
