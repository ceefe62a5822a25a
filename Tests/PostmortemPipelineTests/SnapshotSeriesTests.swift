import Foundation
import PostmortemIngest
import PostmortemTestSupport
import PostmortemTimeline
import Testing

@testable import PostmortemPipeline

@Suite("A snapshot series read as one history")
struct SnapshotSeriesTests {
    static let folder = "Fixtures/snapshot-series/orbit-summary"

    static var captures: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: FixturePath.resolve(folder)))?.sorted().map { FixturePath.resolve(folder + "/" + $0) } ?? []
    }

    @Test("Five captures (one empty) give the incident once with its three updates, and the maintenance once")
    func series() throws {
        let paths = Self.captures
        #expect(paths.count == 5)
        let (incidents, warnings) = try ReportPipeline.load(ReportRequest(inputs: paths))
        #expect(incidents.map(\.title) == ["Failed API requests", "Database upgrade"])
        let incident = incidents[0]
        #expect(incident.events.map(\.updateID) == ["upd000000001", "upd000000002", "upd000000003"])
        #expect(incident.status == "monitoring")
        #expect(incident.impact == "major")
        // Seen in 17:00, 17:30 and 18:00; gone from the 19:00 capture; never in the empty 17:15 one.
        #expect(incident.sources.map { ($0 as NSString).lastPathComponent } == [
            "orbit_summary_2024-01-09T1700Z.json", "orbit_summary_2024-01-09T1730Z.json", "orbit_summary_2024-01-09T1800Z.json",
        ])
        #expect(incidents[1].sources.count == 3)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.file.hasSuffix("orbit_summary_2024-01-09T1715Z.json") == true)
        #expect(warnings.first?.message.contains("empty") == true)
    }

    @Test("Given newest first, the series merges to the same incidents")
    func orderFree() throws {
        // Incidents come in the order first seen; compared by identity.
        let forward = try ReportPipeline.load(ReportRequest(inputs: Self.captures)).incidents.sorted { $0.title < $1.title }
        let backward = try ReportPipeline.load(ReportRequest(inputs: Self.captures.reversed())).incidents.sorted { $0.title < $1.title }
        #expect(forward.map(\.events) == backward.map(\.events))
        #expect(forward.map(\.title) == ["Database upgrade", "Failed API requests"])
        #expect(forward.map(\.status) == backward.map(\.status))
        #expect(forward.map(\.impact) == backward.map(\.impact))
    }

    @Test("One empty file alone is an error naming it")
    func singleEmpty() {
        let path = FixturePath.resolve(Self.folder + "/orbit_summary_2024-01-09T1715Z.json")
        #expect(throws: IngestError.empty(file: path)) { try ReportPipeline.load(ReportRequest(inputs: [path])) }
    }

    @Test("With --strict the empty capture stops the run")
    func strictEmpty() {
        #expect(throws: PipelineError.self) { try ReportPipeline.load(ReportRequest(inputs: Self.captures, strict: true)) }
    }

    @Test("corpus counts the incident once and leaves the maintenance out unless asked")
    func corpus() throws {
        let folder = FixturePath.resolve(Self.folder)
        let (files, skipped) = CorpusRun.files(folder: folder, ingest: IngestOptions(), jobs: 1)
        #expect(skipped.count == 1)
        let markdown = try #require(files.first { $0.name == "corpus.md" }?.contents)
        #expect(markdown.contains("- **Incidents:** 1 (1 with an impact window)"))
        #expect(markdown.contains("- **Scheduled maintenance:** 1 left out of the figures"))
        // 16:52:10Z to 17:58:03Z: 3,953 s (65 whole minutes) of January's 2,678,400 s: 99.852% up.
        #expect(markdown.contains("| Orbit | 2024-01 | 1 | 65 | 99.852% |"))
        let counted = CorpusRun.files(folder: folder, ingest: IngestOptions(), jobs: 1, includeMaintenance: true).files
        #expect(counted.first { $0.name == "corpus.md" }?.contents.contains("- **Incidents:** 2") == true)
    }
}
