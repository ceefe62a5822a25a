import ArgumentParser
import PostmortemMetrics
import PostmortemReports

/// `postmortem archive list [--db FILE] [--provider P] [--service S] [--since D] [--until D]`
struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "One line per merged incident: provider, title, start, duration, impact, updates, captures.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: ArchiveFilterOptions

    func run() throws {
        do {
            let filter = try filters.filter()
            let incidents = try store.open().history().incidents.filter(filter.includes)
            print(IncidentListing.text(incidents, metrics: incidents.map(IncidentMetrics.init(incident:))), terminator: "")
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
