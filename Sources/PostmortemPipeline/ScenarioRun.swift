import PostmortemMetrics
import PostmortemReports
import RecoveryModel

/// Runs recovery-model scenarios for `simulate`, `report`, `sweep` and manifest entries.
public enum ScenarioRun {
    /// Splits `key=value` overrides, given with `option` (`--set`, `--param`).
    /// - Throws: `ScenarioError.invalidValue` for text without `=`.
    public static func overrides(_ texts: [String], file: String, option: String = "--set") throws(ScenarioError) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for text in texts {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw .invalidValue(file: file, line: nil, key: text, message: "\(option) expects key=value")
            }
            pairs.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
        }
        return pairs
    }

    /// Loads `path` (relative paths against `root`), applies the overrides and runs it with `seed`.
    public static func run(path: String, seed: UInt64, overrides: [String], root: String = ".") throws(ScenarioError) -> SimulationSummary {
        let scenario = try Scenario.load(path: ReportManifest.resolve(path, root: root), named: path)
            .applying(overrides: try Self.overrides(overrides, file: path))
        return try Engine.run(scenario, seed: seed)
    }

    /// The report files of one run, with the folder's `index.html`; with `validateSeeds`, also
    /// `<scenario>-validation.md`: every figure scored on those seeds, so the report carries the
    /// evidence for its predicted figures and not one seed's agreement only.
    public static func reportFiles(path: String, seed: UInt64, overrides: [String], validateSeeds: String? = nil,
                                   root: String = ".") throws(ScenarioError) -> [(name: String, contents: String)] {
        let summary = try run(path: path, seed: seed, overrides: overrides, root: root)
        var files = ReportFolder(simulations: [summary]).files()
        if let validateSeeds {
            let seeds = try SweepPlan.seedList(validateSeeds, file: path)
            let validation = try ScenarioValidation.run(path: ReportManifest.resolve(path, root: root), seeds: seeds, overrides: overrides,
                                                        leaveOneOut: false, jobs: 2)
            files.append(("\(summary.scenario)-validation.md", validation.markdown))
        }
        return files
    }

    /// Whether a path names a scenario file rather than an incident source.
    public static func isScenario(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }
}
