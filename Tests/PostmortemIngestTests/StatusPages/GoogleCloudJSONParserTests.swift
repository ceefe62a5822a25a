import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Google Cloud incidents.json")
struct GoogleCloudJSONParserTests {
    static let file = "gcp-incidents.json"

    @Test func keepsTheStatedBeginApartFromTheFirstUpdate() throws {
        let result = try StatusPageFixture.parse(Self.file)
        #expect(result.format == .googleCloudJSON)
        let paris = result.incidents[0]
        #expect(paris.title == "Multiple Google Cloud services impacted in europe-west9")
        #expect(paris.statedImpactStart?.iso8601 == "2023-04-25T23:15:00Z")
        #expect(paris.statedImpactEnd?.iso8601 == "2023-04-26T04:35:00Z")
        #expect(paris.events.first?.time.iso8601 == "2023-04-26T00:02:41Z")
        #expect(paris.statedImpactStart.map { $0.minutes(until: paris.events[0].time) } == 47)
    }

    @Test func readsServiceProductsLocationsAndSeverity() throws {
        let paris = try StatusPageFixture.parse(Self.file).incidents[0]
        #expect(paris.provider == "Google Cloud")
        #expect(paris.services == ["Multiple Products"])
        #expect(paris.components == ["Google Compute Engine", "Cloud Load Balancing"])
        #expect(paris.regions == ["Paris (europe-west9)", "Global"])
        #expect(paris.impact == "high")
        #expect(paris.url == "https://status.cloud.google.com/incidents/dS9ps52MUnxQfyDGPfkY")
        #expect(paris.events.map(\.status) == ["service_outage", "service_outage", "available"])
        #expect(paris.events.map(\.time.iso8601) == ["2023-04-26T00:02:41Z", "2023-04-26T01:20:00Z", "2023-04-26T05:10:17Z"])
        #expect(paris.events[1].region == "Paris (europe-west9), Global")
        #expect(paris.events[0].source == SourceLocation(file: Self.file, byteOffset: 4))
    }

    @Test func updateWithoutWhenUsesCreatedAndABadWhenIsReported() throws {
        let result = try StatusPageFixture.parse(Self.file)
        let bigQuery = result.incidents[1]
        #expect(bigQuery.services == ["Google BigQuery"])
        #expect(bigQuery.impact == "medium")
        #expect(bigQuery.events.map(\.time.iso8601) == ["2022-12-31T23:31:05Z", "2023-01-01T01:12:44Z"])
        #expect(bigQuery.events.map(\.status) == ["service_disruption", "available"])
        #expect(result.warnings.map(\.description) == [
            "\(Self.file)@2198: skipped update 2 of 'BigQuery queries failing in us-central1': '2023-02-30T00:10:00+00:00' is not an ISO 8601 time",
        ])
    }
}
