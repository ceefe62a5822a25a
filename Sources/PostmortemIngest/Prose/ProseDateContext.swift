import PostmortemTimeline

/// What a reader of a postmortem carries from sentence to sentence: the date in force, the year,
/// and the zone last written, and how each new time expression resolves against them.
///
/// Rules, in the order a person applies them:
/// - a written day moves the date in force; a time with no day uses it;
/// - a day with no year takes the year of the date in force, else of the document's date line or
///   `--reference-date` (a month more than six months away from that date belongs to the
///   neighbouring year, so "December 31" in a January write-up is the year before);
/// - a weekday with no day is the one nearest the date in force;
/// - a time earlier than the previous one with no day stays on the same day when the text says so
///   ("the same day", "later that day", "earlier") or when it steps back twelve hours or less (prose
///   often returns to an earlier moment), and moves to the next day when the text says "the next
///   day"/"following day" or it steps back further (a log passing midnight); only the unstated
///   cases are flagged;
/// - a clock needs its own zone (or the other end of its span's), else `--zone` with a warning, else
///   it is skipped; a day or part of a day (which needs no precise zone) takes the zone last written.
struct ProseDateContext: Sendable {
    var dateInForce: CivilDate?
    /// The document's own date line or `--reference-date`, for years.
    var anchor: CivilDate?
    var zoneInForce: WrittenZone?
    var defaultZone: WrittenZone?
    private var lastSecondOfDay: Int?

    init(anchor: CivilDate?, dateInForce: CivilDate?, defaultZone: WrittenZone?) {
        self.anchor = anchor
        self.dateInForce = dateInForce
        self.defaultZone = defaultZone
    }

    /// A resolved mention.
    struct Resolved: Sendable, Equatable {
        var time: Instant
        var end: Instant?
        var zone: WrittenZone?
        var precision: TimePrecision
        var warnings: [String]
    }

    enum Outcome: Sendable, Equatable {
        case resolved(Resolved)
        case skipped(String)
    }

    static let sameDayWords = ["same day", "that day", "earlier", "that morning", "that evening", "that afternoon", "meanwhile"]
    static let nextDayWords = ["next day", "following day", "next morning", "following morning", "overnight"]

    /// Resolves a mention found in `sentence` and moves the context forward.
    mutating func resolve(_ mention: ProseTimeMention, sentence: String) -> Outcome {
        var start = mention.start
        var end = mention.end
        // "9:16 PM to 11:16 PM PDT", "from 12:50 AM PDT to 2:40 AM PDT on April 21st": the first end
        // borrows the day, zone and meridiem the second one writes.
        if var second = end {
            if start.day == nil, start.weekday == nil, start.stamped == nil {
                start.day = second.day
                start.weekday = second.weekday
            }
            if start.zoneToken == nil { start.zoneToken = second.zoneToken }
            if second.zoneToken == nil { second.zoneToken = start.zoneToken }
            if var clock = start.clock, clock.isPM == nil, let pm = second.clock?.isPM, (1...12).contains(clock.hour) {
                clock.isPM = pm
                start.clock = clock
            }
            end = second
        }
        let lower = sentence.lowercased()
        var warnings: [String] = []
        let first: Local
        switch local(start, written: mention.written, sentence: lower, warnings: &warnings, chained: false) {
        case .failure(.skipped(let reason)): return .skipped(reason)
        case .success(let value): first = value
        }
        var endInstant = first.end
        if let second = end {
            let previous = (dateInForce, lastSecondOfDay)
            dateInForce = first.date
            lastSecondOfDay = nil
            switch local(second, written: mention.written, sentence: lower, warnings: &warnings, chained: true) {
            case .failure(.skipped(let reason)):
                (dateInForce, lastSecondOfDay) = previous
                return .skipped(reason)
            case .success(var value):
                if value.instant < first.instant, second.day == nil, second.weekday == nil {
                    // "11:40 PM to 12:20 AM": the span crosses midnight.
                    value.instant = value.instant.adding(seconds: 86_400)
                    value.date = value.date.adding(days: 1)
                }
                endInstant = value.end ?? value.instant
                lastSecondOfDay = value.secondOfDay
                dateInForce = value.date
            }
        }
        return .resolved(Resolved(time: first.instant, end: endInstant, zone: first.zone, precision: start.precision, warnings: warnings))
    }

    /// Moves the date in force to the day a heading or date line names, without an event.
    mutating func note(_ mention: ProseTimeMention) {
        guard let day = mention.start.day, let year = day.year ?? year(forMonth: day.month) else { return }
        let date = CivilDate(year: year, month: day.month, day: day.day)
        guard date.isValid else { return }
        dateInForce = date
        lastSecondOfDay = nil
    }

    private struct Local {
        var date: CivilDate
        var instant: Instant
        var end: Instant?
        var zone: WrittenZone?
        var secondOfDay: Int?
    }

    private enum Failure: Error { case skipped(String) }

    private mutating func local(
        _ e: ProseTimeExpression, written: String, sentence: String, warnings: inout [String], chained: Bool
    ) -> Result<Local, Failure> {
        if let stamped = e.stamped, let zone = e.stampedZone {
            let date = stamped.civil(offsetSeconds: zone.offsetSeconds).date
            dateInForce = date
            zoneInForce = zone
            lastSecondOfDay = nil
            return .success(Local(date: date, instant: stamped, zone: zone))
        }
        // The day.
        var date: CivilDate
        var dayWritten = true
        if let day = e.day {
            guard let year = day.year ?? year(forMonth: day.month) else {
                return .failure(.skipped("'\(written)' names no year and the text gives none (give --reference-date)"))
            }
            date = CivilDate(year: year, month: day.month, day: day.day)
            guard date.isValid else { return .failure(.skipped("'\(written)' names a day that does not exist")) }
        } else if let weekday = e.weekday {
            guard let base = dateInForce else {
                return .failure(.skipped("'\(written)' names a weekday but no date is in force (give --reference-date)"))
            }
            var delta = (weekday - base.weekday + 7) % 7
            if delta > 3 { delta -= 7 }
            date = base.adding(days: delta)
        } else {
            guard let base = dateInForce else {
                return .failure(.skipped("'\(written)' names no date and none is in force (give --reference-date)"))
            }
            date = base
            dayWritten = false
        }
        // The zone.
        var zone: WrittenZone
        let hour = e.clock?.hour24 ?? 12
        if let token = e.zoneToken {
            guard let known = ZoneTable.zone(for: token, on: date, hour: hour) else {
                return .failure(.skipped("unknown time zone '\(token)' in '\(written)'"))
            }
            zone = known
        } else if e.clock != nil {
            guard let defaultZone else {
                return .failure(.skipped("'\(written)' names no time zone (give --zone to assume one)"))
            }
            zone = defaultZone
            if !chained { warnings.append("'\(written)' names no zone; used \(defaultZone.token) from --zone") }
        } else if let known = zoneInForce ?? defaultZone {
            zone = known
        } else {
            return .failure(.skipped("'\(written)' names a day but no zone has been written yet (give --zone)"))
        }
        guard let clock = e.clock else {
            // A day or a part of one.
            let hours = e.partOfDay?.hours ?? (0, 24)
            let start = Instant(date: date, hour: 0, minute: 0, offsetSeconds: zone.offsetSeconds).adding(seconds: Int64(hours.0 * 3600))
            let end = Instant(date: date, hour: 0, minute: 0, offsetSeconds: zone.offsetSeconds).adding(seconds: Int64(hours.1 * 3600))
            dateInForce = date
            lastSecondOfDay = nil
            return .success(Local(date: date, instant: start, end: end, zone: zone))
        }
        let second = clock.secondOfDay
        if !dayWritten, let last = lastSecondOfDay, second < last {
            if Self.nextDayWords.contains(where: sentence.contains) {
                date = date.adding(days: 1)
            } else if Self.sameDayWords.contains(where: sentence.contains) {
                // Stated: stays on the same day.
            } else if last - second > 12 * 3600 {
                date = date.adding(days: 1)
                warnings.append("'\(written)' is earlier than the time before it and names no date; taken as the next day, \(date)")
            } else {
                warnings.append("'\(written)' is earlier than the time before it and names no date; kept on \(date)")
            }
            if e.zoneToken != nil, let token = e.zoneToken, let again = ZoneTable.zone(for: token, on: date, hour: hour) {
                zone = again
            }
        }
        let instant = Instant(date: date, hour: 0, minute: 0, offsetSeconds: zone.offsetSeconds).adding(seconds: Int64(second))
        dateInForce = date
        lastSecondOfDay = second
        if e.zoneToken != nil { zoneInForce = zone }
        return .success(Local(date: date, instant: instant, zone: zone, secondOfDay: second))
    }

    /// The year for a month written without one.
    private func year(forMonth month: Int) -> Int? {
        guard let base = dateInForce ?? anchor else { return nil }
        if month < base.month - 6 { return base.year + 1 }
        if month > base.month + 6 { return base.year - 1 }
        return base.year
    }
}
