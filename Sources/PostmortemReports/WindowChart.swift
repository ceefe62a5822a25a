import PostmortemMetrics
import PostmortemTimeline

/// An SVG chart of an incident's impact windows: one bar for the whole incident and one per
/// region, on a shared UTC time axis, each labelled with its duration.
public enum WindowChart {
    static let width = 760.0
    static let left = 110.0
    static let right = 24.0
    static let top = 40.0
    static let row = 30.0

    /// The chart; `nil` unless there is a window per region to set beside the whole (a single
    /// window is already drawn on the phase strip).
    public static func svg(title: String, window: ImpactWindow?, regionWindows: [ImpactWindow]) -> String? {
        guard !regionWindows.isEmpty else { return nil }
        let bars = (window.map { [("whole incident", $0)] } ?? []) + regionWindows.map { ($0.region ?? "region", $0) }
        guard let start = bars.map(\.1.start).min(), let last = bars.map(\.1.end).max() else { return nil }
        let end = last > start ? last : start.adding(seconds: 3600)
        let plotWidth = width - left - right
        let axisY = top + Double(bars.count) * row + 4
        let height = axisY + 44
        func x(_ t: Instant) -> Double { left + plotWidth * Double(start.seconds(until: t)) / Double(start.seconds(until: end)) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"\(SVGChart.n(height))\" viewBox=\"0 0 760 \(SVGChart.n(height))\" \(SVGChart.font) font-size=\"12\">\n"
        out += "<title>\(SVGChart.escape(title))</title>\n"
        out += "<rect class=\"chart-bg\" x=\"0\" y=\"0\" width=\"760\" height=\"\(SVGChart.n(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"24\" y=\"22\" font-size=\"14\" font-weight=\"bold\">\(SVGChart.escape(title))</text>\n"
        let multiDay = start.civil().date != end.civil().date
        let ticks = SVGChart.timeTicks(from: start, to: end, maximum: multiDay ? 6 : 8)
        for tick in ticks {
            let label = SVGChart.tickLabel(tick, showDate: multiDay)
            out += "<line class=\"chart-grid\" x1=\"\(SVGChart.n(x(tick)))\" y1=\"\(SVGChart.n(top - 4))\" x2=\"\(SVGChart.n(x(tick)))\" y2=\"\(SVGChart.n(axisY))\" stroke=\"#e0e0e0\"/>\n"
            out += "<text x=\"\(SVGChart.n(x(tick)))\" y=\"\(SVGChart.n(axisY + 16))\" text-anchor=\"\(SVGChart.anchor(label, at: x(tick), fontSize: 12, within: 2...(width - 2)))\">\(label)</text>\n"
        }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * row
            let x0 = x(bar.1.start), x1 = x(bar.1.end)
            // The whole incident in the impact red of the phase strip; regions in the other colours.
            let regionColors = SVGChart.palette.filter { $0 != "#d62728" }
            let color = index == 0 && window != nil ? "#d62728" : regionColors[(index - (window == nil ? 0 : 1)) % regionColors.count]
            let duration = DurationText.minutes(bar.1.durationMinutes)
            out += "<text x=\"\(SVGChart.n(left - 8))\" y=\"\(SVGChart.n(y + 13))\" text-anchor=\"end\">\(SVGChart.escape(bar.0.clipped(16)))</text>\n"
            let detail = "\(bar.0): \(bar.1.start.iso8601) to \(bar.1.end.iso8601), \(duration) (\(bar.1.method.rawValue))"
            out += "<rect x=\"\(SVGChart.n(x0))\" y=\"\(SVGChart.n(y))\" width=\"\(SVGChart.n(max(1, x1 - x0)))\" height=\"18\" fill=\"\(color)\" opacity=\"0.8\"><title>\(SVGChart.escape(detail))</title></rect>\n"
            // The duration goes inside the bar when it fits, else just after it (or before it at the right edge).
            let labelWidth = SVGChart.textWidth(duration, fontSize: 12)
            if x1 - x0 >= labelWidth + 12 {
                out += "<text x=\"\(SVGChart.n(x1 - 6))\" y=\"\(SVGChart.n(y + 13))\" text-anchor=\"end\" font-weight=\"bold\" style=\"fill: #ffffff\">\(duration)</text>\n"
            } else if x1 + 6 + labelWidth <= width - 2 {
                out += "<text x=\"\(SVGChart.n(x1 + 6))\" y=\"\(SVGChart.n(y + 13))\">\(duration)</text>\n"
            } else {
                out += "<text x=\"\(SVGChart.n(x0 - 6))\" y=\"\(SVGChart.n(y + 13))\" text-anchor=\"end\">\(duration)</text>\n"
            }
        }
        out += "<line class=\"chart-axis\" x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(axisY))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(axisY))\" stroke=\"#333333\"/>\n"
        out += "<text x=\"\(SVGChart.n(width - right))\" y=\"\(SVGChart.n(axisY + 36))\" text-anchor=\"end\">time (UTC)</text>\n</svg>\n"
        return out
    }
}
