import PostmortemTestSupport
import Testing

@testable import PostmortemIngest
@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("Metrics from postmortems and merged sources")
struct MergedSourcesTests {
    static func read(_ paths: [String]) throws -> Incident {
        var incidents: [Incident] = []
        for path in paths { incidents += try Ingest.read(path: FixturePath.resolve(path)).incidents }
        return try #require(Incident.merging(incidents))
    }

    static let s3 = ["Fixtures/status-pages/aws-s3-2008-07-20.html", "Fixtures/postmortems/aws-s3-2008-07-20-followup.txt"]
    static let ebs = ["Fixtures/postmortems/aws-ebs-2011-04-21.txt"]

    @Test("S3 page + follow-up: impact 8:40 AM to 4:58 PM PDT, 498 minutes; EU at 3:10 PM")
    func s3Merged() throws {
        let metrics = IncidentMetrics(incident: try Self.read(Self.s3))
        let window = try #require(metrics.window)
        #expect(window.start.iso8601 == "2008-07-20T15:40:00Z")
        #expect(window.end.iso8601 == "2008-07-20T23:58:00Z")
        #expect(window.durationMinutes == 498)
        #expect(window.method == .stated)
        #expect(metrics.regionWindows.map(\.region) == ["EU", "US"])
        #expect(metrics.regionWindows.map(\.end.iso8601) == ["2008-07-20T22:10:00Z", "2008-07-20T23:58:00Z"])
        #expect(metrics.firstUpdateDelayMinutes == 25)
    }

    @Test("S3 merged still owes 25% under both S3 policies", arguments: ["s3-2008", "s3-current"])
    func s3MergedCredit(policy: String) throws {
        let incident = try Self.read(Self.s3)
        let metrics = IncidentMetrics(incident: incident)
        let credit = try CreditAssessment(incident: incident, window: metrics.window, policy: try PolicyLibrary.policy(named: policy))
        // 498 minutes of 44,640 in July: 98.884%.
        #expect(NumberFormat.fixed(credit.uptimePercent, decimals: 3) == "98.884")
        #expect(credit.creditPercent == 25)
    }

    @Test("EBS 2011: impact from 12:47 AM PDT April 21; ec2-2008 owes 0% while AWS announced 10 days")
    func ebsCredit() throws {
        let incident = try Self.read(Self.ebs)
        let metrics = IncidentMetrics(incident: incident)
        #expect(metrics.window?.start.iso8601 == "2011-04-21T07:47:00Z")
        let credit = try CreditAssessment(incident: incident, window: metrics.window, policy: try PolicyLibrary.policy(named: "ec2-2008"))
        #expect(credit.creditPercent == 0)
        #expect(credit.uptimePercent == 100)
        #expect(credit.announcedCredit == "10 days of 100% of usage")
        #expect(credit.periodEnd.iso8601 == "2011-04-25T00:00:00Z")
    }

    @Test("EBS 2011: the two recovery curves at the published instants")
    func ebsCurves() throws {
        let metrics = IncidentMetrics(incident: try Self.read(Self.ebs))
        let curves = Dictionary(uniqueKeysWithValues: metrics.recoveryCurves.map { ($0.subject, $0) })
        let volumes = try #require(curves["EBS volumes stuck in the affected AZ"])
        #expect(volumes.points.map(\.time.iso8601) == ["2011-04-21T07:47:00Z", "2011-04-22T19:30:00Z", "2011-04-24T19:30:00Z"])
        #expect(volumes.points.map(\.value) == [13, 2.2, 1.04])
        #expect(volumes.residual == 0.07)
        let rds = try #require(curves["single-AZ RDS instances stuck"])
        #expect(rds.points.map(\.time.iso8601) == ["2011-04-21T07:47:00Z", "2011-04-22T07:47:00Z", "2011-04-22T19:47:00Z", "2011-04-23T07:47:00Z"])
        #expect(rds.points.map(\.value) == [45, 41, 23.5, 14.6])
        #expect(rds.residual == 0.4)
        // Half of the 45% peak had recovered between +36 h (23.5%) and +48 h (14.6%).
        let summary = try #require(metrics.curveSummaries.first { $0.subject == "single-AZ RDS instances stuck" })
        #expect(summary.halfRecovered?.iso8601 == "2011-04-22T21:07:54Z")
        #expect(summary.halfRecoveredInterpolated)
    }
}
