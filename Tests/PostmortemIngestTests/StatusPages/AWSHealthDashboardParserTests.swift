import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("AWS Service Health Dashboard event page")
struct AWSHealthDashboardParserTests {
    static let file = "aws-s3-2008-07-20.html"

    @Test func headingComesFromThePageNotItsTitleBar() throws {
        let incident = try #require(try StatusPageFixture.parse(Self.file).incidents.first)
        #expect(incident.title == "Amazon Simple Storage Service (US) Event: July 20, 2008")
        #expect(incident.services == ["Amazon Simple Storage Service"])
        #expect(incident.regions == ["US"])
        #expect(incident.provider == "AWS")
    }

    @Test func updatesRunFromMorningToTheNextDaysNote() throws {
        let incident = try #require(try StatusPageFixture.parse(Self.file).incidents.first)
        #expect(incident.events.count == 24)
        #expect(incident.events.first?.time.iso8601 == "2008-07-20T16:05:00Z")
        #expect(incident.events.first?.writtenTime == "9:05 AM PDT")
        #expect(incident.events.last?.time.iso8601 == "2008-07-22T02:19:00Z")
        #expect(incident.events.last?.writtenTime == "July 21, 7:19 PM PDT")
    }
}
