import ArgumentParser
import PostmortemIngest
import PostmortemPipeline
import PostmortemReports

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Statistics over every incident in a folder, each once however many captures hold it: durations (median, p90, longest), impact, provider, first-update delay, outage minutes and uptime per month by provider and component, a calendar heatmap per provider.")

    @Argument(help: "A folder of saved pages, feeds and postmortems.") var folder: String?
    @Option(help: "Read the merged incidents of this archive store instead of a folder.") var db: String?
    @Option(help: "The folder to write corpus.md, corpus.csv, corpus-monthly.csv, the SVG charts, an archive page per provider and index.html into.") var outputDir: String
    @Option(help: "Read this many files at once.") var jobs = 1
    @Option(help: "A date in or near the incidents (YYYY-MM-DD), for dates written without a year.") var referenceDate: String?
    @Flag(help: "Count scheduled maintenance in the outage figures (left out by default).") var includeMaintenance = false
    @Flag(help: "No progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    func validate() throws {
        if (folder == nil) == (db == nil) { throw ValidationError("give a folder or --db FILE (one of them)") }
    }

    func run() throws {
        do {
            let options = IngestOptions(referenceDate: try InputOptions.referenceDate(referenceDate))
            let (files, skipped): ([(name: String, contents: String)], [String])
            if let db {
                let incidents = try ReportPipeline.load(ReportRequest(inputs: [], database: db)).incidents
                (files, skipped) = (CorpusRun.files(incidents: incidents, skipped: [], includeMaintenance: includeMaintenance), [])
            } else {
                (files, skipped) = CorpusRun.files(
                    folder: folder ?? ".", ingest: options, jobs: max(1, jobs), includeMaintenance: includeMaintenance, quiet: quiet,
                    warn: { ExitStatus.printError("postmortem: warning: \($0)") })
            }
            for line in skipped { ExitStatus.printError("postmortem: skipped: \(line)") }
            try OutputFile.writeAll(files, into: outputDir)
            for file in files { print("wrote \(outputDir)/\(file.name)") }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
