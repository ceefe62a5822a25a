import ArgumentParser
import PostmortemReports

/// `postmortem archive export [--db FILE] [--format json|csv]`
struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the store's merged incidents as `timeline` prints them (JSON or CSV).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: ArchiveFilterOptions
    @Option(help: "json or csv.") var format: OutputFormat = .json
    @Option(help: "Decode and render on this many threads (output is the same for any number).") var jobs = 1

    func run() throws {
        do {
            let filter = try filters.filter()
            guard jobs >= 1 else { throw UsageError(message: "--jobs must be at least 1") }
            let history = try store.open().history(jobs: jobs)
            let incidents = history.incidents.filter(filter.includes)
            switch format {
            case .json:
                var output = StandardOutput()
                TimelineDocument.writeJSON(incidents, warnings: history.warnings, jobs: jobs) { output.write($0) }
                output.flush()
            case .csv: print(TimelineDocument.csv(incidents), terminator: "")
            case .markdown: throw UsageError(message: "archive export writes json or csv; use `timeline --db \(store.db) --format markdown` for Markdown")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
