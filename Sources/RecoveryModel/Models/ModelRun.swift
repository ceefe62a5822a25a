import PostmortemMetrics
import PostmortemTimeline

/// What a model hands back to the engine: sampled series and named scalars. Figures are set
/// against these afterwards, by `Engine`, so a model never sees a published value.
public struct ModelRun: Sendable, Equatable {
    public var times: [Instant]
    public var series: [TimeSeries]
    /// Named scalar results (`api.brownout1.endMinutes`), in the order the model produced them.
    public var metrics: [(name: String, value: Double)]
    /// Human subjects for series that become curves: `stuckVolumesPercent` -> `EBS volumes stuck ...`.
    public var subjects: [(series: String, subject: String)]
    public var eventsProcessed: Int

    public init(times: [Instant], series: [TimeSeries], metrics: [(name: String, value: Double)],
                subjects: [(series: String, subject: String)], eventsProcessed: Int) {
        self.times = times
        self.series = series
        self.metrics = metrics
        self.subjects = subjects
        self.eventsProcessed = eventsProcessed
    }

    public static func == (lhs: ModelRun, rhs: ModelRun) -> Bool {
        lhs.times == rhs.times && lhs.series == rhs.series && lhs.eventsProcessed == rhs.eventsProcessed
            && lhs.metrics.map(\.name) == rhs.metrics.map(\.name) && lhs.metrics.map(\.value) == rhs.metrics.map(\.value)
    }

    /// A named scalar.
    public func metric(_ name: String) -> Double? {
        metrics.first { $0.name == name }?.value
    }
}
