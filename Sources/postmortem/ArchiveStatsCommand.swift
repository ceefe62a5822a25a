import ArgumentParser
import PostmortemPipeline
import PostmortemReports

/// `postmortem archive stats [--db FILE] [--output-dir DIR]`
struct ArchiveStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "The `corpus` statistics over the store's merged incidents (each once, however many captures hold it; scheduled maintenance left out unless --include-maintenance).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: ArchiveFilterOptions
    @Option(help: "Write corpus.md, the CSVs and the SVGs here instead of printing corpus.md.") var outputDir: String?
    @Flag(help: "Count scheduled maintenance in the outage figures (left out by default).") var includeMaintenance = false

    func run() throws {
        do {
            let filter = try filters.filter()
            let incidents = try store.open().history().incidents.filter(filter.includes)
            let files = CorpusRun.files(incidents: incidents, skipped: [], includeMaintenance: includeMaintenance)
            guard let outputDir else {
                print(files.first { $0.name == "corpus.md" }?.contents ?? "", terminator: "")
                return
            }
            try OutputFile.writeAll(files, into: outputDir)
            for file in files { print("wrote \(outputDir)/\(file.name)") }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
