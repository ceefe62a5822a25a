import PostmortemMetrics
import PostmortemTimeline

/// An SVG line chart of recovery curves: UTC time across, share affected up, one colour per
/// subject, simulated curves as solid lines and published ones dashed with their points marked,
/// residuals drawn as dotted levels, with a compact legend.
public enum RecoveryChart {
    static let width = 760.0
    static let plotHeight = 246.0
    static let left = 64.0
    static let right = 24.0
    static let top = 40.0
    static let legendRow = 18.0

    /// The chart as a standalone SVG document; `nil` when no curve has points.
    public static func svg(title: String, curves: [RecoveryCurve]) -> String? {
        let drawn = curves.filter { !$0.points.isEmpty }
        guard let first = drawn.flatMap(\.points).map(\.time).min(),
            let last = drawn.flatMap(\.points).map(\.time).max()
        else { return nil }
        let start = first
        let end = last > first ? last : first.adding(seconds: 3600)
        let peak = drawn.flatMap(\.points).map(\.value).max() ?? 1
        var axis = SVGChart.niceAxis(peak * 1.05)
        // A share never needs an axis past 100%.
        if drawn.allSatisfy({ $0.unit == .percent }), peak <= 100, axis.ceiling > 100 { axis = (100, 5) }
        let ceiling = axis.ceiling
        // The same subject simulated and published shares a colour; the line style says which is which.
        var subjects: [String] = []
        for curve in drawn where !subjects.contains(curve.subject) { subjects.append(curve.subject) }
        func color(_ subject: String) -> String {
            SVGChart.palette[(subjects.firstIndex(of: subject) ?? 0) % SVGChart.palette.count]
        }
        let plotWidth = width - left - right
        // Two legend columns when every subject fits in half the plot's width.
        let columnWidth = plotWidth / 2
        let longest = subjects.map { SVGChart.textWidth($0, fontSize: 12) }.max() ?? 0
        let columns = subjects.count > 1 && longest + 40 <= columnWidth ? 2 : 1
        let published = drawn.filter { $0.origin == "published" }
        let modelled = drawn.filter { $0.origin != "published" }
        let styleKey = !published.isEmpty && !modelled.isEmpty
        let rows = (subjects.count + columns - 1) / columns + (styleKey ? 1 : 0)
        let legendTop = top + plotHeight + 58
        let height = legendTop + Double(rows - 1) * legendRow + 14
        func x(_ t: Instant) -> Double { left + plotWidth * Double(start.seconds(until: t)) / Double(start.seconds(until: end)) }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - v / ceiling) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" viewBox=\"0 0 \(SVGChart.n(width)) \(SVGChart.n(height))\" \(SVGChart.font) font-size=\"12\">\n"
        out += "<title>\(SVGChart.escape(title))</title>\n"
        out += "<rect class=\"chart-bg\" x=\"0\" y=\"0\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(SVGChart.n(left))\" y=\"24\" font-size=\"15\" font-weight=\"bold\">\(SVGChart.escape(title))</text>\n"
        // Value grid and axis.
        for step in 0...axis.steps {
            let value = ceiling * Double(step) / Double(axis.steps)
            let yy = y(value)
            out += "<line class=\"chart-grid\" x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(yy))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(yy))\" stroke=\"#e0e0e0\"/>\n"
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
            let label = SVGChart.tickLabel(tick, showDate: multiDay)
            let anchor = SVGChart.anchor(label, at: xx, fontSize: 12, within: 2...(width - 2))
            out += "<line class=\"chart-grid\" x1=\"\(SVGChart.n(xx))\" y1=\"\(SVGChart.n(top))\" x2=\"\(SVGChart.n(xx))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#f0f0f0\"/>\n"
            out += "<text x=\"\(SVGChart.n(xx))\" y=\"\(SVGChart.n(top + plotHeight + 16))\" text-anchor=\"\(anchor)\">\(label)</text>\n"
        }
        out += "<line class=\"chart-axis\" x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(top + plotHeight))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<line class=\"chart-axis\" x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(top))\" x2=\"\(SVGChart.n(left))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<text x=\"\(SVGChart.n(left + plotWidth / 2))\" y=\"\(SVGChart.n(top + plotHeight + 34))\" text-anchor=\"middle\">time (UTC)</text>\n"
        // Curves.
        for curve in drawn {
            let color = color(curve.subject)
            let isPublished = curve.origin == "published"
            let path = curve.points.map { "\(SVGChart.n(x($0.time))),\(SVGChart.n(y($0.value)))" }.joined(separator: " ")
            let dash = isPublished ? " stroke-dasharray=\"6 3\"" : ""
            out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash) points=\"\(path)\"><title>\(SVGChart.escape("\(curve.subject) (\(curve.origin))"))</title></polyline>\n"
            if isPublished {
                for point in curve.points {
                    out += "<circle cx=\"\(SVGChart.n(x(point.time)))\" cy=\"\(SVGChart.n(y(point.value)))\" r=\"4\" fill=\"\(color)\"><title>\(SVGChart.escape("\(curve.subject): \(NumberFormat.fixed(point.value, decimals: 2, trimZeros: true)) at \(point.time.iso8601)"))</title></circle>\n"
                }
            }
            if let residual = curve.residual {
                let text = "\(curve.subject) (\(curve.origin)): never recovered \(NumberFormat.fixed(residual, decimals: 2, trimZeros: true))"
                out += "<line x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(y(residual)))\" x2=\"\(SVGChart.n(width - right))\" y2=\"\(SVGChart.n(y(residual)))\" stroke=\"\(color)\" stroke-dasharray=\"2 3\"><title>\(SVGChart.escape(text))</title></line>\n"
            }
        }
        // Legend: one swatch per subject, then what the two line styles mean.
        let labelLimit = Int((columns == 2 ? columnWidth : plotWidth) / (12 * 0.56)) - 6
        for (index, subject) in subjects.enumerated() {
            let lx = left + Double(index % columns) * columnWidth
            let ly = legendTop + Double(index / columns) * legendRow
            out += "<rect x=\"\(SVGChart.n(lx))\" y=\"\(SVGChart.n(ly - 10))\" width=\"22\" height=\"10\" fill=\"\(color(subject))\"/>\n"
            out += "<text x=\"\(SVGChart.n(lx + 28))\" y=\"\(SVGChart.n(ly))\">\(SVGChart.escape(subject.clipped(labelLimit)))</text>\n"
        }
        if styleKey, let simulated = modelled.first?.origin {
            let ly = legendTop + Double(rows - 1) * legendRow
            out += "<line class=\"chart-axis\" x1=\"\(SVGChart.n(left))\" y1=\"\(SVGChart.n(ly - 4))\" x2=\"\(SVGChart.n(left + 22))\" y2=\"\(SVGChart.n(ly - 4))\" stroke=\"#333333\" stroke-width=\"2\"/>\n"
            out += "<text x=\"\(SVGChart.n(left + 28))\" y=\"\(SVGChart.n(ly))\">\(SVGChart.escape(simulated))</text>\n"
            let px = left + columnWidth
            out += "<line class=\"chart-axis\" x1=\"\(SVGChart.n(px))\" y1=\"\(SVGChart.n(ly - 4))\" x2=\"\(SVGChart.n(px + 22))\" y2=\"\(SVGChart.n(ly - 4))\" stroke=\"#333333\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n"
            out += "<circle class=\"chart-mark\" cx=\"\(SVGChart.n(px + 11))\" cy=\"\(SVGChart.n(ly - 4))\" r=\"4\" fill=\"#333333\"/>\n"
            out += "<text x=\"\(SVGChart.n(px + 28))\" y=\"\(SVGChart.n(ly))\">published</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
