import PostmortemTimeline

/// A figure a postmortem published, with the sentence it comes from. The model never reads
/// these: they are compared with the simulated values after the run.
public struct PublishedFigure: Sendable, Equatable, Codable {
    /// The stable name the model computes a value for: `ebs.stuck.apr22`.
    public var name: String
    public var value: Double
    public var tolerance: Double
    public var unit: String
    /// The quoted sentence.
    public var source: String
    /// How the simulated value is taken from the run.
    public var measure: Measure
    /// The simulated series the figure is read from (`at`, `peak`, `final`).
    public var series: String?
    /// The instant for `at`.
    public var at: Instant?
    /// Whether calibration may use it (`fit`), never sees it (`predicted`) or it restates an
    /// input (`echo`). `Engine.run` refuses a scenario with a figure without a role.
    public var role: FigureRole?
    /// How the tolerance follows the published precision ("about 13%": ±2 points).
    public var precision: String?

    /// How a figure's simulated value is read after the run.
    public enum Measure: String, Sendable, Equatable, Codable, CaseIterable {
        /// The series' value at an instant (linear between samples).
        case at
        /// The series' maximum.
        case peak
        /// The series' last value: what was never recovered.
        case final
        /// A scalar the model reports under the figure's name.
        case metric
    }

    public init(name: String, value: Double, tolerance: Double, unit: String, source: String,
                measure: Measure, series: String? = nil, at: Instant? = nil) {
        self.name = name
        self.value = value
        self.tolerance = tolerance
        self.unit = unit
        self.source = source
        self.measure = measure
        self.series = series
        self.at = at
    }
}
