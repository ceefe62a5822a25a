import Foundation
import PostmortemArchive
import PostmortemTimeline

/// Adds each real snapshot series (a folder with `SERIES.tsv`) to a new store with the
/// `postmortem` executable, and checks the store's merged history against the expected rows
/// with the same comparison `postmortem-bench archives` makes of the in-memory merge.
enum SeriesAccuracy {
    static func report(folder: String, executable: String, workspace: String) throws {
        print("| series | captures | archive add s | store's history |")
        print("|---|---|---|---|")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let seriesFolder = (folder as NSString).appendingPathComponent(name)
            guard let expected = TSV(path: seriesFolder + "/SERIES.tsv") else { continue }
            let captures = try FileManager.default.contentsOfDirectory(atPath: seriesFolder).sorted()
                .filter { !$0.hasSuffix(".tsv") && !$0.hasPrefix(".") }
                .map { seriesFolder + "/" + $0 }
            let db = workspace + "/series-\(name).sqlite"
            let measured = ProcessRunner.run([executable, "archive", "add", "--db", db, "--quiet"] + captures)
            guard measured.status == 0 else { throw BenchFailure(message: "\(name): archive add exited with \(measured.status)") }
            // The series names captures by file name; the store keeps the paths as given.
            let history = try ArchiveStore(path: db, create: false).history()
            let named = history.incidents.map { incident in
                var copy = incident
                copy.sources = incident.sources.map { ($0 as NSString).lastPathComponent }
                return copy
            }
            let (exact, detail) = ArchiveRowCheck.series(expected, merged: named, warnings: history.mergeWarnings.count, show: 5)
            print("| \(name) | \(captures.count) | \(String(format: "%.2f", measured.seconds)) | \(exact ? "exact" : "NOT exact"): \(detail) |")
        }
    }
}
