import Testing
@testable import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage single-incident page")
struct StatuspageIncidentParserTests {
    static let northwind = "statuspage-incident-northwind-cet.html"

    @Test func readsTitleImpactComponentsAndCanonicalURL() throws {
        let result = try StatusPageFixture.parse(Self.northwind)
        #expect(result.format == .statuspageIncident)
        let incident = try #require(result.incidents.first)
        #expect(incident.title == "Degraded search performance")
        #expect(incident.impact == "major")
        #expect(incident.provider == "Northwind")
        #expect(incident.components == ["Search API", "Dashboard (EU, US)", "Webhooks"])
        #expect(incident.url == "https://status.northwind.example/incidents/9xk2m4q7w1vb")
        #expect(result.warnings.isEmpty)
    }

    @Test func readsPostedStampsWithYearInCET() throws {
        let incident = try #require(try StatusPageFixture.parse(Self.northwind).incidents.first)
        #expect(incident.events.map(\.status) == ["investigating", "identified", "monitoring", "update", "resolved", "postmortem"])
        #expect(incident.events.map(\.time.iso8601) == [
            "2025-01-15T10:02:00Z", "2025-01-15T10:30:00Z", "2025-01-15T10:45:00Z",
            "2025-01-15T10:45:00Z", "2025-01-15T11:10:00Z", "2025-01-17T15:02:00Z",
        ])
        #expect(incident.events[0].writtenTime == "Jan 15, 2025 - 11:02 CET")
        #expect(incident.events[0].zone == WrittenZone(token: "CET", offsetSeconds: 3600))
        #expect(incident.events[0].source == SourceLocation(file: Self.northwind, line: 52))
        #expect(incident.events[5].text
            == "A full root cause analysis is now available. The index rebuild started by the 10:55 deploy saturated the search cluster's disks.")
    }

    @Test(arguments: [
        ("This incident affected: API and Dashboard.", ["API", "Dashboard"]),
        ("This incident affected: Search API, Dashboard (EU, US), and Webhooks.", ["Search API", "Dashboard (EU, US)", "Webhooks"]),
        ("This incident affected: Website.", ["Website"]),
    ])
    func splitsTheAffectedComponentsSentence(text: String, expected: [String]) {
        #expect(StatuspageIncidentParser.components(fromAffected: text) == expected)
    }
}
