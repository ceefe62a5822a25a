/// How a scenario's figures hold on seeds the calibration never used: per figure its role,
/// the mean and spread of the simulated values, and how many runs land within tolerance; for
/// `fit` figures also the leave-one-out result (recalibrated without the figure, then predicted).
public struct ValidationSummary: Sendable, Equatable, Codable {
    public var scenario: String
    /// The seeds scored (none of them a calibration seed).
    public var seeds: [UInt64]
    public var calibrationSeeds: [UInt64]
    /// The calibrated keys and their values in the scenario.
    public var calibrated: [SimulationSummary.Parameter]
    public var figures: [Figure]

    /// One published figure over the validation seeds.
    public struct Figure: Sendable, Equatable, Codable {
        public var name: String
        /// `fit`, `predicted` or `echo`.
        public var role: String
        public var published: Double
        public var tolerance: Double
        public var unit: String
        /// How the tolerance follows the published precision, when the scenario says.
        public var precision: String?
        public var mean: Double
        /// Sample standard deviation over the runs (0 for one run).
        public var standardDeviation: Double
        /// Runs within tolerance, of `runs`.
        public var within: Int
        public var runs: Int
        public var leaveOneOut: LeaveOneOut?

        public init(name: String, role: String, published: Double, tolerance: Double, unit: String, precision: String?,
                    values: [Double]) {
            self.name = name
            self.role = role
            self.published = published
            self.tolerance = tolerance
            self.unit = unit
            self.precision = precision
            let finite = values.filter(\.isFinite)
            runs = values.count
            within = finite.filter { abs($0 - published) <= tolerance + 1e-9 }.count
            mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
            if finite.count > 1 {
                let m = mean
                standardDeviation = (finite.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(finite.count - 1)).squareRoot()
            } else {
                standardDeviation = 0
            }
        }
    }

    /// A fit figure predicted by a calibration that did not see it.
    public struct LeaveOneOut: Sendable, Equatable, Codable {
        /// The calibrated keys' values refitted without the figure.
        public var refitted: [SimulationSummary.Parameter]
        public var mean: Double
        public var within: Int
        public var runs: Int

        public init(refitted: [SimulationSummary.Parameter], values: [Double], published: Double, tolerance: Double) {
            self.refitted = refitted
            let finite = values.filter(\.isFinite)
            runs = values.count
            within = finite.filter { abs($0 - published) <= tolerance + 1e-9 }.count
            mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        }
    }

    public init(scenario: String, seeds: [UInt64], calibrationSeeds: [UInt64], calibrated: [SimulationSummary.Parameter],
                figures: [Figure]) {
        self.scenario = scenario
        self.seeds = seeds
        self.calibrationSeeds = calibrationSeeds
        self.calibrated = calibrated
        self.figures = figures
    }
}
