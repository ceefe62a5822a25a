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

    /// Round upper bounds for a value axis as multiples of a power of ten, each with the number
    /// of grid steps that gives round labels (60 in six steps of 10, 80 in four of 20).
    static let ceilings: [(factor: Double, steps: Int)] = [
        (1, 5), (1.2, 6), (1.5, 5), (2, 4), (2.5, 5), (3, 6), (4, 4), (5, 5), (6, 6), (8, 4), (10, 5),
    ]

    /// A "nice" upper bound for a value axis, the smallest of `ceilings` at or above `value`
    /// (data peaking at 51 gets an axis to 60, not 100).
    static func niceCeiling(_ value: Double) -> Double {
        niceAxis(value).ceiling
    }

    /// The nice upper bound for `value` and how many grid steps divide it into round labels.
    static func niceAxis(_ value: Double) -> (ceiling: Double, steps: Int) {
        guard value > 0 else { return (1, 5) }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for entry in ceilings where entry.factor * power >= value { return (entry.factor * power, entry.steps) }
        return (10 * power, 5)
    }

    /// The advance width of a label in the charts' sans-serif face, estimated at 0.56 em a
    /// character: SVG has no way to measure text before a renderer draws it, and the estimate
    /// only has to keep labels inside the canvas.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.56
    }

    /// The `text-anchor` that keeps a label centred on `x` unless that would cut it at an edge
    /// of `bounds`, where it is aligned to that edge instead (the last tick's "Jul 21 02:00").
    static func anchor(_ text: String, at x: Double, fontSize: Double, within bounds: ClosedRange<Double>) -> String {
        let half = textWidth(text, fontSize: fontSize) / 2
        if x + half > bounds.upperBound { return "end" }
        if x - half < bounds.lowerBound { return "start" }
        return "middle"
    }
}
