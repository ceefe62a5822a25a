import PostmortemMetrics
import PostmortemTimeline

extension ProviderArchive {
    /// The provider's archive page: the calendar heatmap inline, uptime per month, outage time
    /// per component, and the incidents behind them (linked to their pages when the folder has them).
    public func html() -> String {
        let title = "Incident archive: \(provider)"
        var body = "<nav><a href=\"index.html\">All reports in this folder</a></nav>\n<header>\n<h1>\(HTMLPage.escape(title))</h1>\n"
        let whole = calendar.groups.first { $0.provider == provider && $0.component == nil }
        let lowest = months.min { $0.uptimePercent < $1.uptimePercent }
        var figures: [(label: String, value: String, detail: String?)] = [("Incidents", String(incidents.count), nil)]
        if let whole {
            figures.append(("Outage in total", DurationText.minutes(whole.outageMinutes), "overlaps counted once"))
            if let median = whole.medianMinutes { figures.append(("Median duration", DurationText.minutes(Int(median.rounded())), nil)) }
        }
        if let lowest { figures.append(("Lowest monthly uptime", NumberFormat.fixed(lowest.uptimePercent, decimals: 3) + "%", lowest.month)) }
        body += HTMLPage.keyFigures(figures) + "</header>\n"
        if let heatmap = CalendarHeatmap.svg(provider: provider, days: days) {
            body += "<section id=\"calendar\">\n<h2>Calendar</h2>\n"
            body += HTMLPage.figure(heatmap, id: "chart-calendar", caption: "One row per UTC month, one square per day, darker for more outage minutes.")
            body += "</section>\n"
        }
        body += "<section id=\"monthly-uptime\">\n<h2>Uptime per month</h2>\n"
        body += HTMLPage.table(
            header: ["Month", "Uptime", "Outage", "Incidents"],
            rows: months.map { [$0.month, NumberFormat.fixed($0.uptimePercent, decimals: 3) + "%", DurationText.minutes($0.outageMinutes), String($0.incidents)] },
            numeric: [1, 2, 3])
        body += "</section>\n"
        let components = calendar.groups.filter { $0.provider == provider && $0.component != nil }
        if !components.isEmpty {
            body += "<section id=\"components\">\n<h2>Outage time by component</h2>\n"
            body += HTMLPage.table(
                header: ["Component", "Incidents", "Outage", "Median"],
                rows: components.map { [HTMLPage.escape($0.component ?? ""), String($0.incidents), DurationText.minutes($0.outageMinutes), $0.medianMinutes.map { DurationText.minutes(Int($0.rounded())) } ?? "-"] },
                numeric: [1, 2, 3])
            body += "</section>\n"
        }
        body += "<section id=\"incidents\">\n<h2>Incidents</h2>\n"
        body += HTMLPage.table(
            header: ["Date", "Incident", "Duration"],
            rows: incidents.map { link in
                let title = link.page.map { "<a href=\"\(HTMLPage.escape($0))\">\(HTMLPage.escape(link.title))</a>" } ?? HTMLPage.escape(link.title)
                return [link.date.map { "\($0)" } ?? "", title, link.durationMinutes.map(DurationText.minutes) ?? "not determined"]
            },
            numeric: [2])
        body += "</section>\n"
        return HTMLPage(title: title, body: body).rendered()
    }

    /// The page's row in its folder's index.
    public var indexEntry: ReportIndex.Entry {
        let lowest = months.min { $0.uptimePercent < $1.uptimePercent }
        let range = [months.first?.month, months.last?.month].compactMap { $0 }
        return ReportIndex.Entry(
            page: pageName, title: "Incident archive: \(provider)", kind: "provider archive", date: range.joined(separator: " to "),
            highlights: ["\(incidents.count) incident(s)"] + (lowest.map { ["lowest month \(NumberFormat.fixed($0.uptimePercent, decimals: 3))% (\($0.month))"] } ?? []))
    }
}
