import Testing
import PostmortemIngest
import PostmortemTimeline

/// What the JSON readers cannot use is a warning with its place, never a silent drop.
@Suite("JSON readers: skipped items and unreadable windows are warnings")
struct JSONSkippedItemTests {
    static func parse(_ json: String, file: String) throws -> IngestResult {
        try Ingest.parse(SourceInput(path: file, bytes: Array(json.utf8)))
    }

    static let statuspage = """
        {"page": {"name": "Example"}, "incidents": [
          7,
          {"id": "inc1", "name": "Queue delays", "impact": "minor",
           "started_at": "yesterday", "resolved_at": 12,
           "components": [{"name": "Queue"}, {"id": "c2"}, "Workers"],
           "incident_updates": [
             {"id": "u2", "status": "resolved", "body": "Fixed.", "created_at": "2020-05-01T11:00:00Z",
              "affected_components": [{"code": "q1", "name": "Queue", "old_status": "major_outage", "new_status": "operational"}, {"code": "w1"}]},
             null,
             {"id": "u1", "status": "investigating", "body": "Looking.", "created_at": "2020-05-01T10:00:00Z"}
           ]}
        ]}
        """

    @Test func statuspageIncidentsList() throws {
        let result = try Self.parse(Self.statuspage, file: "sp.json")
        let incident = try #require(result.incidents.first)
        #expect(result.incidents.count == 1)
        #expect(incident.events.map(\.time.iso8601) == ["2020-05-01T10:00:00Z", "2020-05-01T11:00:00Z"])
        #expect(incident.components == ["Queue"])
        #expect(incident.statedImpactStart == nil)
        #expect(incident.statedImpactEnd == nil)
        #expect(incident.events[1].componentChanges == [
            ComponentChange(code: "q1", name: "Queue", oldStatus: "major_outage", newStatus: "operational"),
        ])
        let incidentPlace = SourceLocation(file: "sp.json", byteOffset: 52)
        let updatePlace = SourceLocation(file: "sp.json", byteOffset: 252)
        #expect(result.warnings == [
            ParseWarning(location: SourceLocation(file: "sp.json"), message: "skipped incidents[0] of the document: a number, not an object"),
            ParseWarning(location: incidentPlace, message: "skipped incident_updates[1] of 'Queue delays': null, not an object"),
            ParseWarning(location: updatePlace, message: "skipped affected_components[1] of an update of 'Queue delays': it has no 'name'"),
            ParseWarning(location: incidentPlace, message: "skipped components[2] of 'Queue delays': a string, not an object"),
            ParseWarning(location: incidentPlace, message: "skipped components[1] of 'Queue delays': it has no 'name'"),
            ParseWarning(
                location: incidentPlace,
                message: "ignored 'started_at' of 'Queue delays': 'yesterday' is not an ISO 8601 time, so the stated impact window lacks it"),
            ParseWarning(
                location: incidentPlace,
                message: "ignored 'resolved_at' of 'Queue delays': a number is not an ISO 8601 time, so the stated impact window lacks it"),
        ])
    }

    static let google = """
        [
          "stray",
          {"id": "g1", "external_desc": "Storage errors", "service_name": "Cloud Storage",
           "begin": "2021-03-01T09:00:00+00:00", "end": "soon",
           "affected_products": [{"title": "Cloud Storage"}, {"id": "x"}],
           "updates": [
             {"created": "2021-03-01T10:00:00+00:00", "text": "Fixed.", "status": "AVAILABLE",
              "affected_locations": [{"title": "us-east1"}, {"id": "u"}]},
             [1, 2]
           ]}
        ]
        """

    @Test func googleIncidents() throws {
        let result = try Self.parse(Self.google, file: "g.json")
        let incident = try #require(result.incidents.first)
        #expect(incident.events.map(\.time.iso8601) == ["2021-03-01T10:00:00Z"])
        #expect(incident.regions == ["us-east1"])
        #expect(incident.components == ["Cloud Storage"])
        #expect(incident.statedImpactStart?.iso8601 == "2021-03-01T09:00:00Z")
        #expect(incident.statedImpactEnd == nil)
        let place = SourceLocation(file: "g.json", byteOffset: 15)
        #expect(result.warnings == [
            ParseWarning(location: SourceLocation(file: "g.json"), message: "skipped item[0] of the top-level array: a string, not an object"),
            ParseWarning(location: place, message: "skipped updates[1] of 'Storage errors': an array, not an object"),
            ParseWarning(location: place, message: "skipped affected_locations[1] of update 1 of 'Storage errors': it has no 'title'"),
            ParseWarning(location: place, message: "skipped affected_products[1] of 'Storage errors': it has no 'title'"),
            ParseWarning(
                location: place, message: "ignored 'end' of 'Storage errors': 'soon' is not an ISO 8601 time, so the stated impact window lacks it"),
        ])
    }
}
