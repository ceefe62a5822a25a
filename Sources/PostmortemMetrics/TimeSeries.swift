import PostmortemTimeline

/// One simulated quantity sampled over time: `stuckVolumesPercent`, `apiErrorRatePercent`.
public struct TimeSeries: Sendable, Equatable, Codable {
    /// A stable column name.
    public var name: String
    /// The unit, for display: `percent`, `slots`, `servers`.
    public var unit: String
    /// One value per entry of the owning summary's `times`.
    public var values: [Double]

    public init(name: String, unit: String, values: [Double]) {
        self.name = name
        self.unit = unit
        self.values = values
    }
}
