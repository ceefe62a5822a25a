import PostmortemTimeline

extension MeasurementPeriod {
    /// The period that contains `instant`, from its first instant up to (not including) its end,
    /// in UTC. A calendar month or quarter is the one `instant` falls in; a service year is the
    /// 365 days ending at the end of `instant`'s UTC day.
    public func bounds(containing instant: Instant) -> (start: Instant, end: Instant) {
        let date = instant.civil().date
        switch self {
        case .calendarMonth, .calendarQuarter:
            let months = self == .calendarMonth ? 1 : 3
            let firstMonth = (date.month - 1) / months * months + 1
            let first = CivilDate(year: date.year, month: firstMonth, day: 1)
            return (Self.midnight(first), Self.midnight(first.addingMonths(months)))
        case .serviceYear:
            let end = Self.midnight(date.adding(days: 1))
            return (end.adding(seconds: -365 * 86_400), end)
        }
    }

    /// The calendar months (their first days) a period starting at `start` and ending at `end`
    /// spans, for matching bill lines written per month.
    public static func months(from start: Instant, to end: Instant) -> [CivilDate] {
        let first = start.civil().date
        var month = CivilDate(year: first.year, month: first.month, day: 1)
        var months: [CivilDate] = []
        while midnight(month) < end {
            months.append(month)
            month = month.addingMonths(1)
        }
        return months
    }

    static func midnight(_ date: CivilDate) -> Instant {
        Instant(date: date, hour: 0, minute: 0, offsetSeconds: 0)
    }
}

extension CivilDate {
    /// The first day of the month `count` months after this date's month.
    func addingMonths(_ count: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + count
        return CivilDate(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// The last day of this date's month.
    var lastDayOfMonth: CivilDate {
        CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
    }
}
