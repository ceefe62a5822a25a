import ArgumentParser
import PostmortemIngest
import PostmortemPipeline
import PostmortemReports

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Statistics over every incident in a folder, each once however many captures hold it: durations (median, p90, longest), impact, provider, first-update delay, outage minutes and uptime per month by provider and component, a calendar heatmap per provider.")

    @Argument(help: "A folder of saved pages, feeds and postmortems.") var folder: String
    @Option(help: "The folder to write corpus.md, corpus.csv and corpus-durations.svg into.") var outputDir: String
    @Option(help: "Read this many files at once.") var jobs = 1
    @Option(help: "A date in or near the incidents (YYYY-MM-DD), for dates written without a year.") var referenceDate: String?
    @Flag(help: "Count scheduled maintenance in the outage figures (left out by default).") var includeMaintenance = false
    @Flag(help: "No progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    func run() throws {
        do {
            let options = IngestOptions(referenceDate: try InputOptions.referenceDate(referenceDate))
            let (files, skipped) = CorpusRun.files(
                folder: folder, ingest: options, jobs: max(1, jobs), includeMaintenance: includeMaintenance, quiet: quiet)
            for line in skipped { ExitStatus.printError("postmortem: skipped: \(line)") }
            try OutputFile.writeAll(files, into: outputDir)
            for file in files { print("wrote \(outputDir)/\(file.name)") }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
