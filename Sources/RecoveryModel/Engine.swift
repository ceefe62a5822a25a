import PostmortemMetrics
import PostmortemTimeline

/// Runs a scenario's model and sets the published figures against the simulated values.
///
/// The model sees only the parameters; the figures are read here, after the run, so nothing
/// the postmortem published can leak into the simulation.
public enum Engine {
    /// The models a scenario's `model` key may name.
    public static let models = ["ebs-cluster", "gossip"]

    /// Runs `scenario` with `seed`.
    public static func run(_ scenario: Scenario, seed: UInt64) throws(ScenarioError) -> SimulationSummary {
        var reader = ParameterReader(scenario)
        let run: ModelRun
        switch scenario.model {
        case "ebs-cluster":
            let parameters = try EBSParameters(reading: &reader)
            try reader.rejectUnread()
            run = EBSClusterModel(parameters: parameters, seed: seed).run()
        case "gossip":
            let parameters = try GossipParameters(reading: &reader)
            try reader.rejectUnread()
            run = GossipModel(parameters: parameters, seed: seed).run()
        default:
            throw .invalidValue(file: scenario.file, line: nil, key: "model",
                                message: "'\(scenario.model)' is not one of \(models.joined(separator: ", "))")
        }
        try checkProvenance(scenario)
        return try summarize(scenario, run: run, seed: seed)
    }

    /// Every parameter must say where it comes from and every figure what it is for, so a
    /// report can tell what was fitted from what was predicted.
    static func checkProvenance(_ scenario: Scenario) throws(ScenarioError) {
        if let bare = scenario.parameters.first(where: { $0.provenance == nil }) {
            throw .invalidValue(file: scenario.file, line: bare.line, key: bare.key,
                                message: "the value does not say where it comes from: write {value: ..., source: postmortem|public|assumed|calibrated, quote|citation|reason: ...}")
        }
        if let index = scenario.figures.firstIndex(where: { $0.role == nil }) {
            throw .missingKey(file: scenario.file, key: "figures[\(index)].role")
        }
    }

    static func summarize(_ scenario: Scenario, run: ModelRun, seed: UInt64) throws(ScenarioError) -> SimulationSummary {
        var figures: [FigureComparison] = []
        var published: [String: [CurvePoint]] = [:]
        var residuals: [String: Double] = [:]
        for (index, figure) in scenario.figures.enumerated() {
            let simulated = try simulatedValue(of: figure, index: index, in: run, file: scenario.file)
            figures.append(FigureComparison(name: figure.name, published: figure.value, computed: simulated,
                                            tolerance: figure.tolerance, unit: figure.unit, source: figure.source,
                                            role: figure.role?.rawValue))
            guard let series = figure.series else { continue }
            if figure.measure == .at, let at = figure.at {
                published[series, default: []].append(CurvePoint(time: at, value: figure.value, note: figure.source))
            } else if figure.measure == .final {
                residuals[series] = figure.value
            }
        }
        var curves: [RecoveryCurve] = []
        for (name, subject) in run.subjects {
            guard let series = run.series.first(where: { $0.name == name }) else { continue }
            let points = zip(run.times, series.values).map { CurvePoint(time: $0, value: $1) }
            curves.append(RecoveryCurve(subject: subject, points: points, residual: series.values.last,
                                        origin: "simulated (seed \(seed))"))
            if published[name] != nil || residuals[name] != nil {
                curves.append(RecoveryCurve(subject: subject, points: published[name] ?? [],
                                            residual: residuals[name], origin: "published"))
            }
        }
        var summary = SimulationSummary(
            scenario: scenario.name, model: scenario.model, seed: seed,
            parameters: scenario.parameters.map { entry in
                entry.overridden
                    ? SimulationSummary.Parameter(key: entry.key, value: entry.value, source: "override", note: "set with --set")
                    : SimulationSummary.Parameter(key: entry.key, value: entry.value, source: entry.provenance?.source.rawValue,
                                                  note: entry.provenance?.note)
            },
            figures: figures, times: run.times, series: run.series, curves: curves,
            eventsProcessed: run.eventsProcessed)
        summary.calibrationSeeds = scenario.calibrationSeeds
        return summary
    }

    static func simulatedValue(of figure: PublishedFigure, index: Int, in run: ModelRun,
                               file: String) throws(ScenarioError) -> Double {
        if figure.measure == .metric {
            guard let value = run.metric(figure.name) else {
                let names = run.metrics.map(\.name).joined(separator: ", ")
                throw .invalidValue(file: file, line: nil, key: "figures[\(index)].name",
                                    message: "the model reports no metric '\(figure.name)' (it has \(names))")
            }
            return value
        }
        guard let name = figure.series, let series = run.series.first(where: { $0.name == name }) else {
            let names = run.series.map(\.name).joined(separator: ", ")
            throw .invalidValue(file: file, line: nil, key: "figures[\(index)].series",
                                message: "the model has no series '\(figure.series ?? "")' (it has \(names))")
        }
        switch figure.measure {
        case .peak:
            return series.values.max() ?? .nan
        case .final:
            return series.values.last ?? .nan
        case .at, .metric:
            guard let at = figure.at else { return .nan }
            let points = zip(run.times, series.values).map { CurvePoint(time: $0, value: $1) }
            return RecoveryCurve(subject: name, points: points, origin: "simulated").value(at: at) ?? .nan
        }
    }
}
