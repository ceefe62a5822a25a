import PostmortemMetrics
import PostmortemTimeline
import RecoveryModel

/// `postmortem validate`: runs a scenario on seeds its calibration never used and scores every
/// figure, and for each fit figure recalibrates without it and predicts it.
public enum ScenarioValidation {
    /// Validates `path` on `seeds` (which must not include a calibration seed).
    /// - Parameters:
    ///   - leaveOneOut: also refit without each fit figure (one calibration per fit figure).
    ///   - quiet: no progress line (`ProgressMeter`, shown only on a terminal).
    /// - Throws: `ScenarioError` for a bad scenario, or `.invalidValue` on `--seeds` naming a calibration seed.
    public static func run(path: String, seeds: [UInt64], overrides: [String] = [], leaveOneOut: Bool, jobs: Int,
                           quiet: Bool = true) throws(ScenarioError) -> ValidationSummary {
        let scenario = try Scenario.load(path: path).applying(overrides: try ScenarioRun.overrides(overrides, file: path))
        if let reused = seeds.first(where: scenario.calibrationSeeds.contains) {
            throw .invalidValue(file: path, line: nil, key: "--seeds",
                                message: "seed \(reused) is a calibration seed (calibration.seeds); validate on unseen seeds only")
        }
        let fitNames = scenario.figures.filter { $0.role == .fit }.map(\.name)
        let runsPerFigure = leaveOneOut ? fitNames.count : 0
        let report = ProgressMeter.forTerminal(label: "validate \(scenario.name)", total: seeds.count * (1 + runsPerFigure), unit: "runs", quiet: quiet)
        defer { report.finish() }
        let summaries = try runs(scenario, seeds: seeds, jobs: jobs, progress: report)
        var figures: [ValidationSummary.Figure] = []
        for (index, figure) in scenario.figures.enumerated() {
            let values = summaries.map { $0.figures[index].computed }
            figures.append(ValidationSummary.Figure(
                name: figure.name, role: figure.role?.rawValue ?? "", published: figure.value, tolerance: figure.tolerance,
                unit: figure.unit, precision: figure.precision, values: values))
        }
        if leaveOneOut {
            for name in fitNames {
                guard let index = scenario.figures.firstIndex(where: { $0.name == name }) else { continue }
                let refitted = try refit(scenario, without: name)
                let predicted = try runs(refitted.scenario, seeds: seeds, jobs: jobs, progress: report)
                let figure = scenario.figures[index]
                figures[index].leaveOneOut = ValidationSummary.LeaveOneOut(
                    refitted: refitted.values, values: predicted.map { $0.figures[index].computed },
                    published: figure.value, tolerance: figure.tolerance)
            }
        }
        let calibrated = scenario.calibratedKeys.map { key in
            SimulationSummary.Parameter(key: key, value: scenario.value(key) ?? "", source: "calibrated")
        }
        return ValidationSummary(scenario: scenario.name, seeds: seeds, calibrationSeeds: scenario.calibrationSeeds,
                                 calibrated: calibrated, figures: figures)
    }

    static func runs(_ scenario: Scenario, seeds: [UInt64], jobs: Int, progress: ProgressMeter?) throws(ScenarioError) -> [SimulationSummary] {
        let results = ParallelMap.map(seeds, jobs: jobs) { seed in
            defer { progress?.advance() }
            return Result { () throws(ScenarioError) -> SimulationSummary in try Engine.run(scenario, seed: seed) }
        }
        var summaries: [SimulationSummary] = []
        for result in results { summaries.append(try result.get()) }
        return summaries
    }

    /// The scenario recalibrated without one fit figure, from a start 20% below the calibrated
    /// values, so the refit has to find its own way rather than stay where the figure put it.
    static func refit(_ scenario: Scenario, without name: String) throws(ScenarioError) -> (scenario: Scenario, values: [SimulationSummary.Parameter]) {
        var start: [(key: String, value: String)] = []
        for key in scenario.calibratedKeys {
            guard let text = scenario.value(key), let value = Double(text) else { continue }
            let low = Int(text) != nil ? (value * 0.8).rounded() : value * 0.8
            start.append((key, Calibrator.format(low)))
        }
        let detuned = try scenario.applying(overrides: start)
        let calibrator = try Calibrator(declaredBy: scenario, rounds: 2, excluded: [name])
        let outcome = try calibrator.calibrate(detuned)
        let refitted = try scenario.applying(overrides: outcome.values.map { ($0.key, $0.value) })
        return (refitted, outcome.values.map { SimulationSummary.Parameter(key: $0.key, value: $0.value, source: "calibrated") })
    }
}
