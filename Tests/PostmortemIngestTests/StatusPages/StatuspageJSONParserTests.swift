import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage API JSON")
struct StatuspageJSONParserTests {
    static let contoso = "statuspage-api-contoso-incidents.json"
    static let kumo = "statuspage-api-kumo-incident.json"

    @Test func readsIncidentsListWithPageNameImpactAndWindow() throws {
        let result = try StatusPageFixture.parse(Self.contoso)
        #expect(result.format == .statuspageJSON)
        #expect(result.incidents.map(\.title) == ["Database failover test", "Elevated latency on checkout"])
        #expect(result.incidents.map(\.provider) == ["Contoso", "Contoso"])
        #expect(result.incidents.map(\.impact) == ["maintenance", "major"])
        let checkout = result.incidents[1]
        #expect(checkout.components == ["Checkout API", "Storefront"])
        #expect(checkout.url == "https://stspg.io/3f4a1b2c")
        #expect(checkout.statedImpactStart?.iso8601 == "2019-02-20T17:30:00Z")
        #expect(checkout.statedImpactEnd?.iso8601 == "2019-02-20T18:00:19Z")
    }

    @Test func updatesUseDisplayAtWithTheOffsetAsWritten() throws {
        let checkout = try StatusPageFixture.parse(Self.contoso).incidents[1]
        #expect(checkout.events.map(\.time.iso8601) == [
            "2019-02-20T17:48:02Z", "2019-02-20T17:55:12Z", "2019-02-20T17:58:40Z", "2019-02-20T18:00:19Z",
        ])
        #expect(checkout.events.map(\.status) == ["investigating", "identified", "monitoring", "resolved"])
        #expect(checkout.events[1].writtenTime == "2019-02-20T11:55:12.009-06:00")
        #expect(checkout.events[1].zone == WrittenZone(token: "-06:00", offsetSeconds: -21_600))
        #expect(checkout.events[1].text == "The issue has been identified: a saturated connection pool in the payments service.")
        #expect(checkout.events[1].source == SourceLocation(file: Self.contoso, byteOffset: 4073))
    }

    @Test func affectedComponentsBecomeComponentChanges() throws {
        let checkout = try StatusPageFixture.parse(Self.contoso).incidents[1]
        #expect(checkout.events[0].componentChanges == [
            ComponentChange(code: "ftgks51sfs2d", name: "Checkout API", oldStatus: "operational", newStatus: "degraded_performance"),
            ComponentChange(code: "r8tq2m0zc4vw", name: "Storefront", oldStatus: "operational", newStatus: "partial_outage"),
        ])
        #expect(checkout.events[3].componentChanges.map(\.newStatus) == ["operational", "operational"])
    }

    @Test func maintenanceAcrossDaylightSavingAndAnUnreadableUpdate() throws {
        let result = try StatusPageFixture.parse(Self.contoso)
        let maintenance = result.incidents[0]
        #expect(maintenance.events.map(\.time.iso8601) == ["2019-03-07T21:00:00Z", "2019-03-10T08:00:00Z", "2019-03-10T09:12:45Z"])
        #expect(maintenance.events.map(\.status) == ["scheduled", "in_progress", "completed"])
        #expect(maintenance.events.map(\.zone?.offsetSeconds) == [-21_600, -18_000, -18_000])
        #expect(result.warnings == [
            ParseWarning(
                location: SourceLocation(file: Self.contoso, byteOffset: 1104),
                message: "skipped an update of 'Database failover test': '2019-03-10 soon' is not an ISO 8601 time"),
        ])
    }

    @Test func readsASingleIncidentDocument() throws {
        let result = try StatusPageFixture.parse(Self.kumo)
        let incident = try #require(result.incidents.first)
        #expect(result.incidents.count == 1)
        #expect(incident.title == "API errors in Tokyo region")
        #expect(incident.provider == "Kumo Cloud")
        #expect(incident.components == ["Compute API (Tokyo)"])
        #expect(incident.statedImpactStart?.iso8601 == "2023-07-03T00:50:00Z")
        #expect(incident.events.map(\.time.iso8601) == ["2023-07-03T00:58:12Z", "2023-07-03T01:41:07Z"])
        #expect(incident.events[0].iso8601Written == "2023-07-03T09:58:12+09:00")
        #expect(incident.events[0].source.byteOffset == 942)
    }

    @Test func malformedJSONNamesTheFile() {
        let input = SourceInput(path: "broken.json", bytes: Array(#"{"incidents": [{"incident_updates": [}"#.utf8))
        #expect(throws: IngestError.self) { try Ingest.parse(input) }
        do {
            _ = try Ingest.parse(input)
        } catch {
            #expect(error.file == "broken.json")
            #expect(error.description.hasPrefix("broken.json:1: not valid JSON"))
        }
    }
}
