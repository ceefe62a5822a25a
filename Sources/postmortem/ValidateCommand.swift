import ArgumentParser
import PostmortemPipeline
import PostmortemReports

/// `postmortem validate <scenario> --seeds 11-30`: scores every figure on seeds calibration
/// never used, with leave-one-out for the fit figures.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Score a scenario's figures on unseen seeds: role, mean, sd, runs within tolerance, leave-one-out for fit figures.")

    @Argument(help: "A scenario YAML file.") var scenario: String
    @Option(help: "Seeds to score, none of them a calibration seed: 11-30, or 11,12.") var seeds = "11-30"
    @Option(name: .customLong("set"), help: "Override a scenario key (repeatable).") var overrides: [String] = []
    @Flag(inversion: .prefixedNo, help: "Refit without each fit figure and predict it (one calibration per fit figure).")
    var leaveOneOut = true
    @Option(help: "Runs at once (output is the same for any number).") var jobs = 1
    @Option(help: "Output format: markdown or json.") var format: Format = .markdown
    @Flag(help: "No progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    func run() throws {
        do {
            guard jobs >= 1 else { throw UsageError(message: "--jobs must be at least 1") }
            let seedList = try SweepPlan.seedList(seeds, file: scenario)
            let summary = try ScenarioValidation.run(path: scenario, seeds: seedList, overrides: overrides, leaveOneOut: leaveOneOut,
                                                     jobs: jobs, quiet: quiet)
            switch format {
            case .markdown: print(summary.markdown, terminator: "")
            case .json: print(summary.json.serialized(), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
