import PostmortemMetrics
import PostmortemTimeline

/// Shared drawing helpers for the project's SVG charts: fixed number formatting (so the bytes
/// never drift), escaping, and readable UTC time ticks.
enum SVGChart {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
    static let font = "font-family=\"Helvetica, Arial, sans-serif\""

    static func n(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1, trimZeros: true) }

    static func escape(_ text: String) -> String {
        XMLText.escape(text)
    }

    /// Tick instants at a round step (hours or days) between `start` and `end`, in UTC.
    static func timeTicks(from start: Instant, to end: Instant, maximum: Int = 8) -> [Instant] {
        let span = max(Int64(1), start.seconds(until: end))
        let steps: [Int64] = [900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800]
        let step = steps.first { span / $0 <= Int64(maximum) } ?? 604_800
        var tick = (start.secondsSinceEpoch + step - 1) / step * step
        var ticks: [Instant] = []
        while tick <= end.secondsSinceEpoch {
            ticks.append(Instant(secondsSinceEpoch: tick))
            tick += step
        }
        return ticks
    }

    /// `Apr 21 12:00` or `16:00` when all ticks fall on one day.
    static func tickLabel(_ instant: Instant, showDate: Bool) -> String {
        let c = instant.civil()
        let time = (c.hour < 10 ? "0" : "") + "\(c.hour):" + (c.minute < 10 ? "0" : "") + "\(c.minute)"
        guard showDate else { return time }
        return "\(CivilDate.monthAbbreviations[c.date.month - 1]) \(c.date.day) \(time)"
    }

    /// A "nice" upper bound for a value axis: 1, 2, 2.5 or 5 times a power of ten.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for factor in [1.0, 1.2, 1.5, 2.0, 2.5, 5.0, 10.0] where factor * power >= value { return factor * power }
        return 10 * power
    }
}
