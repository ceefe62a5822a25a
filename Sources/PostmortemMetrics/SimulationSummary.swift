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

    /// One scenario key and the value the run used.
    public struct Parameter: Sendable, Equatable, Codable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
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

    /// Whether every figure is within its tolerance.
    public var allWithinTolerance: Bool {
        figures.allSatisfy(\.withinTolerance)
    }
}
