import ArgumentParser
import PostmortemMetrics
import PostmortemReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write Markdown, CSV, JSON and SVG reports for each incident.")

    @OptionGroup var input: InputOptions
    @OptionGroup var credit: CreditOptions
    @Option(help: "The folder to write the reports into (created if needed).") var outputDir: String

    mutating func validate() throws {
        if input.inputs.isEmpty { throw ValidationError("give at least one input") }
    }

    func run() throws {
        do {
            let (incidents, warnings) = try input.load()
            var files: [(name: String, contents: String)] = []
            for incident in incidents {
                let metrics = IncidentMetrics(incident: incident)
                let (credits, notes) = try credit.assessments(for: incident, metrics: metrics)
                let own = warnings.filter { incident.sources.contains($0.location.file) }
                let report = IncidentReport(incident: incident, metrics: metrics, credits: credits, creditNotes: notes, warnings: own)
                files += report.files()
            }
            try OutputFile.writeAll(files, into: outputDir)
            for file in files { print("wrote \(outputDir)/\(file.name)") }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
