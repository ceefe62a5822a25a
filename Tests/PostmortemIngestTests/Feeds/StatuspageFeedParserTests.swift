import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage history.atom and history.rss")
struct StatuspageFeedParserTests {
    static let atom = "statuspage-history-fjord-cet.atom"
    static let rss = "statuspage-history-hanbit-kst.rss"

    @Test func atomEntriesBecomeIncidentsWithTheirLinks() throws {
        let result = try StatusPageFixture.parse(Self.atom)
        #expect(result.format == .statuspageFeed)
        #expect(result.incidents.map(\.title) == ["Delayed email notifications", "Login failures for SSO users"])
        #expect(result.incidents.map(\.provider) == ["Fjord Mail", "Fjord Mail"])
        #expect(result.incidents.map(\.url) == [
            "https://status.fjord.example/incidents/r2d5f8h1k4mn", "https://status.fjord.example/incidents/w6q9z3x7c1vb",
        ])
    }

    @Test func yearComesFromPublishedAcrossNewYear() throws {
        let sso = try StatusPageFixture.parse(Self.atom).incidents[1]
        #expect(sso.events.map(\.time.iso8601) == [
            "2020-12-31T22:58:00Z", "2020-12-31T23:52:00Z", "2020-12-31T23:52:00Z", "2021-01-01T00:40:00Z",
        ])
        #expect(sso.events.map(\.status) == ["investigating", "update", "monitoring", "resolved"])
        #expect(sso.events.map(\.writtenTime) == ["Dec 31, 23:58 CET", "Jan 1, 00:52 CET", "Jan 1, 00:52 CET", "Jan 1, 01:40 CET"])
        #expect(sso.events[0].source == SourceLocation(file: Self.atom, line: 25))
    }

    @Test func unreadableStampInAnEntryIsReported() throws {
        let result = try StatusPageFixture.parse(Self.atom)
        let email = result.incidents[0]
        #expect(email.events.map(\.time.iso8601) == ["2021-03-25T16:02:00Z", "2021-03-25T17:19:00Z"])
        #expect(email.events[0].text == "Email notifications are delayed by up to 20 minutes.")
        #expect(result.warnings.map(\.description) == ["\(Self.atom):17: skipped an update: 'Mar 25, 17:4 CET' holds no time"])
    }

    @Test func rssItemsTakeTheYearFromPubDate() throws {
        let result = try StatusPageFixture.parse(Self.rss)
        #expect(result.format == .statuspageFeed)
        #expect(result.incidents.map(\.title) == ["Console slowness", "Object storage upload errors"])
        #expect(result.incidents[0].events.map(\.time.iso8601) == ["2024-11-30T23:50:00Z", "2024-12-01T00:20:00Z"])
        #expect(result.incidents[1].events.map(\.time.iso8601) == [
            "2024-08-05T02:14:00Z", "2024-08-05T02:40:00Z", "2024-08-05T03:31:00Z",
        ])
        #expect(result.incidents[1].events.map(\.status) == ["investigating", "identified", "resolved"])
        #expect(result.incidents[1].events[0].zone == WrittenZone(token: "KST", offsetSeconds: 32_400))
        #expect(result.incidents[1].url == "https://status.hanbit.example/incidents/u3p8s1d6f0gh")
        #expect(result.warnings.isEmpty)
    }
}
