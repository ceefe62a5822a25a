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
    /// The day the document was written (a page's publication date): a weekday written before
    /// any date is the last one on or before it.
    var writtenOn: CivilDate?
    /// The zone the document states for all its times ("All times in CET"), which a clock
    /// without its own zone takes before `--zone`.
    var documentZone: ProseZoneStatement?
    /// The zone assumed for clocks when the text gives none and `--zone` is not given.
    var assumedZone: ProseZoneAssumption?
    /// The instant the text states as T0, and its zone: the origin of times written `T+12m`.
    var relativeOrigin: (instant: Instant, zone: WrittenZone)?
    /// A month or year the body writes wrong, read as the document's (see `ProseDateSlip`).
    var dateSlip: ProseDateSlip?
    /// Whether the assumption was reported (once per document).
    private var assumptionWarned = false
    /// Abbreviations already reported as contradicting the season, so each is reported once.
    private var seasonWarned: Set<String> = []
    /// The last clock instant resolved, to notice a time that steps back.
    private var lastInstant: Instant?
    /// The local day of the last clock resolved (kept where `lastInstant` is forgotten).
    private var clockDate: CivilDate?
    /// The range last written ("between 8:19 AM and 9:43 AM KST"): a later time inside it is a
    /// return to a moment the text already covered, not a step back to flag.
    private var lastSpan: (start: Instant, end: Instant)?

    /// Where the sentence being read sits: its section (the heading above it) and whether it is
    /// a row of a list or table. A time that steps back from one written in another place (a
    /// timeline section that starts before the summary's times) is no step to flag.
    var place = 0
    /// The place of `lastInstant`.
    private var lastPlace = 0

    /// `--reference-date`, the date in force at the start of each entry.
    private let referenceDate: CivilDate?

    init(anchor: CivilDate?, dateInForce: CivilDate?, defaultZone: WrittenZone?) {
        self.referenceDate = dateInForce
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
        /// The zone assumed for the time, when the text names none (`UTC+1: an epoch stamp ...`).
        var zoneAssumption: String?
    }

    enum Outcome: Sendable, Equatable {
        case resolved(Resolved)
        case skipped(String)
        /// A day written before any zone: it dates what follows but makes no event.
        case noted
    }

    static let sameDayWords = ["same day", "that day", "earlier", "that morning", "that evening", "that afternoon", "meanwhile"]
    static let nextDayWords = ["next day", "following day", "next morning", "following morning", "overnight"]

    /// Resolves a mention found in a sentence (`lower`: the sentence lower-cased) and moves the context forward.
    mutating func resolve(_ mention: ProseTimeMention, lowerSentence lower: String) -> Outcome {
        var start = mention.start
        var end = mention.end
        var dayWrittenOnce = false
        // "9:16 PM to 11:16 PM PDT", "from 12:50 AM PDT to 2:40 AM PDT on April 21st": the first end
        // borrows the day, zone and meridiem the second one writes.
        if var second = end {
            if start.day == nil, start.weekday == nil, start.stamped == nil, start.relativeSeconds == nil {
                dayWrittenOnce = second.day != nil || second.weekday != nil
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
        var warnings: [String] = []
        let first: Local
        switch local(start, written: mention.written, sentence: lower, warnings: &warnings, chained: false) {
        case .failure(let failure): return failure.outcome
        case .success(let value): first = value
        }
        var endInstant = first.end
        if let second = end {
            lastInstant = nil
            switch local(second, written: mention.written, sentence: lower, warnings: &warnings, chained: true) {
            case .failure(let failure):
                return failure.outcome
            case .success(var value):
                if value.instant < first.instant, dayWrittenOnce || (second.day == nil && second.weekday == nil) {
                    // "11:50 PM to 12:20 AM": the span crosses midnight.
                    value.instant = value.instant.adding(seconds: 86_400)
                    dateInForce = value.date.adding(days: 1)
                }
                endInstant = value.end ?? value.instant
                lastInstant = value.end == nil ? value.instant : nil
                if value.end == nil, first.instant < value.instant { lastSpan = (first.instant, value.instant) }
            }
        }
        return .resolved(
            Resolved(time: first.instant, end: endInstant, zone: first.zone, precision: start.precision, warnings: warnings, zoneAssumption: first.zoneAssumption))
    }

    /// Forgets the date and clock in force, for a new entry of a document of several incidents.
    mutating func resetClock() {
        dateInForce = referenceDate
        lastInstant = nil
        clockDate = nil
        night = nil
    }

    /// A heading or date line naming two days in a row ("May 26 - 27th, 2018"): its times with no
    /// day of their own fall in the night between them, a morning clock on the second day and an
    /// afternoon or evening one on the first.
    private var night: (first: CivilDate, second: CivilDate, written: String, warned: Bool)?

    /// After `note(_:)` of a heading's first day, the heading goes on to name the next day
    /// ("May 26 - 27th, 2018"): its times fall in the night between the two.
    mutating func noteNight(secondDay: Int, written: String) {
        guard let first = dateInForce else { return }
        let second = first.adding(days: 1)
        guard second.day == secondDay else { return }
        night = (first, second, written, false)
    }

    /// Moves the date in force to the day a heading or date line names, without an event.
    mutating func note(_ mention: ProseTimeMention) {
        guard let day = mention.start.day, let year = day.year ?? year(forMonth: day.month) else { return }
        let date = CivilDate(year: year, month: day.month, day: day.day)
        guard date.isValid else { return }
        dateInForce = date
        lastInstant = nil
        night = nil
    }

    private struct Local {
        var date: CivilDate
        var instant: Instant
        var end: Instant?
        var zone: WrittenZone?
        var zoneAssumption: String?
    }

    private enum Failure: Error {
        case skipped(String)
        /// A day named before any zone was written: it moves the date in force but is no event.
        case noted

        var outcome: Outcome {
            switch self {
            case .skipped(let reason): return .skipped(reason)
            case .noted: return .noted
            }
        }
    }

    private mutating func local(
        _ e: ProseTimeExpression, written: String, sentence: String, warnings: inout [String], chained: Bool
    ) -> Result<Local, Failure> {
        if let stamped = e.stamped, let zone = e.stampedZone {
            let date = stamped.civil(offsetSeconds: zone.offsetSeconds).date
            dateInForce = date
            zoneInForce = zone
            lastInstant = stamped
            return .success(Local(date: date, instant: stamped, zone: zone))
        }
        if let offset = e.relativeSeconds {
            guard let origin = relativeOrigin else {
                return .failure(.skipped("'\(written)' is written relative to a T0 the text has not stated"))
            }
            let instant = origin.instant.adding(seconds: offset)
            let date = instant.civil(offsetSeconds: origin.zone.offsetSeconds).date
            dateInForce = date
            lastInstant = instant
            lastPlace = place
            return .success(Local(date: date, instant: instant, zone: origin.zone))
        }
        // The day.
        var date: CivilDate
        var dayWritten = true
        if let day = e.day, day.month == 0 {
            night = nil
            // "on the 3rd": the day of the month in force, else of the document's month.
            guard let base = dateInForce ?? anchor else {
                return .failure(.skipped("'\(written)' names a day of the month but no month is in force (give --reference-date)"))
            }
            date = CivilDate(year: base.year, month: base.month, day: day.day)
            guard date.isValid else { return .failure(.skipped("'\(written)' names a day that does not exist")) }
            dateInForce = date
        } else if let day = e.day {
            night = nil
            guard let year = day.year ?? year(forMonth: day.month) else {
                return .failure(.skipped("'\(written)' names no year and the text gives none (give --reference-date)"))
            }
            date = CivilDate(year: year, month: day.month, day: day.day)
            if let dateSlip, dateSlip.applies(to: date) { date = dateSlip.correct(date) }
            guard date.isValid else { return .failure(.skipped("'\(written)' names a day that does not exist")) }
            dateInForce = date
        } else if let weekday = e.weekday, dateInForce == nil, let written = writtenOn {
            // "Last Monday our apps could not connect", in a post published on a Wednesday: the
            // latest such weekday on or before the day it was written (the week before when the
            // text looks back from that very weekday).
            var back = (written.weekday - weekday + 7) % 7
            if back == 0, e.looksBack { back = 7 }
            date = written.adding(days: -back)
            dateInForce = date
        } else if let weekday = e.weekday {
            guard let base = dateInForce else {
                return .failure(.skipped("'\(written)' names a weekday but no date is in force (give --reference-date)"))
            }
            var delta = (weekday - base.weekday + 7) % 7
            if e.looksBack {
                // "a deployment made the previous Thursday": before the date in force, and the
                // times after it are still the outage's day.
                date = base.adding(days: delta == 0 ? -7 : delta - 7)
            } else {
                if delta > 3 { delta -= 7 }
                date = base.adding(days: delta)
                // "The patch we released on Thursday had changed ..." after the outage's clocks on
                // Saturday: a weekday alone that goes back before the day the last clock was on
                // is an aside about the past; the clocks after it are still on that day.
                if e.clock != nil || clockDate.map({ date >= $0 }) ?? true { dateInForce = date }
            }
        } else {
            guard let base = dateInForce else {
                return .failure(.skipped("'\(written)' names no date and none is in force (give --reference-date)"))
            }
            date = base
            dayWritten = false
            if let current = night, let clock = e.clock {
                date = clock.hour24 < 12 ? current.second : current.first
                // The heading placed the day: no step back to flag, nor to roll over.
                dayWritten = true
                if !current.warned {
                    night?.warned = true
                    warnings.append("'\(written)' names no day under '\(current.written)': read in the night between them, a morning time on \(current.second) and a later one on \(current.first)")
                }
            }
        }
        // The zone.
        let hour = e.clock?.hour24 ?? 12
        let zone: WrittenZone
        var assumption: String?
        if let token = e.zoneToken {
            guard let known = ZoneTable.zone(for: token, on: date, hour: hour) else {
                return .failure(.skipped("unknown time zone '\(token)' in '\(written)'"))
            }
            zone = known
            if let other = ZoneTable.seasonContradiction(token: token, on: date, hour: hour), !seasonWarned.contains(token.uppercased()) {
                seasonWarned.insert(token.uppercased())
                warnings.append(
                    "'\(token)' is written for \(date), when \(other) was in force; converted as written (\(Self.offsetText(known.offsetSeconds)))")
            }
        } else if e.clock != nil, let stated = documentZone?.zone(on: date, hour: hour) ?? zoneInForce {
            // The zone the document states for all its times, else the one last written.
            zone = stated
            if let statement = documentZone, statement.offsetToken == nil,
                let other = ZoneTable.seasonContradiction(token: statement.token, on: date, hour: hour),
                !seasonWarned.contains(statement.token.uppercased())
            {
                seasonWarned.insert(statement.token.uppercased())
                warnings.append(
                    "'\(statement.token)' (line \(statement.line)) is stated for \(date), when \(other) was in force; converted as written (\(Self.offsetText(stated.offsetSeconds)))")
            }
        } else if e.clock != nil, let defaultZone {
            zone = defaultZone
            if !chained { warnings.append("'\(written)' names no zone; used \(defaultZone.token) from --zone") }
        } else if e.clock != nil {
            guard let assumedZone, let assumed = assumedZone.zone(on: date, hour: hour) else {
                return .failure(.skipped("'\(written)' names no time zone (give --zone to assume one)"))
            }
            zone = assumed
            assumption = "\(assumedZone.token), assumed: \(assumedZone.reason)"
            if !assumptionWarned {
                assumptionWarned = true
                warnings.append("'\(written)' and the text's other times without a zone: assumed \(assumedZone.token) (\(assumedZone.reason)); give --zone to choose another")
            }
        } else if let known = zoneInForce ?? defaultZone {
            zone = known
        } else {
            lastInstant = nil
            return .failure(.noted)
        }
        guard let clock = e.clock else {
            // A day or a part of one.
            let hours = e.partOfDay?.hours ?? (0, 24)
            let midnight = Instant(date: date, hour: 0, minute: 0, offsetSeconds: zone.offsetSeconds)
            lastInstant = nil
            return .success(
                Local(
                    date: date, instant: midnight.adding(seconds: Int64(hours.0 * 3600)), end: midnight.adding(seconds: Int64(hours.1 * 3600)), zone: zone,
                    zoneAssumption: assumption))
        }
        var instant = Instant(date: date, hour: 0, minute: 0, offsetSeconds: zone.offsetSeconds).adding(seconds: Int64(clock.secondOfDay))
        if !dayWritten, let last = lastInstant, instant < last {
            var nextDay = false
            if let span = lastSpan, instant >= span.start, instant <= span.end {
                // Inside the range the text already gave: the same day, nothing to flag.
            } else if Self.nextDayWords.contains(where: sentence.containsBytes) {
                nextDay = true
            } else if Self.sameDayWords.contains(where: sentence.containsBytes) {
                // Stated: stays on the same day.
            } else if last.seconds(until: instant) < -12 * 3600 {
                nextDay = true
                warnings.append("'\(written)' is earlier than the time before it and names no date; taken as the next day, \(date.adding(days: 1))")
            } else if lastPlace == place {
                warnings.append("'\(written)' is earlier than the time before it and names no date; kept on \(date)")
            }
            if nextDay {
                date = date.adding(days: 1)
                instant = instant.adding(seconds: 86_400)
            }
        }
        dateInForce = date
        clockDate = date
        lastInstant = instant
        lastPlace = place
        if e.zoneToken != nil { zoneInForce = zone }
        return .success(Local(date: date, instant: instant, zone: zone, zoneAssumption: assumption))
    }

    /// `UTC+1`, `UTC-7`, `UTC+5:30`.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "UTC\(sign)\(minutes / 60)" + (minutes % 60 == 0 ? "" : ":\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)")
    }

    /// The year for a month written without one.
    private func year(forMonth month: Int) -> Int? {
        guard let base = dateInForce ?? anchor else { return nil }
        if month < base.month - 6 { return base.year + 1 }
        if month > base.month + 6 { return base.year - 1 }
        return base.year
    }
}
