import Foundation
import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Status-page format detection")
struct StatusPageDetectionTests {
    @Test(arguments: [
        ("statuspage-history-acme-pst.html", SourceFormat.statuspageHistory),
        ("statuspage-front-lumen-gmt8.html", .statuspageHistory),
        ("statuspage-front-kiwi-nzdt.html", .statuspageHistory),
        ("statuspage-incident-northwind-cet.html", .statuspageIncident),
        ("statuspage-api-contoso-incidents.json", .statuspageJSON),
        ("statuspage-api-kumo-incident.json", .statuspageJSON),
        ("statuspage-history-fjord-cet.atom", .statuspageFeed),
        ("statuspage-history-hanbit-kst.rss", .statuspageFeed),
        ("aws-shd-ec2-us-east-1.rss", .awsHealthRSS),
        ("gcp-incidents.json", .googleCloudJSON),
        ("aws-s3-2008-07-20.html", .awsHealthDashboard),
    ])
    func detectsByContent(name: String, format: SourceFormat) throws {
        #expect(try Ingest.detect(StatusPageFixture.input(name)).format == format)
    }

    @Test func detectionIgnoresTheFileName() throws {
        var input = try StatusPageFixture.input("gcp-incidents.json")
        input.path = "incidents.html"
        #expect(try Ingest.detect(input).format == .googleCloudJSON)
    }

    @Test func unknownShapeNamesTheFileAndEveryFormatTried() throws {
        let name = "unknown-shape.html"
        #expect(throws: IngestError.unknownFormat(
            file: name,
            tried: [
                "Statuspage API JSON", "Google Cloud incidents.json", "AWS Service Health Dashboard data.json", "Statuspage Atom/RSS feed",
                "AWS Service Health Dashboard RSS", "Statuspage incident page", "Statuspage front or history page",
                "AWS Service Health Dashboard page", "postmortem prose",
            ])
        ) {
            try StatusPageFixture.parse(name)
        }
    }

    @Test func formatHintOverridesDetection() throws {
        let input = try StatusPageFixture.input("statuspage-history-hanbit-kst.rss")
        do {
            _ = try Ingest.parse(input, options: IngestOptions(formatHint: .statuspageJSON))
            Issue.record("a feed read as JSON should fail")
        } catch {
            #expect(error.file == input.path)
            #expect(error.description.hasPrefix("statuspage-history-hanbit-kst.rss:1: not valid JSON"))
        }
        let hinted = try Ingest.parse(input, options: IngestOptions(formatHint: .statuspageFeed))
        #expect(hinted.format == .statuspageFeed)
        #expect(hinted.incidents.count == 2)
    }

    @Test func readsFromAPathAndConcatenatesManyFiles() throws {
        let names = ["statuspage-history-acme-pst.html", "statuspage-api-kumo-incident.json", "statuspage-history-fjord-cet.atom"]
        var incidents: [Incident] = []
        for name in names {
            incidents += try Ingest.read(path: StatusPageFixture.path(name)).incidents
        }
        #expect(incidents.count == 7)
        #expect(incidents.map(\.title) == [
            "Elevated API error rates", "Scheduled database maintenance", "Elevated API error rates", "Delayed webhook deliveries",
            "API errors in Tokyo region", "Delayed email notifications", "Login failures for SSO users",
        ])
        #expect(incidents[4].sources == [StatusPageFixture.path("statuspage-api-kumo-incident.json")])
    }

    @Test func sameInputGivesTheSameBytesOut() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(StatusPageFixture.parse("statuspage-history-acme-pst.html").incidents)
        let second = try encoder.encode(StatusPageFixture.parse("statuspage-history-acme-pst.html").incidents)
        #expect(first == second)
        #expect(first.count > 1000)
    }
}
