import PostmortemTimeline

/// Gives dates to the AWS dashboard's dateless update times, walking the updates oldest first.
///
/// The first dateless time takes the local date (the posting instant's, or the day either
/// side) that puts it nearest the posting instant; later ones take the previous update's date,
/// plus a day when the clock would go backwards. A time written with `Mon D,` uses that day,
/// in the year (previous, same or next) nearest the previous update.
struct PacificDateResolver {
    let posted: Instant
    private var previous: (instant: Instant, date: CivilDate)?

    init(posted: Instant) {
        self.posted = posted
    }

    mutating func resolve(_ stamp: WrittenStamp, zone: WrittenZone) -> Instant {
        let anchor = previous?.instant ?? posted
        let anchorDate = anchor.civil(offsetSeconds: zone.offsetSeconds).date
        func at(_ date: CivilDate) -> Instant {
            Instant(date: date, hour: stamp.hour24, minute: stamp.minute, second: stamp.second ?? 0, offsetSeconds: zone.offsetSeconds)
        }
        func nearest(_ dates: [CivilDate], to target: Instant) -> CivilDate {
            dates.filter(\.isValid).min { abs(at($0).secondsSinceEpoch - target.secondsSinceEpoch) < abs(at($1).secondsSinceEpoch - target.secondsSinceEpoch) }
                ?? anchorDate
        }
        let date: CivilDate
        if let month = stamp.month, let day = stamp.day {
            let years = stamp.year.map { [$0] } ?? [anchorDate.year - 1, anchorDate.year, anchorDate.year + 1]
            date = nearest(years.map { CivilDate(year: $0, month: month, day: day) }, to: anchor)
        } else if let previous {
            date = at(previous.date) < previous.instant ? previous.date.adding(days: 1) : previous.date
        } else {
            date = nearest([anchorDate.adding(days: -1), anchorDate, anchorDate.adding(days: 1)], to: posted)
        }
        let instant = at(date)
        previous = (instant, date)
        return instant
    }
}
