import ArgumentParser
import PostmortemArchive
import PostmortemPipeline

/// `postmortem archive merge A.sqlite B.sqlite... --db OUT`
struct ArchiveMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join stores (e.g. one per `archive add --shard K/N`) into one that reads as a store built from all their captures.")

    @Argument(help: "The stores to join.") var stores: [String]
    @Option(help: "The store to write (created if missing).") var db: String
    @Flag(help: "No progress line on stderr.") var quiet = false

    func run() throws {
        do {
            if stores.isEmpty { throw UsageError(message: "give at least one store to merge") }
            let progress = ProgressMeter.forTerminal(label: "merging", total: stores.count, quiet: quiet)
            defer { progress.finish() }
            let summary = try ArchiveRun.merge(stores, intoStoreAt: db, progress: progress)
            if !quiet {
                ExitStatus.printError("postmortem: \(db): added \(summary.added) capture(s) from \(stores.count) store(s); \(summary.alreadyStored) already stored")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
