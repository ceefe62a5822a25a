import ArgumentParser
import PostmortemPipeline
import PostmortemReports

/// `postmortem archive export [--db FILE] [--format json|csv] [--output FILE]`
struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the store's merged incidents as `timeline` prints them (JSON or CSV).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: ArchiveFilterOptions
    @Option(help: "json or csv.") var format: OutputFormat = .json
    @Option(help: "Write to this file instead of standard output (all or nothing: a failure leaves no partial file).") var output: String?
    @Option(help: "Decode and render on this many threads when the store has to be merged afresh (output is the same for any number).")
    var jobs = 1

    func run() throws {
        do {
            let filter = try filters.filter()
            guard jobs >= 1 else { throw UsageError(message: "--jobs must be at least 1") }
            let opened = try store.open()
            switch format {
            case .json:
                if let output {
                    try OutputFile.stream(to: output) { write in try ArchiveRun.export(opened, filter: filter, jobs: jobs, to: write) }
                } else {
                    var standard = StandardOutput()
                    try ArchiveRun.export(opened, filter: filter, jobs: jobs) { standard.write($0) }
                    standard.flush()
                }
            case .csv:
                let csv = TimelineDocument.csv(try opened.history(jobs: jobs).incidents.filter(filter.includes))
                if let output { try OutputFile.write(csv, to: output) } else { print(csv, terminator: "") }
            case .markdown: throw UsageError(message: "archive export writes json or csv; use `timeline --db \(store.db) --format markdown` for Markdown")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
