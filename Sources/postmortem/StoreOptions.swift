import ArgumentParser
import PostmortemArchive

/// The store an `archive` subcommand reads or writes, and the filters the reading ones share.
struct StoreOptions: ParsableArguments {
    /// The store used when `--db` is not given: `postmortem.sqlite` in the current folder.
    static let defaultPath = "postmortem.sqlite"

    @Option(help: "The store file.") var db = StoreOptions.defaultPath

    /// Opens the existing store (never creates one).
    /// - Throws: `ArchiveError`.
    func open() throws -> ArchiveStore {
        try ArchiveStore(path: db, create: false)
    }
}

/// `--provider`, `--service`, `--since`, `--until`.
struct ArchiveFilterOptions: ParsableArguments {
    @Option(help: "Only this provider's incidents (any case).") var provider: String?
    @Option(help: "Only incidents affecting a service or component whose name contains this (any case).") var service: String?
    @Option(help: "Only incidents starting on or after this date (YYYY-MM-DD, UTC) or instant (ISO 8601).") var since: String?
    @Option(help: "Only incidents starting on or before this date (YYYY-MM-DD, UTC, the whole day) or before this instant.") var until: String?

    /// - Throws: `UsageError` for a date that is not one.
    func filter() throws -> ArchiveFilter {
        var filter = ArchiveFilter(provider: provider, service: service)
        if let since {
            guard let instant = ArchiveFilter.instant(since) else { throw UsageError(message: "--since '\(since)' is not a date YYYY-MM-DD or an ISO 8601 instant") }
            filter.since = instant
        }
        if let until {
            guard let instant = ArchiveFilter.instant(until, endOfDay: true) else {
                throw UsageError(message: "--until '\(until)' is not a date YYYY-MM-DD or an ISO 8601 instant")
            }
            filter.until = instant
        }
        return filter
    }
}
