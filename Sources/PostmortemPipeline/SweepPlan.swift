import PostmortemMetrics
import PostmortemReports
import PostmortemTimeline
import RecoveryModel

/// A what-if grid over a scenario: every combination of the parameter values, each run with
/// every seed. Points vary slowest in the order the parameters are given, seeds fastest.
public struct SweepPlan: Sendable, Equatable {
    public var scenario: String
    public var parameters: [(key: String, values: [String])]
    public var seeds: [UInt64]

    public static func == (lhs: SweepPlan, rhs: SweepPlan) -> Bool {
        lhs.scenario == rhs.scenario && lhs.seeds == rhs.seeds && lhs.parameters.map(\.key) == rhs.parameters.map(\.key)
            && lhs.parameters.map(\.values) == rhs.parameters.map(\.values)
    }

    /// One run of the grid.
    public struct Run: Sendable, Equatable {
        public var point: Int
        public var seed: UInt64
        public var settings: [String]
    }

    /// Parses `--param key=v1,v2,...` or `key=lo:hi:step` and `--seeds 1-20` (or `1,7`).
    /// - Throws: `ScenarioError.invalidValue` naming the text that is wrong.
    public init(scenario: String, params: [String], seeds: String) throws(ScenarioError) {
        self.scenario = scenario
        var parsed: [(key: String, values: [String])] = []
        for (key, text) in try ScenarioRun.overrides(params, file: scenario, option: "--param") {
            parsed.append((key, try Self.values(text, key: key, file: scenario)))
        }
        parameters = parsed
        self.seeds = try Self.seedList(seeds, file: scenario)
    }

    public static func values(_ text: String, key: String, file: String) throws(ScenarioError) -> [String] {
        let range = text.split(separator: ":")
        if range.count == 3, let low = Double(range[0]), let high = Double(range[1]), let step = Double(range[2]) {
            guard step > 0, high >= low, (high - low) / step <= 10_000 else {
                throw .invalidValue(file: file, line: nil, key: key, message: "'\(text)' is not lo:hi:step with a positive step and at most 10,000 points")
            }
            let count = Int(((high - low) / step + 1e-9).rounded(.down))
            return (0...count).map { NumberFormat.fixed(low + Double($0) * step, decimals: 6, trimZeros: true) }
        }
        let list = text.split(separator: ",").map(String.init)
        guard !list.isEmpty, !list.contains(where: \.isEmpty) else {
            throw .invalidValue(file: file, line: nil, key: key, message: "'\(text)' is not a list v1,v2,... or a range lo:hi:step")
        }
        return list
    }

    public static func seedList(_ text: String, file: String) throws(ScenarioError) -> [UInt64] {
        var seeds: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 2, let low = UInt64(bounds[0]), let high = UInt64(bounds[1]) {
                guard low <= high else {
                    throw .invalidValue(file: file, line: nil, key: "--seeds", message: "'\(part)' runs backwards; write the lower seed first (\(high)-\(low))")
                }
                guard high - low < 100_000 else {
                    throw .invalidValue(file: file, line: nil, key: "--seeds", message: "'\(part)' is \(high - low + 1) seeds; at most 100,000 at once")
                }
                seeds += Array(low...high)
            } else if bounds.count == 1, let seed = UInt64(bounds[0]) {
                seeds.append(seed)
            } else {
                throw .invalidValue(file: file, line: nil, key: "--seeds", message: "'\(text)' is not a seed list such as 1-20 or 1,7")
            }
        }
        guard !seeds.isEmpty else { throw .invalidValue(file: file, line: nil, key: "--seeds", message: "no seeds given") }
        return seeds
    }

    /// Every run of the grid, in order.
    public var runs: [Run] {
        var points: [[String]] = [[]]
        for parameter in parameters {
            points = points.flatMap { prefix in parameter.values.map { prefix + ["\(parameter.key)=\($0)"] } }
        }
        var runs: [Run] = []
        for (index, settings) in points.enumerated() {
            for seed in seeds { runs.append(Run(point: index + 1, seed: seed, settings: settings)) }
        }
        return runs
    }

    /// Runs `runs` (a shard of them, or all), `jobs` at a time, and returns the CSV: one row
    /// per point and seed with the parameter values and every simulated figure.
    /// Unless `quiet`, the progress line shows on a terminal (`ProgressMeter`).
    public func csv(runs selected: [Run], jobs: Int, quiet: Bool = true) throws(ScenarioError) -> String {
        let report = ProgressMeter.forTerminal(label: "sweep", total: selected.count, unit: "runs", quiet: quiet)
        defer { report.finish() }
        let results = ParallelMap.map(selected, jobs: jobs) { run in
            defer { report.advance() }
            return Result { () throws(ScenarioError) -> SimulationSummary in
                try ScenarioRun.run(path: scenario, seed: run.seed, overrides: run.settings)
            }
        }
        var summaries: [SimulationSummary] = []
        for result in results { summaries.append(try result.get()) }
        // Column names come from the scenario, so an empty shard still writes the same header.
        let figureNames = try Scenario.load(path: scenario).figures.map(\.name)
        var table = CSVTable(
            header: ["point", "seed"] + parameters.map(\.key) + figureNames + ["figures_within_tolerance", "figures", "events"])
        for (run, summary) in zip(selected, summaries) {
            let values = run.settings.map { String($0.split(separator: "=", maxSplits: 1).last ?? "") }
            let figures = figureNames.map { name in
                summary.figure(named: name).map { $0.computed.isFinite ? NumberFormat.fixed($0.computed, decimals: 4, trimZeros: true) : "" } ?? ""
            }
            table.append(
                [String(run.point), String(run.seed)] + values + figures
                    + [String(summary.figures.filter(\.withinTolerance).count), String(summary.figures.count), String(summary.eventsProcessed)])
        }
        return table.serialized()
    }
}
