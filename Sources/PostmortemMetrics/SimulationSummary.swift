import PostmortemTimeline

/// The result of one simulation run: what was run, the published figures set against the
/// simulated ones, the sampled series and the curves a report draws.
public struct SimulationSummary: Sendable, Equatable, Codable {
    /// The scenario's name: `ebs-2011`.
    public var scenario: String
    /// The model that ran: `ebs-cluster`, `gossip`.
    public var model: String
    public var seed: UInt64
    /// Every parameter the run used, as text, in the scenario's key order.
    public var parameters: [Parameter]
    public var figures: [FigureComparison]
    /// Sample instants shared by all `series`.
    public var times: [Instant]
    public var series: [TimeSeries]
    /// Simulated curves (origin `simulated (seed N)`) and published points (origin `published`).
    public var curves: [RecoveryCurve]
    /// Events the engine processed.
    public var eventsProcessed: Int
    /// Stored form of `calibrationSeeds` (absent in summaries from before figure roles).
    public var calibrationSeedList: [UInt64]?

    /// One scenario key and the value the run used.
    public struct Parameter: Sendable, Equatable, Codable {
        public var key: String
        public var value: String
        /// Where the value comes from: `postmortem`, `public`, `assumed`, `calibrated`, or
        /// `override` for a value set with `--set`.
        public var source: String?
        /// The quote (postmortem), citation (public) or reason (assumed) behind the value.
        public var note: String?

        public init(key: String, value: String, source: String? = nil, note: String? = nil) {
            self.key = key
            self.value = value
            self.source = source
            self.note = note
        }

        /// The JSON key the note goes under: `quote`, `citation` or `reason`.
        public var noteKey: String {
            switch source {
            case "postmortem": return "quote"
            case "public": return "citation"
            default: return "reason"
            }
        }
    }

    public init(scenario: String, model: String, seed: UInt64, parameters: [Parameter],
                figures: [FigureComparison], times: [Instant], series: [TimeSeries],
                curves: [RecoveryCurve], eventsProcessed: Int) {
        self.scenario = scenario
        self.model = model
        self.seed = seed
        self.parameters = parameters
        self.figures = figures
        self.times = times
        self.series = series
        self.curves = curves
        self.eventsProcessed = eventsProcessed
    }

    /// The comparison for a figure name.
    public func figure(named name: String) -> FigureComparison? {
        figures.first { $0.name == name }
    }

    /// The series with a name.
    public func series(named name: String) -> TimeSeries? {
        series.first { $0.name == name }
    }

    /// Whether every scored figure (all but `echo` ones) is within its tolerance.
    public var allWithinTolerance: Bool {
        scoredFigures.allSatisfy(\.withinTolerance)
    }

    /// The figures that count as agreement: `fit` and `predicted`, not `echo` (which restate an input).
    public var scoredFigures: [FigureComparison] {
        figures.filter { $0.role != "echo" }
    }

    /// Seeds the scenario's calibrated parameters were fitted on, when it declares them.
    public var calibrationSeeds: [UInt64] {
        get { calibrationSeedList ?? [] }
        set { calibrationSeedList = newValue.isEmpty ? nil : newValue }
    }
}
