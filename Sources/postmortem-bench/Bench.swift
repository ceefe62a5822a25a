import ArgumentParser
import Foundation

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem-bench",
        abstract: "Speed and memory figures for postmortem against its peers (see Benchmarks/README.md).",
        subcommands: [IngestBench.self, EngineBench.self, DashboardBench.self, ArchiveBench.self])
}

/// One contestant's figures.
struct BenchRow {
    var name: String
    var megabytes: Double
    var seconds: [Double]
    var peakMegabytes: Double?
    var units: String = "MB/s"
    var work: Double? = nil

    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    var throughput: Double { median > 0 ? (work ?? megabytes) / median : 0 }
}

enum BenchTable {
    static func print(_ rows: [BenchRow], reference: String?, json: Bool) {
        let base = rows.first { $0.name == reference }?.throughput
        if json {
            let items: [[String: Any]] = rows.map { row in
                var item: [String: Any] = [
                    "name": row.name, "inputMegabytes": row.megabytes, "medianSeconds": row.median, "throughput": row.throughput,
                    "throughputUnit": row.units, "runs": row.seconds,
                ]
                if let peak = row.peakMegabytes { item["peakMegabytes"] = peak }
                if let base, base > 0 { item["ratioToReference"] = row.throughput / base }
                return item
            }
            if let data = try? JSONSerialization.data(withJSONObject: ["rows": items, "reference": reference ?? ""], options: [.prettyPrinted, .sortedKeys]) {
                Swift.print(String(decoding: data, as: UTF8.self))
            }
            return
        }
        Swift.print("| contestant | input | median time | throughput | peak memory | vs \(reference ?? "-") |")
        Swift.print("|---|---|---|---|---|---|")
        for row in rows {
            let peak = row.peakMegabytes.map { String(format: "%.0f MB", $0) } ?? "in-process"
            let sameUnits = rows.first { $0.name == reference }?.units == row.units
            let ratio = sameUnits ? (base.map { $0 > 0 ? String(format: "%.2fx", row.throughput / $0) : "-" } ?? "-") : "-"
            let input = row.megabytes > 0 ? String(format: "%.1f MB", row.megabytes) : "-"
            Swift.print("| \(row.name) | \(input) | \(String(format: "%.3f s", row.median)) | \(String(format: "%.1f", row.throughput)) \(row.units) | \(peak) | \(ratio) |")
        }
    }
}

struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Statuspage history pages: postmortem vs an lxml peer vs libxml2's bare parses.")

    @Option(help: "Corpus size in MB.") var megabytes = 30
    @Option(help: "Runs per contestant (the median is reported).") var runs = 5
    @Option(help: "Where to write the generated corpus.") var corpus = "/tmp/postmortem-bench-corpus"
    @Option(help: "The postmortem executable to time.") var postmortem: String?
    @Option(help: "The Python interpreter with lxml installed.") var python = "python3"
    @Option(help: "The lxml peer script.") var peer = "Benchmarks/peers/statuspage_lxml_peer.py"
    @Option(help: "Files per process (all by default).") var jobs = 1
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let made = try CorpusMaker.make(folder: corpus, megabytes: megabytes)
        let mb = Double(made.bytes) / 1e6
        let executable = postmortem ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("postmortem").path
        let contents = try made.paths.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        var rows = [
            BenchRow(name: "postmortem timeline --format json", megabytes: mb, seconds: [], peakMegabytes: 0),
            BenchRow(name: "lxml peer (Python)", megabytes: mb, seconds: [], peakMegabytes: 0),
            BenchRow(name: "libxml2 tree parse (floor)", megabytes: mb, seconds: [], peakMegabytes: nil),
            BenchRow(name: "libxml2 SAX parse (floor)", megabytes: mb, seconds: [], peakMegabytes: nil),
        ]
        // Alternate the contestants within each run so drift in the machine's load hits all alike.
        for _ in 0..<runs {
            let ours = ProcessRunner.run([executable, "timeline", "--format", "json", "--jobs", String(jobs)] + made.paths)
            guard ours.status == 0 else { throw BenchFailure(message: "postmortem exited with \(ours.status)") }
            rows[0].seconds.append(ours.seconds)
            rows[0].peakMegabytes = max(rows[0].peakMegabytes ?? 0, ours.peakMegabytes)
            let theirs = ProcessRunner.run([python, peer] + made.paths)
            guard theirs.status == 0 else { throw BenchFailure(message: "the lxml peer exited with \(theirs.status); is lxml installed?") }
            rows[1].seconds.append(theirs.seconds)
            rows[1].peakMegabytes = max(rows[1].peakMegabytes ?? 0, theirs.peakMegabytes)
            rows[2].seconds.append(time { contents.reduce(0) { $0 + LibXML2Floor.treeParse($1) } })
            rows[3].seconds.append(time { contents.reduce(0) { $0 + LibXML2Floor.saxParse($1) } })
        }
        BenchTable.print(rows, reference: "lxml peer (Python)", json: json)
        if !json {
            let sax = rows[3].throughput
            print("")
            print("postmortem / lxml peer: \(String(format: "%.2f", rows[0].throughput / max(rows[1].throughput, 1e-9)))x (target 2x)")
            print("postmortem / libxml2 SAX: \(String(format: "%.0f", 100 * rows[0].throughput / max(sax, 1e-9)))% (target 60%)")
        }
    }
}

/// Seconds `body` takes; its result is kept so the work is not optimised away.
func time<T>(_ body: () -> T) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = body()
    withExtendedLifetime(result) {}
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A contestant failed; the figures would be meaningless.
struct BenchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
