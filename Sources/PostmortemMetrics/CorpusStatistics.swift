import PostmortemTimeline

/// Statistics over many incidents. Durations are heavy-tailed, so it reports the median, the
/// 90th percentile and the longest, never a mean time to recover.
public struct CorpusStatistics: Sendable, Equatable {
    public var incidentCount: Int
    /// Incidents with an impact window.
    public var measuredCount: Int
    public var medianDurationMinutes: Double?
    public var p90DurationMinutes: Double?
    public var longest: (title: String, minutes: Int)?
    public var byImpact: [(key: String, count: Int)]
    public var byProvider: [(key: String, count: Int)]
    /// First-update delays in minutes, for the incidents where both ends are known.
    public var firstUpdateDelays: [Int]
    /// Every measured duration, in minutes, sorted.
    public var durations: [Int]

    public static func == (lhs: CorpusStatistics, rhs: CorpusStatistics) -> Bool {
        lhs.incidentCount == rhs.incidentCount && lhs.durations == rhs.durations && lhs.firstUpdateDelays == rhs.firstUpdateDelays
            && lhs.byImpact.map(\.key) == rhs.byImpact.map(\.key) && lhs.byProvider.map(\.key) == rhs.byProvider.map(\.key)
    }

    public init(incidents: [Incident], metrics: [IncidentMetrics]) {
        incidentCount = incidents.count
        var measured: [(String, Int)] = []
        for item in metrics {
            if let window = item.window { measured.append((item.title, window.durationMinutes)) }
        }
        measuredCount = measured.count
        durations = measured.map(\.1).sorted()
        medianDurationMinutes = Self.percentile(durations, 0.5)
        p90DurationMinutes = Self.percentile(durations, 0.9)
        longest = measured.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }.map { (title: $0.0, minutes: $0.1) }
        byImpact = Self.tally(incidents.map { $0.impact ?? "unstated" })
        byProvider = Self.tally(incidents.map { $0.provider ?? "unknown" })
        firstUpdateDelays = metrics.compactMap(\.firstUpdateDelayMinutes).sorted()
    }

    /// Linear interpolation between closest ranks (the same rule as numpy's default).
    public static func percentile(_ sorted: [Int], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return Double(sorted[lower]) + (Double(sorted[upper]) - Double(sorted[lower])) * fraction
    }

    static func tally(_ keys: [String]) -> [(key: String, count: Int)] {
        var counts: [String: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        return counts.map { (key: $0.key, count: $0.value) }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }
}
