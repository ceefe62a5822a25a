import PostmortemTimeline

/// Turns written stamps into UTC instants, carrying the date in force from one stamp to the next.
///
/// Status pages write the date once (in a title or a day header) and then only times; a stamp
/// that names a day moves the date in force, and a time earlier than the one before it with no
/// new date is taken as the next day (and said in a warning).
public struct StampResolution: Sendable {
    /// The date in force for stamps that name none.
    public private(set) var dateInForce: CivilDate
    /// The zone to use when a stamp names none (from `--zone`), if any.
    public var defaultZone: WrittenZone?
    private var lastLocalMinute: Int?

    public init(date: CivilDate, defaultZone: WrittenZone? = nil) {
        self.dateInForce = date
        self.defaultZone = defaultZone
    }

    /// The outcome of resolving one stamp.
    public enum Outcome: Sendable, Equatable {
        case resolved(Instant, WrittenZone, warning: String?)
        case skipped(reason: String)
    }

    /// Resolves `stamp` against the date in force and moves it forward.
    public mutating func resolve(_ stamp: WrittenStamp) -> Outcome {
        if let problem = stamp.problem { return .skipped(reason: problem) }
        var warning: String?
        var date = dateInForce
        let minuteOfDay = stamp.hour24 * 60 + stamp.minute
        if let month = stamp.month, let day = stamp.day {
            var year = stamp.year ?? dateInForce.year
            if stamp.year == nil {
                // "Jan 2" after a December date in force belongs to the next year, and "Dec 31"
                // after a January one to the previous.
                if month < dateInForce.month - 6 { year += 1 } else if month > dateInForce.month + 6 { year -= 1 }
            }
            date = CivilDate(year: year, month: month, day: day)
            guard date.isValid else { return .skipped(reason: "'\(stamp.written)' names a day that does not exist") }
        } else if let last = lastLocalMinute, minuteOfDay < last {
            date = dateInForce.adding(days: 1)
            warning = "'\(stamp.written)' is earlier than the update before it and names no date; taken as the next day, \(date)"
        }
        let zone: WrittenZone
        if let token = stamp.zoneToken {
            guard let known = ZoneTable.zone(for: token, on: date, hour: stamp.hour24) else {
                return .skipped(reason: "unknown time zone '\(token)' in '\(stamp.written)'")
            }
            zone = known
        } else if let defaultZone {
            zone = defaultZone
            warning = (warning.map { $0 + "; " } ?? "") + "'\(stamp.written)' names no zone; used \(defaultZone.token) from --zone"
        } else {
            return .skipped(reason: "'\(stamp.written)' names no time zone (give --zone to assume one)")
        }
        dateInForce = date
        lastLocalMinute = minuteOfDay
        let hour = stamp.hour24 == 24 ? 0 : stamp.hour24
        let day = stamp.hour24 == 24 ? date.adding(days: 1) : date
        let instant = Instant(date: day, hour: hour, minute: stamp.minute, second: stamp.second ?? 0, offsetSeconds: zone.offsetSeconds)
        return .resolved(instant, zone, warning: warning)
    }
}
