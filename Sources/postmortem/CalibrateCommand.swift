import ArgumentParser
import Foundation
import RecoveryModel

/// `postmortem calibrate <scenario> --key K...`: fits a few physical parameters to the
/// published figures over several seeds and, with `--write`, stores them in the scenario file.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit physical parameters of a scenario to its published figures.")

    @Argument(help: "A scenario YAML file.")
    var scenario: String

    @Option(name: .customLong("key"), help: "A numeric parameter to fit (repeatable).")
    var keys: [String] = []

    @Option(name: .customLong("seed"), help: "A seed the fit must hold for (repeatable; default 1 and 7).")
    var seeds: [UInt64] = []

    @Option(help: "Passes over the keys.")
    var rounds: Int = 2

    @Flag(help: "Write the fitted values into the scenario file.")
    var write = false

    func run() throws {
        do {
            let loaded = try Scenario.load(path: scenario)
            let calibrator = Calibrator(keys: keys, seeds: seeds.isEmpty ? [1, 7] : seeds, rounds: max(1, rounds))
            let outcome = try calibrator.calibrate(loaded)
            for value in outcome.values { print("\(value.key): \(value.value)") }
            print("loss: \(outcome.initialLoss) -> \(outcome.finalLoss)")
            if write {
                let text = try String(contentsOfFile: scenario, encoding: .utf8)
                try Calibrator.rewrite(text, original: loaded, values: outcome.values)
                    .write(toFile: scenario, atomically: true, encoding: .utf8)
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
