import PostmortemTimeline

extension RecoveryCurve {
    /// One published curve per subject, from the observations that are points on a curve
    /// (peak, point, residual), in the order the subjects first appear.
    public static func published(from observations: [Observation]) -> [RecoveryCurve] {
        var subjects: [String] = []
        var points: [String: [CurvePoint]] = [:]
        var residuals: [String: Double] = [:]
        var units: [String: ObservationUnit] = [:]
        for observation in observations {
            switch observation.role {
            case .peak, .point:
                guard let time = observation.time else { continue }
                if !subjects.contains(observation.subject) { subjects.append(observation.subject) }
                points[observation.subject, default: []].append(CurvePoint(time: time, value: observation.value, note: observation.text))
                units[observation.subject] = observation.unit
            case .residual:
                if !subjects.contains(observation.subject) { subjects.append(observation.subject) }
                residuals[observation.subject] = observation.value
                units[observation.subject] = observation.unit
            case .increment, .aside:
                continue
            }
        }
        return subjects.compactMap { subject in
            guard let curvePoints = points[subject], !curvePoints.isEmpty else { return nil }
            return RecoveryCurve(
                subject: subject, unit: units[subject] ?? .percent, points: curvePoints, residual: residuals[subject], origin: "published")
        }
    }
}

/// Figures derived from a recovery curve.
public struct CurveSummary: Sendable, Equatable, Codable {
    public var subject: String
    public var peak: Double?
    public var peakTime: Instant?
    /// When half of the peak had recovered.
    public var halfRecovered: Instant?
    public var halfRecoveredInterpolated: Bool
    /// When 90% of the peak had recovered.
    public var ninetyPercentRecovered: Instant?
    public var ninetyPercentRecoveredInterpolated: Bool
    /// What never recovered.
    public var residual: Double?

    public init(curve: RecoveryCurve) {
        subject = curve.subject
        peak = curve.peak?.value
        peakTime = curve.peak?.time
        residual = curve.residual
        let half = curve.peak.flatMap { curve.firstTime(atOrBelow: $0.value * 0.5) }
        let ninety = curve.peak.flatMap { curve.firstTime(atOrBelow: $0.value * 0.1) }
        halfRecovered = half?.time
        halfRecoveredInterpolated = half?.interpolated ?? false
        ninetyPercentRecovered = ninety?.time
        ninetyPercentRecoveredInterpolated = ninety?.interpolated ?? false
    }
}
