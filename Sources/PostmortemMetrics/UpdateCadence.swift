import PostmortemTimeline

/// How often the provider posted updates.
public struct UpdateCadence: Sendable, Equatable, Codable {
    /// Number of posted updates.
    public var count: Int
    /// Median gap between consecutive updates, in minutes (`nil` with fewer than two updates).
    public var medianGapMinutes: Double?
    /// Longest gap between consecutive updates, in minutes.
    public var longestGapMinutes: Int?
    /// When the longest gap began.
    public var longestGapStart: Instant?

    public init(updates: [Instant]) {
        let times = updates.sorted()
        count = times.count
        let gaps = zip(times, times.dropFirst()).map { $0.minutes(until: $1) }
        guard !gaps.isEmpty else {
            medianGapMinutes = nil
            longestGapMinutes = nil
            longestGapStart = nil
            return
        }
        let sorted = gaps.sorted()
        let middle = sorted.count / 2
        medianGapMinutes = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        var longest = 0
        for index in gaps.indices where gaps[index] > gaps[longest] { longest = index }
        longestGapMinutes = gaps[longest]
        longestGapStart = times[longest]
    }
}
