import PostmortemMetrics
import PostmortemTimeline

/// An SVG line chart of recovery curves: UTC time across, share affected up, one line per
/// subject, published points marked, residuals drawn as dotted levels, with a legend.
public enum RecoveryChart {
    static let width = 760.0
    static let plotAreaHeight = 360.0
    static let left = 64.0
    static let right = 24.0
    static let top = 40.0
    static let bottom = 92.0

    /// The chart as a standalone SVG document; `nil` when no curve has points.
    public static func svg(title: String, curves: [RecoveryCurve]) -> String? {
        let drawn = curves.filter { !$0.points.isEmpty }
        guard let first = drawn.flatMap(\.points).map(\.time).min(),
            let last = drawn.flatMap(\.points).map(\.time).max()
        else { return nil }
        let start = first
        let end = last > first ? last : first.adding(seconds: 3600)
        let peak = drawn.flatMap(\.points).map(\.value).max() ?? 1
        var ceiling = SVGChart.niceCeiling(peak * 1.05)
        // A share never needs an axis past 100%.
        if drawn.allSatisfy({ $0.unit == .percent }), peak <= 100 { ceiling = min(ceiling, 100) }
        // One legend row per curve under the axis, so long subjects never overlap.
        let height = plotAreaHeight + Double(drawn.count) * 18
        let bottom = Self.bottom + Double(drawn.count) * 18 - 18
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ t: Instant) -> Double { left + plotWidth * Double(start.seconds(until: t)) / Double(start.seconds(until: end)) }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - v / ceiling) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" viewBox=\"0 0 \(SVGChart.n(width)) \(SVGChart.n(height))\" \(SVGChart.font) font-size=\"12\">\n"
        out += "<title>\(SVGChart.escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(SVGChart.n(left))\" y=\"24\" font-size=\"15\" font-weight=\"bold\">\(SVGChart.escape(title))</text>\n"
        // Value grid and axis.
        for step in 0...5 {
            let value = ceiling * Double(step) / 5
            let yy = y(value)
            out += "<line x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(yy))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(yy))\" stroke=\"#e0e0e0\"/>\n"
            out += "<text x=\"\(SVGChart.n(left - 6))\" y=\"\(SVGChart.n(yy + 4))\" text-anchor=\"end\">\(NumberFormat.fixed(value, decimals: 2, trimZeros: true))</text>\n"
        }
        let unit = drawn.first?.unit == .percent ? "percent" : (drawn.first?.unit.rawValue ?? "")
        out += "<text transform=\"translate(16 \(SVGChart.n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVGChart.escape(unit))</text>\n"
        // Time axis.
        let multiDay = start.civil().date != end.civil().date
        // Labels with a date are twice as wide, so they get half as many ticks.
        let ticks = SVGChart.timeTicks(from: start, to: end, maximum: multiDay ? 6 : 8)
        for tick in ticks {
            let xx = x(tick)
            out += "<line x1=\"\(SVGChart.n(xx))\" y1=\"\(SVGChart.n(top))\" x2=\"\(SVGChart.n(xx))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#f0f0f0\"/>\n"
            out += "<text x=\"\(SVGChart.n(xx))\" y=\"\(SVGChart.n(top + plotHeight + 16))\" text-anchor=\"middle\">\(SVGChart.tickLabel(tick, showDate: multiDay))</text>\n"
        }
        out += "<line x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(top + plotHeight))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<line x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(top))\" x2=\"\(SVGChart.n(left))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<text x=\"\(SVGChart.n(left + plotWidth / 2))\" y=\"\(SVGChart.n(top + plotHeight + 34))\" text-anchor=\"middle\">time (UTC)</text>\n"
        // Curves.
        for (index, curve) in drawn.enumerated() {
            let color = SVGChart.palette[index % SVGChart.palette.count]
            let published = curve.origin == "published"
            let path = curve.points.map { "\(SVGChart.n(x($0.time))),\(SVGChart.n(y($0.value)))" }.joined(separator: " ")
            let dash = published ? " stroke-dasharray=\"6 3\"" : ""
            out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash) points=\"\(path)\"/>\n"
            if published {
                for point in curve.points {
                    out += "<circle cx=\"\(SVGChart.n(x(point.time)))\" cy=\"\(SVGChart.n(y(point.value)))\" r=\"4\" fill=\"\(color)\"><title>\(SVGChart.escape("\(curve.subject): \(NumberFormat.fixed(point.value, decimals: 2, trimZeros: true)) at \(point.time.iso8601)"))</title></circle>\n"
                }
            }
            if let residual = curve.residual {
                out += "<line x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(y(residual)))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(y(residual)))\" stroke=\"\(color)\" stroke-dasharray=\"2 3\"/>\n"
            }
            // Legend row.
            let ly = top + plotHeight + 58 + Double(index) * 18
            let lx = left
            out += "<line x1=\"\(SVGChart.n(lx))\" y1=\"\(SVGChart.n(ly - 4))\" x2=\"\(SVGChart.n(lx + 22))\" y2=\"\(SVGChart.n(ly - 4))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            let residualText = curve.residual.map { ", residual \(NumberFormat.fixed($0, decimals: 2, trimZeros: true))" } ?? ""
            out += "<text x=\"\(SVGChart.n(lx + 28))\" y=\"\(SVGChart.n(ly))\">\(SVGChart.escape("\(curve.subject) (\(curve.origin)\(residualText))"))</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
