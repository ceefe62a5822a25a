import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("AWS Service Health Dashboard RSS")
struct AWSHealthRSSParserTests {
    static let file = "aws-shd-ec2-us-east-1.rss"

    @Test func groupsItemsIntoIncidentsClosedByOperatingNormally() throws {
        let result = try StatusPageFixture.parse(Self.file)
        #expect(result.format == .awsHealthRSS)
        #expect(result.incidents.map(\.title) == ["Elevated API error rates", "Increased launch latencies"])
        #expect(result.incidents.map(\.services) == [["Amazon Elastic Compute Cloud"], ["Amazon Elastic Compute Cloud"]])
        #expect(result.incidents.map(\.regions) == [["N. Virginia"], ["N. Virginia"]])
        #expect(result.incidents.map(\.provider) == ["AWS", "AWS"])
    }

    @Test func pubDateInPDTAndStatusFromTheTitle() throws {
        let api = try StatusPageFixture.parse(Self.file).incidents[0]
        #expect(api.events.map(\.time.iso8601) == ["2011-04-21T08:41:00Z", "2011-04-21T09:35:00Z", "2011-04-21T12:12:00Z"])
        #expect(api.events.map(\.status) == ["informational message", "performance issues", "service is operating normally"])
        #expect(api.events[0].writtenTime == "Thu, 21 Apr 2011 01:41:00 PDT")
        #expect(api.events[0].source == SourceLocation(file: Self.file, line: 53))
        #expect(api.url == "http://status.aws.amazon.com/#ec2-us-east-1_1303375260")
        #expect(api.announcedCredits.map(\.summary) == ["3 days of 100% of usage"])
    }

    @Test func sameSecondItemsKeepPostingOrderAndABadDateIsReported() throws {
        let result = try StatusPageFixture.parse(Self.file)
        let launches = result.incidents[1]
        #expect(launches.events.map(\.time.iso8601) == ["2019-11-12T18:03:00Z", "2019-11-12T18:03:00Z", "2019-11-12T19:47:00Z"])
        #expect(launches.events.map { String($0.text.prefix(20)) } == ["We are investigating", "We have identified t", "Between 9:31 AM and "])
        #expect(launches.events[0].zone == WrittenZone(token: "+0000", offsetSeconds: 0))
        #expect(result.warnings.map(\.description) == [
            "\(Self.file):18: skipped item 'Informational message: Increased launch latencies': 'Tue, 31 Nov 2019 18:40:00 +0000' is not an RFC 822 date",
        ])
    }
}
