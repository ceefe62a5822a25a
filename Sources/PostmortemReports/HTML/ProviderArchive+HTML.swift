import PostmortemMetrics
import PostmortemTimeline

extension ProviderArchive {
    /// The provider's archive page: the calendar heatmap inline, monthly uptime, and the
    /// incidents behind them linked to their pages.
    public func html() -> String {
        let title = "Incident archive: \(provider)"
        var body = "<nav><a href=\"index.html\">All reports in this folder</a></nav>\n<header>\n<h1>\(HTMLPage.escape(title))</h1>\n"
        let downtime = months.reduce(0) { $0 + $1.downtimeMinutes }
        let lowest = months.min { $0.uptimePercent < $1.uptimePercent }
        body += HTMLPage.keyFigures([
            ("Incidents", String(incidents.count), nil),
            ("Impact in total", DurationText.minutes(downtime), "\(months.count) month(s)"),
        ] + (lowest.map { [("Lowest monthly uptime", NumberFormat.fixed($0.uptimePercent, decimals: 3) + "%", Self.monthName($0))] } ?? []))
        body += "</header>\n"
        let years = (days.map(\.date.year) + months.map(\.year))
        if let first = years.min(), let last = years.max() {
            body += "<section id=\"calendar\">\n<h2>Calendar</h2>\n"
            body += HTMLPage.figure(CalendarHeatmap.svg(title: "Impact by day: \(provider)", days: days, years: first...last), id: "chart-calendar", caption: "Each square is a UTC day, shaded by its minutes of impact.")
            body += "</section>\n"
        }
        body += "<section id=\"monthly-uptime\">\n<h2>Monthly uptime</h2>\n"
        body += HTMLPage.table(
            header: ["Month", "Uptime", "Impact", "Incidents"],
            rows: months.map { [Self.monthName($0), NumberFormat.fixed($0.uptimePercent, decimals: 3) + "%", DurationText.minutes($0.downtimeMinutes), String($0.incidents)] },
            numeric: [1, 2, 3])
        body += "</section>\n<section id=\"incidents\">\n<h2>Incidents</h2>\n"
        body += HTMLPage.table(
            header: ["Date", "Incident", "Duration"],
            rows: incidents.map { link in
                let title = link.page.map { "<a href=\"\(HTMLPage.escape($0))\">\(HTMLPage.escape(link.title))</a>" } ?? HTMLPage.escape(link.title)
                return ["\(link.date)", title, link.durationMinutes.map(DurationText.minutes) ?? "not determined"]
            },
            numeric: [2])
        body += "</section>\n"
        return HTMLPage(title: title, body: body).rendered()
    }

    /// The page's row in its folder's index.
    public var indexEntry: ReportIndex.Entry {
        let lowest = months.min { $0.uptimePercent < $1.uptimePercent }
        let range = [months.first, months.last].compactMap { $0 }.map(Self.monthName)
        return ReportIndex.Entry(
            page: pageName, title: "Incident archive: \(provider)", kind: "provider archive", date: range.joined(separator: " to "),
            highlights: ["\(incidents.count) incident(s)"] + (lowest.map { ["lowest month \(NumberFormat.fixed($0.uptimePercent, decimals: 3))%"] } ?? []))
    }

    static func monthName(_ month: Month) -> String {
        "\(CivilDate.monthNames[month.month - 1]) \(month.year)"
    }
}
