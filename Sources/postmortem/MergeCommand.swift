import ArgumentParser
import Foundation
import PostmortemMetrics
import PostmortemReports

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON or CSV outputs of `--shard K/N` runs into what one run would have written.")

    @Argument(help: "Shard outputs, in shard order.") var files: [String]
    @Option(help: "json or csv (default: from the first file's extension); Markdown cannot be merged.") var format: OutputFormat?
    @Option(name: .shortAndLong, help: "Write here instead of standard output.") var output: String?

    func run() throws {
        do {
            var documents: [(file: String, text: String)] = []
            for file in files {
                documents.append((file, try UserFile.text(at: file, file: file)))
            }
            let kind = format ?? (files.first?.hasSuffix(".csv") == true ? .csv : .json)
            let merged: String
            switch kind {
            case .json: merged = try ShardMerge.json(documents)
            case .csv: merged = try ShardMerge.csv(documents)
            case .markdown: throw UsageError(message: "Markdown outputs cannot be merged; merge the JSON or CSV")
            }
            if let output {
                try OutputFile.write(merged, to: output)
            } else {
                print(merged, terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
