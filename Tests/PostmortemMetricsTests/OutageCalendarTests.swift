import PostmortemTimeline
import Testing

@testable import PostmortemMetrics

@Suite("Outage minutes and uptime over the calendar")
struct OutageCalendarTests {
    static func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Instant {
        Instant(date: CivilDate(year: 2024, month: month, day: day), hour: hour, minute: minute, offsetSeconds: 0)
    }

    static func incident(_ title: String, component: String, from start: Instant, to end: Instant) -> Incident {
        Incident(
            title: title, provider: "Orbit", components: [component],
            events: [
                TimelineEvent(time: start, status: "investigating", text: "Looking.", source: SourceLocation(file: "f")),
                TimelineEvent(time: end, status: "resolved", text: "Fixed.", source: SourceLocation(file: "f")),
            ])
    }

    @Test("Overlapping incidents count once; a window across midnight at month end splits between months")
    func calendar() {
        let incidents = [
            Self.incident("API errors", component: "API", from: Self.at(1, 31, 23, 0), to: Self.at(2, 1, 1, 0)),  // 120 min, 60 in each month
            Self.incident("Dashboard slow", component: "Dashboard", from: Self.at(1, 31, 23, 30), to: Self.at(2, 1, 0, 30)),  // inside the first
            Self.incident("API errors again", component: "API", from: Self.at(2, 10, 12, 0), to: Self.at(2, 10, 12, 30)),  // 30 min
        ]
        let calendar = OutageCalendar(incidents: incidents, metrics: incidents.map(IncidentMetrics.init(incident:)))
        let whole = calendar.months.filter { $0.component == nil }
        #expect(whole.map(\.month) == ["2024-01", "2024-02"])
        #expect(whole.map(\.outageMinutes) == [60, 90])
        #expect(whole.map(\.incidents) == [2, 3])
        // January: 60 of 44,640 minutes down; February 2024 (29 days): 90 of 41,760.
        #expect(abs(whole[0].uptimePercent - (100 - 100 * 60 / 44_640.0)) < 1e-9)
        #expect(abs(whole[1].uptimePercent - (100 - 100 * 90 / 41_760.0)) < 1e-9)
        let groups = calendar.groups.map { ($0.component ?? "(all)", $0.incidents, $0.outageMinutes) }
        #expect(groups.map(\.0) == ["(all)", "API", "Dashboard"])
        #expect(groups.map(\.1) == [3, 2, 1])
        #expect(groups.map(\.2) == [150, 150, 60])
        let all = calendar.groups[0]
        #expect(all.medianMinutes == 60)  // durations 30, 60, 120
        #expect(abs((all.p90Minutes ?? 0) - 108) < 1e-9)  // 60 + 0.8 × 60
        #expect(calendar.days.first?.minutes.map(\.minutes) == [60, 60, 30])
        #expect(calendar.days.first?.minutes.map(\.date.description) == ["2024-01-31", "2024-02-01", "2024-02-10"])
    }
}
