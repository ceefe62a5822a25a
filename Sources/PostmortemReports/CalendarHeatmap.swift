import PostmortemMetrics
import PostmortemTimeline

/// A calendar heatmap of one provider's outage minutes: one row per month, one cell per day,
/// darker for more minutes (on a square-root scale, so a short outage still shows beside a
/// day-long one).
public enum CalendarHeatmap {
    /// The SVG, or `nil` when the provider has no outage day.
    public static func svg(provider: String, days: [(date: CivilDate, minutes: Int)]) -> String? {
        guard let first = days.map(\.date).min(), let last = days.map(\.date).max() else { return nil }
        var minutes: [CivilDate: Int] = [:]
        for day in days { minutes[day.date, default: 0] += day.minutes }
        var months: [(year: Int, month: Int)] = []
        var year = first.year, month = first.month
        while (year, month) <= (last.year, last.month) {
            months.append((year, month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        let cell = 16.0, left = 72.0, top = 48.0
        let width = left + 31 * cell + 24
        let height = top + Double(months.count) * cell + 44
        let peak = Double(minutes.values.max() ?? 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" viewBox=\"0 0 \(SVGChart.n(width)) \(SVGChart.n(height))\" \(SVGChart.font) font-size=\"10\">\n"
        out += "<title>\(SVGChart.escape(provider)): outage minutes per day</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(SVGChart.n(left))\" y=\"22\" font-size=\"14\" font-weight=\"bold\">\(SVGChart.escape(provider)): outage minutes per day (UTC)</text>\n"
        for day in stride(from: 1, through: 31, by: 5) {
            out += "<text x=\"\(SVGChart.n(left + Double(day - 1) * cell + cell / 2))\" y=\"\(SVGChart.n(top - 6))\" text-anchor=\"middle\">\(day)</text>\n"
        }
        for (row, item) in months.enumerated() {
            let y = top + Double(row) * cell
            let label = String(item.year) + "-" + WrittenZone.twoDigits(item.month)
            out += "<text x=\"\(SVGChart.n(left - 8))\" y=\"\(SVGChart.n(y + cell - 4))\" text-anchor=\"end\">\(label)</text>\n"
            for day in 1...CivilDate.daysIn(month: item.month, year: item.year) {
                let date = CivilDate(year: item.year, month: item.month, day: day)
                let value = minutes[date, default: 0]
                let x = left + Double(day - 1) * cell
                out += "<rect x=\"\(SVGChart.n(x + 1))\" y=\"\(SVGChart.n(y + 1))\" width=\"\(SVGChart.n(cell - 2))\" height=\"\(SVGChart.n(cell - 2))\" fill=\"\(color(value, peak: peak))\"><title>\(date): \(value) min</title></rect>\n"
            }
        }
        let legendY = top + Double(months.count) * cell + 24
        out += "<text x=\"\(SVGChart.n(left))\" y=\"\(SVGChart.n(legendY))\">darkest: \(SVGChart.escape(DurationText.minutes(Int(peak)))) in a day; blank: no outage</text>\n"
        out += "</svg>\n"
        return out
    }

    /// White for none, then from light to dark red by the square root of the share of the peak.
    static func color(_ minutes: Int, peak: Double) -> String {
        guard minutes > 0, peak > 0 else { return "#eeeeee" }
        let share = (Double(minutes) / peak).squareRoot()
        let light = (r: 254.0, g: 224.0, b: 210.0), dark = (r: 165.0, g: 15.0, b: 21.0)
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * share).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[value / 16], digits[value % 16]])
        }
        return "#" + channel(light.r, dark.r) + channel(light.g, dark.g) + channel(light.b, dark.b)
    }
}
