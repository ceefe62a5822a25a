import ArgumentParser
import PostmortemMetrics
import PostmortemReports
import PostmortemPipeline
import RecoveryModel

/// `postmortem simulate <scenario>`: runs a recovery-model scenario and prints the figures
/// and series.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a recovery-model scenario and compare it with the published figures.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, markdown
    }

    @Argument(help: "A scenario YAML file, e.g. Fixtures/scenarios/ebs-2011.yaml.")
    var scenario: String

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(name: .customLong("set"), help: "Override a scenario key: --set cluster.spareCapacityFraction=0.5 (repeatable).")
    var overrides: [String] = []

    @Option(help: "Output format: json, csv or markdown.")
    var format: Format = .json

    func run() throws {
        do {
            let summary = try ScenarioRun.run(path: scenario, seed: seed, overrides: overrides)
            switch format {
            case .json: print(summary.json.serialized(), terminator: "")
            case .csv: print(summary.seriesTable.serialized(), terminator: "")
            case .markdown: print(summary.markdown, terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
