import ArgumentParser
import PostmortemPipeline
import PostmortemReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write Markdown, CSV, JSON, SVG and HTML reports for each incident, with an index.html for the folder.",
        discussion: "With --update, regenerate every report listed in a reports folder's manifest.yaml instead.")

    @OptionGroup var input: InputOptions
    @OptionGroup var credit: CreditOptions
    @Option(help: "The folder to write the reports into (created if needed).") var outputDir: String?
    @Flag(help: "Rewrite the reports listed in --manifest-dir's manifest.yaml.") var update = false
    @Option(help: "The reports folder holding manifest.yaml, for --update.") var manifestDir = "Reports"
    @Option(help: "For a scenario input: the random seed.") var seed: UInt64 = 1
    @Option(name: .customLong("set"), help: "For a scenario input: override a scenario key (key=value, repeatable).") var overrides: [String] = []

    mutating func validate() throws {
        if update { return }
        if input.inputs.isEmpty { throw ValidationError("give at least one input (or --update)") }
        if outputDir == nil { throw ValidationError("give --output-dir DIR") }
    }

    func run() throws {
        do {
            if update {
                let outcomes = try ReportRegeneration.update(folder: manifestDir)
                var failed = false
                for outcome in outcomes {
                    if let failure = outcome.failure {
                        ExitStatus.printError("postmortem: \(manifestDir)/\(outcome.name): \(failure)")
                        failed = true
                    } else {
                        print("updated \(manifestDir)/\(outcome.name) (\(outcome.files.count) files)")
                    }
                }
                if failed { throw ExitStatus.badInput }
                return
            }
            // A scenario file gets the simulation report; incident sources the incident reports.
            let scenarios = input.inputs.filter(ScenarioRun.isScenario)
            var sources = input
            sources.inputs = input.inputs.filter { !ScenarioRun.isScenario($0) }
            let request = sources.inputs.isEmpty ? nil : try sources.request(credit: credit)
            let files = try ReportPipeline.files(for: request, scenarios: scenarios, seed: seed, overrides: overrides)
            let folder = outputDir ?? "."
            try OutputFile.writeAll(files, into: folder)
            for file in files { print("wrote \(folder)/\(file.name)") }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
