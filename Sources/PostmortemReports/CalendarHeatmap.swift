import PostmortemMetrics
import PostmortemTimeline

/// An SVG calendar of a provider's downtime: one block per year, a column per week and a row
/// per weekday, each day shaded by its minutes of impact.
public enum CalendarHeatmap {
    static let cell = 11.0
    static let gap = 2.0
    static let left = 44.0
    static let yearHeight = 7 * (cell + gap) + 26
    /// Shades from "under 30 minutes" to "8 hours or more"; a day without impact stays blank.
    static let shades: [(below: Int, color: String, label: String)] = [
        (30, "#fcbba1", "under 30m"), (120, "#fb6a4a", "30m to 2h"), (480, "#de2d26", "2h to 8h"), (Int.max, "#a50f15", "8h or more"),
    ]

    /// The calendar from January of the first year to December of the last.
    public static func svg(title: String, days: [ProviderArchive.Day], years: ClosedRange<Int>) -> String {
        var byDate: [CivilDate: ProviderArchive.Day] = [:]
        for day in days { byDate[day.date] = day }
        let height = 34 + Double(years.count) * yearHeight + 28
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"\(SVGChart.n(height))\" viewBox=\"0 0 760 \(SVGChart.n(height))\" \(SVGChart.font) font-size=\"10\">\n"
        out += "<title>\(SVGChart.escape(title))</title>\n"
        out += "<rect class=\"chart-bg\" x=\"0\" y=\"0\" width=\"760\" height=\"\(SVGChart.n(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"24\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(SVGChart.escape(title))</text>\n"
        for (index, year) in years.enumerated() {
            let top = 34 + Double(index) * yearHeight
            out += "<text x=\"24\" y=\"\(SVGChart.n(top + 10))\" font-weight=\"bold\">\(year)</text>\n"
            let first = CivilDate(year: year, month: 1, day: 1)
            let count = CivilDate.isLeap(year) ? 366 : 365
            for offset in 0..<count {
                let date = first.adding(days: offset)
                let week = (offset + first.weekday) / 7
                let x = left + Double(week) * (cell + gap)
                let y = top + 16 + Double(date.weekday) * (cell + gap)
                if date.day == 1 {
                    out += "<text x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(top + 10))\">\(CivilDate.monthAbbreviations[date.month - 1])</text>\n"
                }
                if let day = byDate[date], day.downtimeMinutes > 0 {
                    let shade = shades.first { day.downtimeMinutes < $0.below } ?? shades[shades.count - 1]
                    let detail = "\(date): \(DurationText.minutes(day.downtimeMinutes)) of impact, \(day.incidents) incident(s)"
                    out += "<rect x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\" width=\"11\" height=\"11\" fill=\"\(shade.color)\"><title>\(SVGChart.escape(detail))</title></rect>\n"
                } else {
                    out += "<rect class=\"chart-grid\" x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\" width=\"11\" height=\"11\" fill=\"none\" stroke=\"#e0e0e0\"/>\n"
                }
            }
        }
        var legendX = left
        let legendY = height - 12
        for shade in shades {
            out += "<rect x=\"\(SVGChart.n(legendX))\" y=\"\(SVGChart.n(legendY - 9))\" width=\"11\" height=\"11\" fill=\"\(shade.color)\"/>\n"
            out += "<text x=\"\(SVGChart.n(legendX + 15))\" y=\"\(SVGChart.n(legendY))\">\(shade.label)</text>\n"
            legendX += 26 + SVGChart.textWidth(shade.label, fontSize: 10)
        }
        out += "<text x=\"736\" y=\"\(SVGChart.n(legendY))\" text-anchor=\"end\">days in UTC; impact minutes per day</text>\n</svg>\n"
        return out
    }
}
