import PostmortemTimeline

/// The share of something still affected over time: stuck volumes, stuck database instances.
///
/// A published curve (from a postmortem's figures) and a simulated one (from the recovery model)
/// are the same type, so reports draw both without knowing where either came from.
public struct RecoveryCurve: Sendable, Equatable, Codable {
    /// What the curve measures: `EBS volumes stuck in the affected AZ`.
    public var subject: String
    /// The unit of `value` (`percent` for shares).
    public var unit: ObservationUnit
    /// Points in time order.
    public var points: [CurvePoint]
    /// What is never recovered, when the source states it (drawn as a level, not a point in time).
    public var residual: Double?
    /// Where the curve came from: `published` or `simulated (seed 1)`.
    public var origin: String

    public init(subject: String, unit: ObservationUnit = .percent, points: [CurvePoint], residual: Double? = nil, origin: String) {
        self.subject = subject
        self.unit = unit
        self.points = points.sorted { $0.time < $1.time }
        self.residual = residual
        self.origin = origin
    }

    /// The highest point.
    public var peak: CurvePoint? {
        points.max { $0.value < $1.value }
    }

    /// The curve's value at `time`, interpolating linearly between the points around it.
    /// Before the first point or after the last, `nil`.
    public func value(at time: Instant) -> Double? {
        guard let first = points.first, let last = points.last, time >= first.time, time <= last.time else { return nil }
        for (a, b) in zip(points, points.dropFirst()) where time >= a.time && time <= b.time {
            let span = Double(a.time.seconds(until: b.time))
            guard span > 0 else { return b.value }
            let t = Double(a.time.seconds(until: time)) / span
            return a.value + (b.value - a.value) * t
        }
        return last.value
    }

    /// The first instant after the peak at which the curve falls to `level`, interpolating
    /// linearly between the published points on either side. `nil` when it never does.
    public func firstTime(atOrBelow level: Double) -> (time: Instant, interpolated: Bool)? {
        guard let peak, let peakIndex = points.firstIndex(of: peak) else { return nil }
        let after = Array(points[peakIndex...])
        for (a, b) in zip(after, after.dropFirst()) where b.value <= level {
            if a.value == level { return (a.time, false) }
            if b.value == level { return (b.time, false) }
            let fraction = (a.value - level) / (a.value - b.value)
            let seconds = Double(a.time.seconds(until: b.time)) * fraction
            return (a.time.adding(seconds: Int64(seconds.rounded())), true)
        }
        return nil
    }
}

/// One point of a recovery curve.
public struct CurvePoint: Sendable, Equatable, Hashable, Codable {
    public var time: Instant
    public var value: Double
    /// The sentence the point came from, for published points.
    public var note: String?

    public init(time: Instant, value: Double, note: String? = nil) {
        self.time = time
        self.value = value
        self.note = note
    }
}
