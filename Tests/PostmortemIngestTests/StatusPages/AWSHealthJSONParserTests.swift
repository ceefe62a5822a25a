@testable import PostmortemIngest
import PostmortemTimeline
import Testing

@Suite("AWS Service Health Dashboard data.json")
struct AWSHealthJSONParserTests {
    static let file = "aws-shd-data.json"

    @Test("Current first, then archive, every entry kept (the duplicate too)")
    func entries() throws {
        let result = try StatusPageFixture.parse(Self.file)
        #expect(result.format == .awsHealthJSON)
        #expect(result.warnings.isEmpty)
        #expect(result.incidents.map(\.title) == [
            "Increased invocation latency", "Elevated PUT error rates", "Elevated PUT error rates",
            "ネットワーク接続性 | Network connectivity", "DNS resolution delays",
        ])
        #expect(result.incidents.map(\.status) == ["open", "resolved", "resolved", "resolved", "archived"])
    }

    @Test("Dateless Pacific times take the date field's day and roll past midnight")
    func rollover() throws {
        let lambda = try StatusPageFixture.parse(Self.file).incidents[0]
        // 3:40 PM PST Nov 3 = 23:40Z; 11:55 PM PST = 07:55Z Nov 4; 1:10 AM PST is the next local day, 09:10Z.
        #expect(lambda.events.map(\.time.iso8601) == ["2024-11-03T23:40:00Z", "2024-11-04T07:55:00Z", "2024-11-04T09:10:00Z"])
        #expect(lambda.events.map { $0.zone?.offsetSeconds } == [-28_800, -28_800, -28_800])
        #expect(lambda.impact == "degraded")
        #expect(lambda.services == ["AWS Lambda"])
        #expect(lambda.regions == ["eu-west-3"])
        #expect(lambda.components == ["lambda-eu-west-3"])
        #expect(lambda.identity?.key == "aws:lambda-eu-west-3@2024-11-03T23:40:00Z")
    }

    @Test("A 'Jan 1,' span after a Dec 31 update lands in the next year")
    func yearFromPreviousUpdate() throws {
        let route53 = try StatusPageFixture.parse(Self.file).incidents[4]
        #expect(route53.events.map(\.time.iso8601) == ["2023-12-31T23:50:00Z", "2024-01-01T08:20:00Z"])
        #expect(route53.impact == "none")
        #expect(route53.regions.isEmpty)
        #expect(route53.services == ["Amazon Route 53"])
    }

    @Test("Status as an integer and as a string read alike; markers leave bilingual titles")
    func statusAndMarkers() throws {
        let incidents = try StatusPageFixture.parse(Self.file).incidents
        #expect(incidents[1].impact == "informational")
        #expect(incidents[3].impact == "disruption")
        #expect(incidents[3].events.first?.text == "We are investigating network connectivity issues & packet loss in a single Availability Zone (APNE1-AZ4).")
        #expect(incidents[3].events.last?.status == "resolved")
    }

    @Test("The same event listed twice, once with dates in its spans, has one identity")
    func duplicateIdentity() throws {
        let incidents = try StatusPageFixture.parse(Self.file).incidents
        #expect(incidents[1].identity == incidents[2].identity)
        #expect(incidents[1].events.map(\.time) == incidents[2].events.map(\.time))
        #expect(incidents[2].events.map(\.time.iso8601) == ["2024-06-10T17:02:00Z", "2024-06-10T17:48:00Z"])
    }

    @Test("An empty capture is an error naming the file")
    func empty() {
        #expect(throws: IngestError.empty(file: "aws_data.json")) {
            try Ingest.parse(SourceInput(path: "aws_data.json", bytes: []))
        }
    }

    @Test("Service codes split into service and region", arguments: [
        ("ec2-us-east-1", "ec2", "us-east-1"), ("autoscaling-us-gov-west-1", "autoscaling", "us-gov-west-1"),
        ("internetconnectivity-ap-southeast-2", "internetconnectivity", "ap-southeast-2"), ("route53", "route53", nil),
        ("elasticbeanstalk-eu-central-1", "elasticbeanstalk", "eu-central-1"),
    ])
    func serviceCodes(code: String, service: String, region: String?) {
        let split = AWSHealthJSONParser.split(serviceCode: code)
        #expect(split.service == service)
        #expect(split.region == region)
    }
}
