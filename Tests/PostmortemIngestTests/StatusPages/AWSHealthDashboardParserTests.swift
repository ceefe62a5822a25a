import PostmortemTestSupport
import Foundation
import Testing

@testable import PostmortemIngest
@testable import PostmortemTimeline

@Suite("AWS Service Health Dashboard, S3 July 20, 2008")
struct AWSHealthDashboardParserTests {
    static let fixture = FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html")

    func incident() throws -> (Incident, [ParseWarning]) {
        let result = try Ingest.read(path: Self.fixture)
        #expect(result.format == .awsHealthDashboard)
        return (try #require(result.incidents.first), result.warnings)
    }

    @Test("24 events from 9:05 AM PDT July 20 to 7:19 PM PDT July 21")
    func events() throws {
        let (incident, warnings) = try incident()
        #expect(incident.events.count == 24)
        #expect(incident.events.first?.time.iso8601 == "2008-07-20T16:05:00Z")
        #expect(incident.events.last?.time.iso8601 == "2008-07-22T02:19:00Z")
        #expect(incident.events.last?.writtenTime == "July 21, 7:19 PM PDT")
        #expect(incident.events[21].time.iso8601 == "2008-07-21T00:00:00Z")
        #expect(incident.events[21].text.hasPrefix("Amazon S3 service has been restored"))
        #expect(incident.events.allSatisfy { $0.zone?.token == "PDT" })
        #expect(warnings.isEmpty)
    }

    @Test("Title, service and region come from the event heading")
    func heading() throws {
        let (incident, _) = try incident()
        #expect(incident.title == "Amazon Simple Storage Service (US) Event: July 20, 2008")
        #expect(incident.services == ["Amazon Simple Storage Service"])
        #expect(incident.regions == ["US"])
        #expect(incident.provider == "AWS")
    }

    @Test("The July 21 note keeps both paragraphs and yields the announced credit")
    func note() throws {
        let (incident, _) = try incident()
        let note = try #require(incident.events.last)
        #expect(note.text.contains("we use a gossip protocol"))
        #expect(note.text.contains("for the July billing period"))
        #expect(incident.announcedCredits.first?.summary == "SLA claim process waived; credit applied automatically for the July billing period")
    }

    @Test("Each event names its line in the fixture")
    func sourceLines() throws {
        let (incident, _) = try incident()
        #expect(incident.events.first?.source == SourceLocation(file: Self.fixture, line: 14))
    }

    @Test("The fixture's visible text is the seed document")
    func visibleTextMatchesSeed() throws {
        let html = try Data(contentsOf: URL(fileURLWithPath: Self.fixture))
        let document = try #require(html.withUnsafeBytes { HTMLDocument(html: $0, url: "seed") })
        let visible = try #require(document.first("//body")).visibleText
        let seed = try String(contentsOfFile: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.seed.txt"), encoding: .utf8)
        func normalise(_ text: String) -> [String] {
            text.split(separator: "\n").map { TextFolding.foldAll($0) }.filter { !$0.isEmpty }
        }
        #expect(normalise(visible) == normalise(seed))
    }

    @Test("An update whose time cannot be read is skipped with a warning naming its line")
    func unreadableTime() throws {
        let html = """
            <html><body><h2>Amazon EC2 (US) Event: March 3, 2009</h2>
            <div>9:05 AM PDT First.</div>
            <div>25:99 PM PDT Broken.</div>
            <div>10:15 AM XYZT Unknown zone.</div>
            <div>11:00 AM PDT Fixed.</div>
            </body></html>
            """
        let result = try Ingest.parse(SourceInput(path: "inline.html", bytes: Array(html.utf8)), options: IngestOptions(formatHint: .awsHealthDashboard))
        let incident = try #require(result.incidents.first)
        #expect(incident.events.map(\.time.iso8601) == ["2009-03-03T16:05:00Z", "2009-03-03T18:00:00Z"])
        #expect(result.warnings.count == 2)
        #expect(result.warnings[0].location.line == 3)
        #expect(result.warnings[0].message.contains("25:99 PM"))
        #expect(result.warnings[1].message.contains("XYZT"))
    }

    @Test("A block with no time stamp that continues no update is skipped with a warning naming its line")
    func blockWithoutStamp() throws {
        let html = """
            <html><body><div id="crumbs">Service Health Dashboard &raquo; Amazon EC2 (US) Event: March 3, 2009</div>
            <h2>Amazon EC2 (US) Event: March 3, 2009</h2>
            <div>Note: times below are approximate.</div>
            <ul><li>9:05 AM PST First.</li><li>More on the first update.</li></ul>
            <p>We expect the next update within the hour.</p>
            <ul><li>10:15 AM PST Fixed.</li></ul>
            <div id="footer">Conditions of Use | Privacy Notice</div>
            </body></html>
            """
        let result = try Ingest.parse(SourceInput(path: "inline.html", bytes: Array(html.utf8)), options: IngestOptions(formatHint: .awsHealthDashboard))
        let incident = try #require(result.incidents.first)
        #expect(incident.events.map(\.time.iso8601) == ["2009-03-03T17:05:00Z", "2009-03-03T18:15:00Z"])
        #expect(incident.events[0].text == "First.\n\nMore on the first update.")
        #expect(result.warnings == [
            ParseWarning(location: SourceLocation(file: "inline.html", line: 3), message: "skipped a block that starts with no time stamp: 'Note: times below are approximate.'"),
            ParseWarning(
                location: SourceLocation(file: "inline.html", line: 5),
                message: "skipped a block that starts with no time stamp: 'We expect the next update within the hour.'"),
        ])
    }

    @Test("A time earlier than the one before it rolls to the next day, with a warning")
    func rollover() throws {
        let html = """
            <html><body><h2>Amazon EC2 (US) Event: March 3, 2009</h2>
            <div>11:30 PM PST Late.</div><div>12:10 AM PST After midnight.</div></body></html>
            """
        let result = try Ingest.parse(SourceInput(path: "inline.html", bytes: Array(html.utf8)), options: IngestOptions(formatHint: .awsHealthDashboard))
        #expect(result.incidents.first?.events.map(\.time.iso8601) == ["2009-03-04T07:30:00Z", "2009-03-04T08:10:00Z"])
        #expect(result.warnings.count == 1)
    }
}
