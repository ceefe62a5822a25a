import PostmortemTimeline

/// One written instant in prose, before it is resolved against the date and zone in force:
/// `12:47 AM PDT on April 21st`, `Noon PDT`, `Saturday morning`, `the evening of April 22nd`,
/// `21 April 2011`, `2024-03-05T14:05:33Z`.
struct ProseTimeExpression: Sendable, Equatable {
    /// A wall-clock reading.
    struct Clock: Sendable, Equatable {
        var hour: Int
        var minute: Int
        var second: Int?
        /// `true` for PM, `false` for AM, `nil` for a 24-hour clock or noon/midnight.
        var isPM: Bool?
        /// `minute`, `second`, or `hour` for `3 PM`.
        var precision: TimePrecision

        /// The hour on a 24-hour clock.
        var hour24: Int {
            guard let isPM else { return hour }
            if hour == 12 { return isPM ? 12 : 0 }
            return isPM ? hour + 12 : hour
        }

        var secondOfDay: Int { hour24 * 3600 + minute * 60 + (second ?? 0) }
    }

    /// A calendar day as written; `year` is `nil` when the text leaves it out.
    struct Day: Sendable, Equatable {
        var month: Int
        var day: Int
        var year: Int?
    }

    /// The parts of a day prose names, as local hours `[start, end)`.
    enum PartOfDay: String, Sendable, Equatable {
        case morning, afternoon, evening, night

        var hours: (start: Int, end: Int) {
            switch self {
            case .morning: return (6, 12)
            case .afternoon: return (12, 18)
            case .evening: return (18, 24)
            case .night: return (21, 30)
            }
        }
    }

    var clock: Clock?
    var zoneToken: String?
    var day: Day?
    /// 0 = Sunday ... 6 = Saturday, when a weekday is named.
    var weekday: Int?
    /// Whether the text looks back to the weekday ("the previous Thursday", "last Monday"): the
    /// one before the date in force, which stays in force (a cause days before the outage).
    var looksBack = false
    var partOfDay: PartOfDay?
    /// A complete ISO 8601 timestamp needs no context.
    var stamped: Instant?
    var stampedZone: WrittenZone?
    /// Seconds after the text's stated T0, for a time written relative to it (`T+38m`).
    var relativeSeconds: Int64?
    /// Token range `[first, end)`.
    var first: Int
    var end: Int

    /// Whether the expression gives a time of day (a clock, a timestamp, a time relative to T0),
    /// not only a day or a part of one.
    var isTimeOfDay: Bool { clock != nil || stamped != nil || relativeSeconds != nil }

    /// How precisely the expression pins its instant.
    var precision: TimePrecision {
        if let clock { return clock.precision }
        if stamped != nil { return .second }
        if let relativeSeconds { return relativeSeconds % 60 == 0 ? .minute : .second }
        return partOfDay == nil ? .day : .partOfDay
    }
}

/// A time expression as found in a sentence: one instant, or a span written `A to B`.
struct ProseTimeMention: Sendable, Equatable {
    var start: ProseTimeExpression
    var end: ProseTimeExpression?
    /// The words as written, from the first token to the last.
    var written: String
    /// The token range the mention covers.
    var first: Int
    var last: Int
}
