import PostmortemTimeline

/// Outage time over the calendar, per provider and per component: minutes and uptime per
/// month, minutes per day (for a heatmap), and the median and 90th-percentile durations.
///
/// Overlapping incidents of one provider (or component) count once: the minutes are those of
/// the union of their impact windows, so two incidents open at once do not make a day longer
/// than it is. Months run in UTC, from the first month with an incident to the last, quiet
/// months included at 100% uptime.
public struct OutageCalendar: Sendable, Equatable {
    /// One provider (component `nil`) or one of its components in one month.
    public struct Month: Sendable, Equatable {
        public var provider: String
        public var component: String?
        /// `2023-05`.
        public var month: String
        public var outageMinutes: Int
        /// 100 × (1 − outage minutes / minutes in the month).
        public var uptimePercent: Double
        /// Incidents whose window overlaps the month.
        public var incidents: Int
    }

    /// Durations of one provider's (or component's) incidents.
    public struct Group: Sendable, Equatable {
        public var provider: String
        public var component: String?
        public var incidents: Int
        public var outageMinutes: Int
        public var medianMinutes: Double?
        public var p90Minutes: Double?
    }

    public var months: [Month]
    public var groups: [Group]
    /// Outage minutes per UTC day, per provider (days with none left out).
    public var days: [(provider: String, minutes: [(date: CivilDate, minutes: Int)])]

    public static func == (lhs: OutageCalendar, rhs: OutageCalendar) -> Bool {
        lhs.months == rhs.months && lhs.groups == rhs.groups
            && lhs.days.map(\.provider) == rhs.days.map(\.provider)
            && lhs.days.map { $0.minutes.map(\.minutes) } == rhs.days.map { $0.minutes.map(\.minutes) }
    }

    /// - Parameters: `incidents` and their `metrics`, in the same order; incidents without an
    ///   impact window count in no figure.
    public init(incidents: [Incident], metrics: [IncidentMetrics]) {
        var windows: [GroupKey: [(start: Int64, end: Int64)]] = [:]
        var order: [GroupKey] = []
        for (incident, item) in zip(incidents, metrics) {
            guard let window = item.window, window.start < window.end else { continue }
            let provider = incident.provider ?? "unknown"
            let span = (window.start.secondsSinceEpoch, window.end.secondsSinceEpoch)
            for key in [GroupKey(provider: provider, component: nil)] + incident.components.map({ GroupKey(provider: provider, component: $0) }) {
                if windows[key] == nil { order.append(key) }
                windows[key, default: []].append(span)
            }
        }
        order.sort { ($0.provider, $0.component ?? "") < ($1.provider, $1.component ?? "") }
        var months: [Month] = []
        var groups: [Group] = []
        var days: [(provider: String, minutes: [(date: CivilDate, minutes: Int)])] = []
        for key in order {
            let spans = windows[key] ?? []
            let union = Self.union(spans)
            let durations = spans.map { Int(($0.end - $0.start) / 60) }.sorted()
            groups.append(
                Group(
                    provider: key.provider, component: key.component, incidents: spans.count,
                    outageMinutes: Int(union.reduce(0) { $0 + $1.end - $1.start } / 60),
                    medianMinutes: CorpusStatistics.percentile(durations, 0.5), p90Minutes: CorpusStatistics.percentile(durations, 0.9)))
            months += Self.months(key: key, spans: spans, union: union)
            if key.component == nil { days.append((key.provider, Self.days(union))) }
        }
        self.months = months
        self.groups = groups
        self.days = days
    }

    struct GroupKey: Hashable {
        var provider: String
        var component: String?
    }

    /// The spans joined where they overlap or touch, in time order.
    static func union(_ spans: [(start: Int64, end: Int64)]) -> [(start: Int64, end: Int64)] {
        var joined: [(start: Int64, end: Int64)] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = joined.last, span.start <= last.end {
                joined[joined.count - 1].end = max(last.end, span.end)
            } else {
                joined.append(span)
            }
        }
        return joined
    }

    /// Seconds of `union` within [start, end).
    static func overlap(_ union: [(start: Int64, end: Int64)], _ start: Int64, _ end: Int64) -> Int64 {
        union.reduce(0) { $0 + max(0, min($1.end, end) - max($1.start, start)) }
    }

    static func months(key: GroupKey, spans: [(start: Int64, end: Int64)], union: [(start: Int64, end: Int64)]) -> [Month] {
        guard let first = union.first, let last = union.last else { return [] }
        let firstDate = Instant(secondsSinceEpoch: first.start).civil().date
        let lastDate = Instant(secondsSinceEpoch: last.end - 1).civil().date
        var rows: [Month] = []
        var year = firstDate.year, month = firstDate.month
        while (year, month) <= (lastDate.year, lastDate.month) {
            let start = Int64(CivilDate(year: year, month: month, day: 1).daysSinceEpoch) * 86_400
            let length = Int64(CivilDate.daysIn(month: month, year: year)) * 86_400
            let seconds = overlap(union, start, start + length)
            rows.append(
                Month(
                    provider: key.provider, component: key.component,
                    month: String(year) + "-" + WrittenZone.twoDigits(month), outageMinutes: Int(seconds / 60),
                    uptimePercent: 100 * (1 - Double(seconds) / Double(length)),
                    incidents: spans.filter { $0.start < start + length && $0.end > start }.count))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return rows
    }

    static func days(_ union: [(start: Int64, end: Int64)]) -> [(date: CivilDate, minutes: Int)] {
        var result: [(date: CivilDate, minutes: Int)] = []
        var seen: Set<Int64> = []
        for span in union {
            var day = span.start / 86_400 - (span.start % 86_400 < 0 ? 1 : 0)
            while day * 86_400 < span.end {
                if seen.insert(day).inserted {
                    let minutes = Int(overlap(union, day * 86_400, (day + 1) * 86_400) / 60)
                    if minutes > 0 { result.append((CivilDate(daysSinceEpoch: Int(day)), minutes)) }
                }
                day += 1
            }
        }
        return result
    }
}
