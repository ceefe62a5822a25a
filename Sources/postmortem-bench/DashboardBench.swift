import ArgumentParser
import Foundation

/// The AWS Service Health Dashboard page reader on one page of growing size: whole process,
/// time and peak memory per size, and how the time grows from one size to the next (2x the
/// size should cost about 2x the time).
struct DashboardBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "One AWS Service Health Dashboard page of growing size: time and peak memory.")

    @Option(parsing: .upToNextOption, help: "Page sizes in MB.") var megabytes: [Int] = [8, 16, 32, 100]
    @Option(help: "Runs per size (the median is reported).") var runs = 1
    @Option(help: "Where to write the generated pages.") var folder = "/tmp/postmortem-bench-dashboard"
    @Option(help: "The postmortem executable to time.") var postmortem: String?
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let executable = postmortem ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("postmortem").path
        var rows: [BenchRow] = []
        for size in megabytes {
            let path = (folder as NSString).appendingPathComponent("shd-\(size)mb.html")
            let made = try DashboardPageMaker.make(path: path, megabytes: size)
            var row = BenchRow(name: "timeline, \(made.updates) updates", megabytes: Double(made.bytes) / 1e6, seconds: [], peakMegabytes: 0)
            for _ in 0..<runs {
                let measured = ProcessRunner.run([executable, "timeline", "--format", "json", path])
                guard measured.status == 0 else { throw BenchFailure(message: "postmortem exited with \(measured.status) on \(path)") }
                row.seconds.append(measured.seconds)
                row.peakMegabytes = max(row.peakMegabytes ?? 0, measured.peakMegabytes)
            }
            rows.append(row)
            try? FileManager.default.removeItem(atPath: path)
        }
        BenchTable.print(rows, reference: rows.first?.name, json: json)
        guard !json else { return }
        print("")
        for (previous, next) in zip(rows, rows.dropFirst()) {
            let sizeRatio = next.megabytes / max(previous.megabytes, 1e-9)
            let timeRatio = next.median / max(previous.median, 1e-9)
            print(String(format: "%.0f MB -> %.0f MB: size x%.2f, time x%.2f", previous.megabytes, next.megabytes, sizeRatio, timeRatio))
        }
        if let largest = rows.last {
            print(String(format: "largest page: %.1f MB in %.1f s (target under 20 s), peak %.0f MB (target under 1 GB)",
                largest.megabytes, largest.median, largest.peakMegabytes ?? 0))
        }
    }
}
