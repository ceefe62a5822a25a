import ArgumentParser
import PostmortemPipeline

/// `postmortem archive add [--db FILE] INPUT...`
struct ArchiveAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add captures to the store (created if missing), all in one transaction; captures already stored are skipped.")

    @OptionGroup var input: InputOptions
    @Flag(help: "No progress line on stderr.") var quiet = false

    func run() throws {
        do {
            if input.merge { throw UsageError(message: "--merge does not apply to archive add: the store merges the same incident across captures itself") }
            if input.inputs.isEmpty { throw UsageError(message: "give at least one capture to add") }
            let path = input.db ?? StoreOptions.defaultPath
            var reading = input
            reading.db = nil
            let request = try reading.request()
            let progress = ProgressMeter.forTerminal(label: "adding", total: request.inputs.count, quiet: quiet)
            defer { progress.finish() }
            let summary = try ArchiveRun.add(request, toStoreAt: path, progress: progress)
            if !quiet {
                ExitStatus.printError(
                    "postmortem: \(path): added \(summary.added) capture(s) (\(summary.snapshots) incident snapshot(s)); \(summary.alreadyStored) already stored")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
