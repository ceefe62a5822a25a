import PostmortemTestSupport
import Foundation
import FoundationXML
import Testing

@testable import PostmortemIngest
@testable import PostmortemMetrics
@testable import PostmortemReports

@Suite("Golden report files for S3 2008")
struct GoldenReportTests {
    static let goldenFolder = FixturePath.resolve("Fixtures/golden/s3-2008-07-20")

    static func report() throws -> IncidentReport {
        let result = try Ingest.read(path: "Fixtures/status-pages/aws-s3-2008-07-20.html".inPackage)
        var incident = try #require(result.incidents.first)
        incident.sources = ["Fixtures/status-pages/aws-s3-2008-07-20.html"]
        // Sources are named as a user in the package root would give them, so the golden files
        // hold no machine path.
        let relative = "Fixtures/status-pages/aws-s3-2008-07-20.html"
        for index in incident.events.indices { incident.events[index].source.file = relative }
        for index in incident.announcedCredits.indices { incident.announcedCredits[index].source.file = relative }
        for index in incident.observations.indices { incident.observations[index].source.file = relative }
        let metrics = IncidentMetrics(incident: incident)
        let policy = try PolicyLibrary.policy(named: "s3-2008")
        let credit = try CreditAssessment(incident: incident, window: metrics.window, policy: policy)
        let window = try #require(metrics.window)
        let periods = try PeriodCredit.assess([.init(incident: incident, window: window)], policy: policy)
        return IncidentReport(incident: incident, metrics: metrics, credits: [credit], periods: periods, warnings: [])
    }

    @Test("Every output kind matches its golden file byte for byte", arguments: [
        ".md", ".json", "-timeline.csv", "-metrics.csv", "-curves.csv", "-credits.csv", "-phases.svg",
    ])
    func golden(suffix: String) throws {
        let report = try Self.report()
        let file = try #require(report.files().first { $0.name == report.slug + suffix })
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try file.contents.write(toFile: Self.goldenFolder + "/" + file.name, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: Self.goldenFolder + "/" + file.name, encoding: .utf8)
        #expect(file.contents == golden)
    }

    @Test("No golden file holds a machine path")
    func noMachinePaths() throws {
        for file in try Self.report().files() {
            #expect(!file.contents.contains(FixturePath.packageRoot))
        }
    }

    @Test("The same inputs give the same bytes twice")
    func deterministic() throws {
        let first = try Self.report().files().map(\.contents)
        let second = try Self.report().files().map(\.contents)
        #expect(first == second)
    }

    @Test("The phase strip is well-formed SVG with a title and a time axis in UTC")
    func phaseSVG() throws {
        let report = try Self.report()
        let svg = try #require(report.files().first { $0.name.hasSuffix("-phases.svg") }).contents
        let document = try XMLDocument(data: Data(svg.utf8))
        #expect(document.rootElement()?.name == "svg")
        #expect(svg.contains("time (UTC); 1 later event(s) not shown"))
        #expect(svg.contains("impact 7h 55m"))
    }
}

extension String {
    var inPackage: String { FixturePath.resolve(self) }
}

@Suite("Golden recovery chart for EBS 2011")
struct GoldenRecoveryChartTests {
    static let golden = FixturePath.resolve("Fixtures/golden/ebs-2011-04-21/curves.svg")

    @Test("The two published curves draw the same SVG bytes as the golden file")
    func chart() throws {
        let result = try Ingest.read(path: FixturePath.resolve("Fixtures/postmortems/aws-ebs-2011-04-21.txt"))
        let incident = try #require(result.incidents.first)
        let metrics = IncidentMetrics(incident: incident)
        let svg = try #require(RecoveryChart.svg(title: "Recovery: \(incident.title)", curves: metrics.recoveryCurves))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: (Self.golden as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try svg.write(toFile: Self.golden, atomically: true, encoding: .utf8)
        }
        #expect(svg == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
        let document = try XMLDocument(data: Data(svg.utf8))
        #expect(document.rootElement()?.name == "svg")
        #expect(svg.contains("EBS volumes stuck in the affected AZ (published, residual 0.07)"))
        #expect(svg.contains("single-AZ RDS instances stuck (published, residual 0.4)"))
        #expect(svg.contains(">time (UTC)<"))
    }
}
