import ArgumentParser
import Foundation
import RecoveryModel

/// `postmortem calibrate <scenario>`: fits the scenario's `calibrated` parameters to its `fit`
/// figures on its calibration seeds and, with `--write`, stores them in the scenario file.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a scenario's calibrated parameters to its fit figures (never its predicted ones).")

    @Argument(help: "A scenario YAML file.")
    var scenario: String

    @Option(name: .customLong("key"), help: "A numeric parameter to fit (repeatable; default the scenario's calibrated keys).")
    var keys: [String] = []

    @Option(name: .customLong("seed"), help: "A seed the fit must hold for (repeatable; default the scenario's calibration.seeds).")
    var seeds: [UInt64] = []

    @Option(help: "Passes over the keys.")
    var rounds: Int = 2

    @Flag(help: "Write the fitted values into the scenario file.")
    var write = false

    func run() throws {
        do {
            let loaded = try Scenario.load(path: scenario)
            var calibrator = try Calibrator(declaredBy: loaded, rounds: max(1, rounds))
            if !keys.isEmpty { calibrator.keys = keys }
            if !seeds.isEmpty { calibrator.seeds = seeds }
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
