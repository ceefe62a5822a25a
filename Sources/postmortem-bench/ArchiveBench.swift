import ArgumentParser
import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemTimeline

/// Accuracy on the captured status-page archives: every `EXPECTED.tsv` row checked against
/// what the readers make of its file, and every `SERIES.tsv` against the merged series.
struct ArchiveBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archives",
        abstract: "Status-archive accuracy: rows right per folder, and whether each snapshot series merges to its SERIES.tsv.")

    @Option(help: "The status-archives corpus (README, EXPECTED.tsv and SERIES.tsv per folder).")
    var corpus = "/work/shared/corpora/status-archives"
    @Option(help: "Print up to this many wrong rows per folder, with the cells that differ.")
    var show = 0

    func run() throws {
        guard FileManager.default.fileExists(atPath: corpus + "/README.md") else {
            throw BenchFailure(message: "\(corpus): no status-archives corpus here (give --corpus DIR)")
        }
        let folders = ["aws-data-json", "gcp-incidents-json", "statuspage-summary-json", "statuspage-incident-json"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: corpus + "/snapshot-series")) ?? []).sorted().map { "snapshot-series/" + $0 }
        print("| folder | files | MB | read s | rows right | series merges exactly |")
        print("|---|---|---|---|---|---|")
        var allRight = true
        for folder in folders {
            let path = corpus + "/" + folder
            guard let expected = TSV(path: path + "/EXPECTED.tsv") else { continue }
            let files = Array(Set(expected.rows.map { $0["file"] ?? "" })).sorted()
            var bytes = 0
            var reads: [String: Result<IngestResult, IngestError>] = [:]
            let seconds = time {
                for file in files {
                    bytes += (try? FileManager.default.attributesOfItem(atPath: path + "/" + file)[.size] as? Int) ?? 0
                    reads[file] = Result { () throws(IngestError) -> IngestResult in try Ingest.read(path: path + "/" + file) }
                        .map { result in
                            // Captures are named as the corpus's tables name them, by file name.
                            var named = result
                            for index in named.incidents.indices { named.incidents[index].sources = [file] }
                            return named
                        }
                }
                return reads.count
            }
            var right = 0
            var shown = 0
            var used: [String: Set<Int>] = [:]
            for row in expected.rows {
                let file = row["file"] ?? ""
                let differences = ArchiveRowCheck.differences(row: row, folder: folder, read: reads[file], used: &used[file, default: []])
                if differences.isEmpty { right += 1 } else if shown < show {
                    shown += 1
                    print("  wrong: \(file) \(row["incident_id"] ?? ""): \(differences.joined(separator: "; "))")
                }
            }
            var series = "-"
            if let expectedSeries = TSV(path: path + "/SERIES.tsv") {
                let (exact, detail) = ArchiveRowCheck.series(expectedSeries, files: files, reads: reads, show: show)
                series = exact ? "yes" : "no (\(detail))"
                allRight = allRight && exact
            }
            allRight = allRight && right == expected.rows.count
            print("| \(folder) | \(files.count) | \(String(format: "%.2f", Double(bytes) / 1e6)) | \(String(format: "%.3f", seconds)) | \(right)/\(expected.rows.count) | \(series) |")
        }
        print("")
        print(allRight ? "every row right, every series exact" : "NOT every row right or series exact")
    }
}

/// A tab-separated file with a header row, each row a dictionary by column name.
struct TSV {
    var rows: [[String: String]]

    init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return nil }
        rows = lines.dropFirst().map { cells in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset < cells.count ? cells[$0.offset] : "") })
        }
    }
}
