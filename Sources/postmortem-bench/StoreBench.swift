import ArgumentParser
import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemPipeline
import PostmortemReports
import PostmortemTimeline

/// The archive store's figures: adding a snapshot series, exporting a large store, memory at
/// two sizes, and the real snapshot series against their SERIES.tsv.
struct StoreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "archive add of a history-feed series (1,000 captures), archive export of 100,000 incidents, and the snapshot series' accuracy.")

    @Option(help: "Captures in the large series.") var captures = 1000
    @Option(help: "Captures in the small series (peak memory against the large one).") var smallCaptures = 250
    @Option(help: "Incidents in the export store.") var incidents = 100_000
    @Option(help: "Runs per figure (the median is reported).") var runs = 3
    @Option(help: "Where to write the series and stores.") var workspace = "/tmp/postmortem-bench-store"
    @Option(help: "The postmortem executable to time.") var postmortem: String?
    @Option(help: "The snapshot-series folder (measured when present).") var series = "/work/shared/corpora/status-archives/snapshot-series"
    @Flag(help: "No progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    func run() throws {
        let executable = postmortem ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("postmortem").path
        try? FileManager.default.removeItem(atPath: workspace)
        let large = try FeedSeriesMaker.make(folder: workspace + "/series", captures: captures)
        let small = Array(large.paths.prefix(smallCaptures))
        let smallBytes = small.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        var addLarge = BenchRow(name: "archive add, \(captures) captures (new store)", megabytes: Double(large.bytes) / 1e6, seconds: [], peakMegabytes: 0)
        var addSmall = BenchRow(name: "archive add, \(smallCaptures) captures (new store)", megabytes: Double(smallBytes) / 1e6, seconds: [], peakMegabytes: 0)
        var again = BenchRow(name: "archive add, the same \(captures) again", megabytes: Double(large.bytes) / 1e6, seconds: [], peakMegabytes: 0)
        var addCPU: [Double] = []
        // Three adds per run, then the two exports and the in-process merge, `runs` times each.
        let progress = ProgressMeter.forTerminal(label: "store bench", total: runs * 6, unit: "runs", quiet: quiet)
        defer { progress.finish() }
        for run in 0..<runs {
            for (paths, row) in [(large.paths, 0), (small, 1)] {
                defer { progress.advance() }
                let db = workspace + "/add-\(run)-\(row).sqlite"
                let measured = ProcessRunner.run([executable, "archive", "add", "--db", db, "--quiet"] + paths)
                guard measured.status == 0 else { throw BenchFailure(message: "archive add exited with \(measured.status)") }
                if row == 0 {
                    addCPU.append(measured.cpuSeconds)
                    addLarge.seconds.append(measured.seconds)
                    addLarge.peakMegabytes = max(addLarge.peakMegabytes ?? 0, measured.peakMegabytes)
                    let repeated = ProcessRunner.run([executable, "archive", "add", "--db", db, "--quiet"] + paths)
                    progress.advance()
                    again.seconds.append(repeated.seconds)
                    again.peakMegabytes = max(again.peakMegabytes ?? 0, repeated.peakMegabytes)
                } else {
                    addSmall.seconds.append(measured.seconds)
                    addSmall.peakMegabytes = max(addSmall.peakMegabytes ?? 0, measured.peakMegabytes)
                }
            }
        }
        // The series merges to one incident per entry: check the store says so.
        let merged = try ArchiveStore(path: workspace + "/add-0-0.sqlite", create: false).history().incidents
        let expected = FeedSeriesMaker.distinctIncidents(captures: captures)

        let exportStore = workspace + "/export.sqlite"
        try Self.makeStore(at: exportStore, incidents: incidents)
        let exported = workspace + "/export.json"
        var export = BenchRow(name: "archive export, \(incidents) incidents (JSON, --output)", megabytes: 0, seconds: [], peakMegabytes: 0, units: "k incidents/s", work: Double(incidents) / 1000)
        var exportCPU: [Double] = []
        for _ in 0..<runs {
            defer { progress.advance() }
            let measured = ProcessRunner.run([executable, "archive", "export", "--db", exportStore, "--output", exported])
            guard measured.status == 0 else { throw BenchFailure(message: "archive export exited with \(measured.status)") }
            export.seconds.append(measured.seconds)
            exportCPU.append(measured.cpuSeconds)
            export.peakMegabytes = max(export.peakMegabytes ?? 0, measured.peakMegabytes)
        }
        var stdout = BenchRow(name: "archive export, \(incidents) incidents (JSON, standard output)", megabytes: 0, seconds: [], peakMegabytes: 0, units: "k incidents/s", work: Double(incidents) / 1000)
        for _ in 0..<runs {
            defer { progress.advance() }
            let measured = ProcessRunner.run([executable, "archive", "export", "--db", exportStore])
            guard measured.status == 0 else { throw BenchFailure(message: "archive export exited with \(measured.status)") }
            stdout.seconds.append(measured.seconds)
            stdout.peakMegabytes = max(stdout.peakMegabytes ?? 0, measured.peakMegabytes)
        }
        // What the cache saves: the same store merged and rendered afresh, in process (the path a
        // store without a current cache takes); its bytes must be the export's.
        var afresh = BenchRow(name: "  merged and rendered afresh (in process)", megabytes: 0, seconds: [], peakMegabytes: nil, units: "k incidents/s", work: Double(incidents) / 1000)
        var bytes: [UInt8] = []
        for _ in 0..<runs {
            defer { progress.advance() }
            var failure: (any Error)?
            afresh.seconds.append(time {
                bytes = []
                do {
                    let history = try ArchiveStore(path: exportStore, create: false).history()
                    TimelineDocument.writeJSON(history.incidents, warnings: history.warnings) { bytes += $0 }
                } catch { failure = error }
                return bytes.count
            })
            if let failure { throw failure }
        }
        let same = (try? Data(contentsOf: URL(fileURLWithPath: exported))) == Data(bytes)
        BenchTable.print([addLarge, addSmall, again, export, stdout, afresh], reference: nil, json: false)
        print("")
        print("add \(captures) captures: \(String(format: "%.1f", addLarge.median)) s wall, \(String(format: "%.1f", addCPU.sorted()[addCPU.count / 2])) s CPU (target under 20 s); merged to \(merged.count) incidents (expected \(expected))")
        let cpu = exportCPU.sorted()[exportCPU.count / 2]
        print("export \(incidents) incidents: \(String(format: "%.2f", export.median)) s wall, \(String(format: "%.2f", cpu)) s CPU, \(String(format: "%.0f", export.peakMegabytes ?? 0)) MB peak (target under 5 s); bytes \(same ? "identical to" : "DIFFERENT from") the history merged afresh")
        print("peak memory: \(String(format: "%.0f", addSmall.peakMegabytes ?? 0)) MB at \(smallCaptures) captures, \(String(format: "%.0f", addLarge.peakMegabytes ?? 0)) MB at \(captures)")
        if FileManager.default.fileExists(atPath: series) {
            print("")
            try SeriesAccuracy.report(folder: series, executable: executable, workspace: workspace)
        }
    }

    /// A store of `incidents` distinct Statuspage incidents (four updates each) in captures of
    /// 1,000, written through the library (the export is what is timed, not this).
    static func makeStore(at path: String, incidents: Int) throws {
        let store = try ArchiveStore(path: path, create: true, rendering: ArchiveRun.rendering)
        let perCapture = 1000
        let zone = WrittenZone(token: "UTC", offsetSeconds: 0)
        _ = try store.add { addition in
            var number = 0
            var capture = 0
            while number < incidents {
                let name = "bench/summary_\(String(capture).leftPadded(to: 5)).json"
                var list: [Incident] = []
                for _ in 0..<min(perCapture, incidents - number) {
                    let start = Instant(secondsSinceEpoch: 1_600_000_000 + Int64(number) * 3_600)
                    let events = (0..<4).map { index in
                        TimelineEvent(
                            time: start.adding(minutes: index * 20), zone: zone, writtenTime: "update \(index)", precision: .second,
                            status: ["investigating", "identified", "monitoring", "resolved"][index],
                            text: CorpusMaker.bodies[(number + index) % CorpusMaker.bodies.count], source: SourceLocation(file: name, line: 10 + index),
                            updateID: "u\(number)-\(index)")
                    }
                    list.append(
                        Incident(
                            title: "Degraded performance of service \(number % 17)", provider: "Bench Cloud",
                            impact: ["minor", "major"][number % 2], components: ["API"], events: events, sources: [name],
                            identity: .statuspage(id: "bench" + String(number, radix: 36).leftPadded(to: 8)), status: "resolved"))
                    number += 1
                }
                let digest = CaptureDigest(Array(name.utf8))
                try addition.add(name: name, digest: digest, result: IngestResult(incidents: list, format: .statuspageJSON))
                capture += 1
            }
        }
        try store.close()
    }
}
