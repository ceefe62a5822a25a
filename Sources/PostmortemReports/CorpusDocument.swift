import PostmortemMetrics
import PostmortemTimeline

/// Renders corpus statistics: Markdown summary, CSV of incidents, SVG histogram of durations.
public enum CorpusDocument {
    /// The summary. `calendar` adds outage time per provider and component; `excludedMaintenance`
    /// says how many scheduled maintenances were left out of the figures.
    public static func markdown(
        _ stats: CorpusStatistics, skipped: [String], histogramFile: String?, calendar: OutageCalendar? = nil,
        heatmapFiles: [(provider: String, file: String)] = [], excludedMaintenance: Int = 0
    ) -> String {
        var out = "# Incident corpus\n\n"
        out += "- **Incidents:** \(stats.incidentCount) (\(stats.measuredCount) with an impact window)\n"
        if excludedMaintenance > 0 {
            out += "- **Scheduled maintenance:** \(excludedMaintenance) left out of the figures (`--include-maintenance` counts them)\n"
        }
        if let median = stats.medianDurationMinutes { out += "- **Median duration:** \(DurationText.minutes(Int(median.rounded())))\n" }
        if let p90 = stats.p90DurationMinutes { out += "- **90th percentile:** \(DurationText.minutes(Int(p90.rounded())))\n" }
        if let longest = stats.longest {
            out += "- **Longest:** \(DurationText.minutes(longest.minutes)), \(MarkdownText.escape(longest.title))\n"
        }
        out += "\nDurations are heavy-tailed, so no mean is given.\n\n"
        if let histogramFile { out += "![Distribution of durations](\(histogramFile))\n\n" }
        out += "## By impact\n\n| Impact | Incidents |\n|---|---|\n"
        for row in stats.byImpact { out += "| \(MarkdownText.cell(row.key)) | \(row.count) |\n" }
        out += "\n## By provider\n\n| Provider | Incidents |\n|---|---|\n"
        for row in stats.byProvider { out += "| \(MarkdownText.cell(row.key)) | \(row.count) |\n" }
        out += "\n## First-update delay\n\n"
        if stats.firstUpdateDelays.isEmpty {
            out += "No incident states an impact start before its first update.\n"
        } else {
            let delays = stats.firstUpdateDelays
            out += "\(delays.count) incident(s): median \(DurationText.minutes(Int((CorpusStatistics.percentile(delays, 0.5) ?? 0).rounded()))), "
            out += "90th percentile \(DurationText.minutes(Int((CorpusStatistics.percentile(delays, 0.9) ?? 0).rounded()))), longest \(DurationText.minutes(delays.last ?? 0)).\n"
        }
        if let calendar { out += archiveSections(calendar, heatmapFiles: heatmapFiles) }
        if !skipped.isEmpty {
            out += "\n## Skipped files\n\n"
            for line in skipped { out += "- \(MarkdownText.escape(line))\n" }
        }
        return out
    }

    /// Per provider and per component: incidents, outage minutes (overlaps counted once),
    /// median and p90 durations; then each provider's months with their uptime.
    static func archiveSections(_ calendar: OutageCalendar, heatmapFiles: [(provider: String, file: String)]) -> String {
        func minutes(_ value: Double?) -> String { value.map { DurationText.minutes(Int($0.rounded())) } ?? "-" }
        var out = "\n## Outage time by provider and component\n\n"
        out += "Minutes are those of the union of the impact windows, so overlapping incidents count once.\n\n"
        out += "| Provider | Component | Incidents | Outage | Median | 90th percentile |\n|---|---|---|---|---|---|\n"
        for group in calendar.groups {
            out += "| \(MarkdownText.cell(group.provider)) | \(MarkdownText.cell(group.component ?? "(all)")) | \(group.incidents) | "
            out += "\(DurationText.minutes(group.outageMinutes)) | \(minutes(group.medianMinutes)) | \(minutes(group.p90Minutes)) |\n"
        }
        out += "\n## Uptime per month\n\n"
        out += "Per provider, in UTC months; per component in `corpus-monthly.csv`.\n\n"
        out += "| Provider | Month | Incidents | Outage minutes | Uptime |\n|---|---|---|---|---|\n"
        for month in calendar.months where month.component == nil {
            out += "| \(MarkdownText.cell(month.provider)) | \(month.month) | \(month.incidents) | \(month.outageMinutes) | "
            out += "\(NumberFormat.fixed(month.uptimePercent, decimals: 3))% |\n"
        }
        for item in heatmapFiles {
            out += "\n![\(MarkdownText.escape(item.provider)): outage minutes per day](\(item.file))\n"
        }
        return out
    }

    /// One row per provider (component empty) or component and month.
    public static func monthlyCSV(_ calendar: OutageCalendar) -> String {
        var table = CSVTable(header: ["provider", "component", "month", "incidents", "outage_minutes", "uptime_percent"])
        for month in calendar.months {
            table.append([
                month.provider, month.component ?? "", month.month, String(month.incidents), String(month.outageMinutes),
                NumberFormat.fixed(month.uptimePercent, decimals: 4),
            ])
        }
        return table.serialized()
    }

    public static func csv(_ incidents: [Incident], metrics: [IncidentMetrics]) -> String {
        var table = CSVTable(header: ["incident", "provider", "impact", "start_utc", "end_utc", "duration_minutes", "first_update_delay_minutes", "updates", "source"])
        for (incident, item) in zip(incidents, metrics) {
            table.append([
                incident.title, incident.provider ?? "", incident.impact ?? "", item.window?.start.iso8601 ?? "", item.window?.end.iso8601 ?? "",
                item.window.map { String($0.durationMinutes) } ?? "", item.firstUpdateDelayMinutes.map(String.init) ?? "",
                String(item.cadence.count), incident.sources.joined(separator: " "),
            ])
        }
        return table.serialized()
    }

    /// A histogram of durations on doubling bins (under 15 min, 15-30, 30-60, 1-2 h ...), which
    /// keeps a heavy tail readable.
    public static func histogram(_ durations: [Int]) -> String? {
        guard !durations.isEmpty else { return nil }
        var edges = [0, 15]
        while let last = edges.last, last <= (durations.max() ?? 0) { edges.append(last * 2) }
        var counts = Array(repeating: 0, count: edges.count - 1)
        for value in durations {
            for bin in 0..<(edges.count - 1) where value >= edges[bin] && value < edges[bin + 1] { counts[bin] += 1 }
        }
        let width = 760.0, height = 320.0, left = 56.0, bottom = 70.0, top = 40.0
        let plotWidth = width - left - 24
        let plotHeight = height - top - bottom
        let peak = Double(counts.max() ?? 1)
        let barWidth = plotWidth / Double(counts.count)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"320\" viewBox=\"0 0 760 320\" \(SVGChart.font) font-size=\"11\">\n"
        out += "<title>Incident durations</title>\n<rect x=\"0\" y=\"0\" width=\"760\" height=\"320\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"56\" y=\"24\" font-size=\"14\" font-weight=\"bold\">Incident durations (\(durations.count) incidents)</text>\n"
        for (bin, count) in counts.enumerated() {
            let barHeight = plotHeight * Double(count) / max(peak, 1)
            let x = left + Double(bin) * barWidth
            let y = top + plotHeight - barHeight
            out += "<rect x=\"\(SVGChart.n(x + 2))\" y=\"\(SVGChart.n(y))\" width=\"\(SVGChart.n(barWidth - 4))\" height=\"\(SVGChart.n(barHeight))\" fill=\"#1f77b4\"><title>\(count)</title></rect>\n"
            if count > 0 { out += "<text x=\"\(SVGChart.n(x + barWidth / 2))\" y=\"\(SVGChart.n(y - 4))\" text-anchor=\"middle\">\(count)</text>\n" }
            let label = "< " + DurationText.minutes(edges[bin + 1])
            out += "<text x=\"\(SVGChart.n(x + barWidth / 2))\" y=\"\(SVGChart.n(top + plotHeight + 16))\" text-anchor=\"middle\">\(SVGChart.escape(label))</text>\n"
        }
        out += "<line x1=\"56\" y1=\"\(SVGChart.n(top + plotHeight))\" x2=\"736\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<text x=\"\(SVGChart.n(left + plotWidth / 2))\" y=\"\(SVGChart.n(height - 20))\" text-anchor=\"middle\">impact duration (bins double in width)</text>\n"
        out += "<text transform=\"translate(18 \(SVGChart.n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">incidents</text>\n</svg>\n"
        return out
    }
}
