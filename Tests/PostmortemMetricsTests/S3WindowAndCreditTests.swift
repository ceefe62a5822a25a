import PostmortemTestSupport
import Testing

@testable import PostmortemIngest
@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("S3 2008: window, cadence and SLA credit from the status page")
struct S3WindowAndCreditTests {
    static func incident() throws -> Incident {
        let result = try Ingest.read(path: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html"))
        return try #require(result.incidents.first)
    }

    @Test("The outage runs from the first update to 'service has been restored': 475 minutes")
    func window() throws {
        let metrics = IncidentMetrics(incident: try Self.incident())
        let window = try #require(metrics.window)
        #expect(window.start.iso8601 == "2008-07-20T16:05:00Z")
        #expect(window.end.iso8601 == "2008-07-21T00:00:00Z")
        #expect(window.durationMinutes == 475)
        #expect(DurationText.minutes(window.durationMinutes) == "7h 55m")
        #expect(window.method == .statusUpdates)
    }

    @Test("EU recovered at 3:23 PM PDT, the US with the whole service at 5:00 PM PDT")
    func regions() throws {
        let metrics = IncidentMetrics(incident: try Self.incident())
        #expect(metrics.regionWindows.map(\.region) == ["EU", "US"])
        #expect(metrics.regionWindows.map(\.end.iso8601) == ["2008-07-20T22:23:00Z", "2008-07-21T00:00:00Z"])
        #expect(metrics.regionWindows.map(\.durationMinutes) == [378, 475])
    }

    @Test("Cadence: 24 updates, median gap 21 minutes, longest the 26 h 7 m before the note")
    func cadence() throws {
        let metrics = IncidentMetrics(incident: try Self.incident())
        #expect(metrics.cadence.count == 24)
        #expect(metrics.cadence.medianGapMinutes == 21)
        #expect(metrics.cadence.longestGapMinutes == 1567)
    }

    @Test("s3-2008 and s3-current both owe 25%: uptime 98.936%", arguments: ["s3-2008", "s3-current"])
    func credit(policyName: String) throws {
        let incident = try Self.incident()
        let metrics = IncidentMetrics(incident: incident)
        let policy = try PolicyLibrary.policy(named: policyName)
        let credit = try CreditAssessment(incident: incident, window: metrics.window, policy: policy, options: .init(bill: 1000))
        #expect(NumberFormat.fixed(credit.uptimePercent, decimals: 3) == "98.936")
        #expect(credit.totalUnits == 8928)
        #expect(credit.downtimeUnits == 95)
        #expect(credit.creditPercent == 25)
        #expect(credit.creditAmount == 250)
        #expect(credit.announcedCredit?.contains("July billing period") == true)
    }

    @Test("Without --policy the policy in force on July 20, 2008 is s3-2008")
    func policyInForce() throws {
        #expect(try PolicyLibrary.policyInForce(for: try Self.incident())?.id == "s3-2008")
    }

    @Test("A 50% error rate halves the downtime: 99.468%, 10%")
    func partialErrorRate() throws {
        let incident = try Self.incident()
        let metrics = IncidentMetrics(incident: incident)
        let credit = try CreditAssessment(
            incident: incident, window: metrics.window, policy: try PolicyLibrary.policy(named: "s3-2008"), options: .init(errorRate: 0.5))
        #expect(NumberFormat.fixed(credit.uptimePercent, decimals: 3) == "99.468")
        #expect(credit.creditPercent == 10)
    }
}
