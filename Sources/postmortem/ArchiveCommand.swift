import ArgumentParser

/// `postmortem archive`: an embedded store of status-page captures, merged into one history.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Keep status-page captures in an SQLite store and read them back as one merged history.",
        subcommands: [ArchiveAddCommand.self, ArchiveExportCommand.self, ArchiveListCommand.self, ArchiveStatsCommand.self, ArchiveMergeCommand.self]
    )
}
