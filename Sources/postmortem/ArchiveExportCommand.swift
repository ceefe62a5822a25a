import ArgumentParser
import PostmortemReports

/// `postmortem archive export [--db FILE] [--format json|csv]`
struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the store's merged incidents as `timeline` prints them (JSON or CSV).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: ArchiveFilterOptions
    @Option(help: "json or csv.") var format: OutputFormat = .json

    func run() throws {
        do {
            let filter = try filters.filter()
            let history = try store.open().history()
            let incidents = history.incidents.filter(filter.includes)
            switch format {
            case .json: print(TimelineDocument.json(incidents, warnings: history.warnings), terminator: "")
            case .csv: print(TimelineDocument.csv(incidents), terminator: "")
            case .markdown: throw UsageError(message: "archive export writes json or csv; use `timeline --db \(store.db) --format markdown` for Markdown")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
