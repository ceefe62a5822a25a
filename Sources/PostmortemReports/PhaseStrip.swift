import PostmortemMetrics
import PostmortemTimeline

/// An SVG strip of an incident's phases: each update colours the stretch until the next one by
/// its status, with the impact window drawn above it.
public enum PhaseStrip {
    static let colors: [String: String] = [
        "investigating": "#d62728", "identified": "#ff7f0e", "monitoring": "#e6c229", "update": "#9e9e9e",
        "in progress": "#ff7f0e", "scheduled": "#1f77b4", "resolved": "#2ca02c", "completed": "#2ca02c",
        "postmortem": "#7f7f7f", "restored": "#2ca02c", "region restored": "#98df8a",
        // The statuses prose readers give the statements of a postmortem.
        "impact": "#d62728", "recovering": "#ff7f0e",
    ]

    /// The status an event puts the incident in: its status word, or what its text declares.
    static func phase(of event: TimelineEvent) -> String {
        if let status = event.status { return status }
        let statement = RestorationStatement(event: event)
        guard statement.isRestored else { return "update" }
        return statement.region == nil ? "restored" : "region restored"
    }

    /// The strip as SVG; `nil` with fewer than two dated events.
    public static func svg(title: String, events: [TimelineEvent], window: ImpactWindow?) -> String? {
        guard let first = events.first?.time, var lastEvent = events.last?.time else { return nil }
        let start = [first, window?.start].compactMap { $0 }.min() ?? first
        // A note posted a day later would squeeze the incident into a sliver: the strip ends a
        // quarter of the window after the impact ends, and says how many later events it leaves out.
        var hidden = 0
        if let window {
            let limit = window.end.adding(seconds: max(3600, window.start.seconds(until: window.end) / 4))
            hidden = events.filter { $0.time > limit }.count
            if hidden > 0 { lastEvent = limit }
        }
        let shown = events.filter { $0.time <= lastEvent }
        let end = [lastEvent, window?.end].compactMap { $0 }.max() ?? lastEvent
        guard start < end else { return nil }
        let width = 760.0, height = 170.0, left = 24.0, right = 24.0
        let plot = width - left - right
        let canvas = 2.0...(width - 2)
        func x(_ t: Instant) -> Double { left + plot * Double(start.seconds(until: t)) / Double(start.seconds(until: end)) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"170\" viewBox=\"0 0 760 170\" \(SVGChart.font) font-size=\"11\">\n"
        out += "<title>\(SVGChart.escape(title))</title>\n<rect class=\"chart-bg\" x=\"0\" y=\"0\" width=\"760\" height=\"\(SVGChart.n(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"24\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(SVGChart.escape(title))</text>\n"
        // The impact label sits on its own line under the title, starting at the window but
        // moved left when it would run past the right edge.
        if let window {
            let label = "impact \(DurationText.minutes(window.durationMinutes))"
            let labelX = min(x(window.start), width - right - SVGChart.textWidth(label, fontSize: 11))
            out += "<text x=\"\(SVGChart.n(labelX))\" y=\"42\">\(label)</text>\n"
            out += "<rect x=\"\(SVGChart.n(x(window.start)))\" y=\"47\" width=\"\(SVGChart.n(max(1, x(window.end) - x(window.start))))\" height=\"12\" fill=\"#d62728\" opacity=\"0.35\"/>\n"
        }
        let phased = shown.filter { $0.kind == .update }
        let strip = phased.isEmpty ? shown : phased
        for (index, event) in strip.enumerated() {
            let next = index + 1 < strip.count ? strip[index + 1].time : end
            let phase = Self.phase(of: event)
            let color = colors[phase] ?? "#9e9e9e"
            out += "<rect x=\"\(SVGChart.n(x(event.time)))\" y=\"65\" width=\"\(SVGChart.n(max(0.5, x(next) - x(event.time))))\" height=\"26\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>\(SVGChart.escape("\(event.time.iso8601) \(phase): \(event.text.clipped(120))"))</title></rect>\n"
        }
        let ticks = SVGChart.timeTicks(from: start, to: end)
        let multiDay = start.civil().date != end.civil().date
        for tick in ticks {
            let label = SVGChart.tickLabel(tick, showDate: multiDay)
            let anchor = SVGChart.anchor(label, at: x(tick), fontSize: 11, within: canvas)
            out += "<line class=\"chart-axis\" x1=\"\(SVGChart.n(x(tick)))\" y1=\"93\" x2=\"\(SVGChart.n(x(tick)))\" y2=\"99\" stroke=\"#333333\"/>\n"
            out += "<text x=\"\(SVGChart.n(x(tick)))\" y=\"111\" text-anchor=\"\(anchor)\">\(label)</text>\n"
        }
        var legendX = 24.0
        let present = Array(Set(strip.map(Self.phase(of:)))).sorted()
        for phase in present {
            out += "<rect x=\"\(SVGChart.n(legendX))\" y=\"127\" width=\"12\" height=\"12\" fill=\"\(colors[phase] ?? "#9e9e9e")\"/>\n"
            out += "<text x=\"\(SVGChart.n(legendX + 16))\" y=\"137\">\(SVGChart.escape(phase))</text>\n"
            legendX += 22 + Double(phase.count) * 7
        }
        let later = hidden > 0 ? "; \(hidden) later event(s) not shown" : ""
        out += "<text x=\"736\" y=\"160\" text-anchor=\"end\">time (UTC)\(later)</text>\n</svg>\n"
        return out
    }
}
