/// A point in time: whole seconds since 1970-01-01T00:00:00Z (UTC).
///
/// The toolkit keeps its own instant type rather than `Foundation.Date` so that the model
/// and the engine need no Foundation at all, comparisons are exact integers, and
/// formatting is the same byte for byte on every platform.
public struct Instant: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant at a wall-clock time written in a zone with the given UTC offset.
    public init(date: CivilDate, hour: Int, minute: Int, second: Int = 0, offsetSeconds: Int) {
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.secondsSinceEpoch = local - Int64(offsetSeconds)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public func adding(minutes: Int) -> Instant {
        adding(seconds: Int64(minutes) * 60)
    }

    /// Whole minutes from `self` to `later` (negative when `later` is earlier), rounded toward zero.
    public func minutes(until later: Instant) -> Int {
        Int((later.secondsSinceEpoch - secondsSinceEpoch) / 60)
    }

    /// Seconds from `self` to `later`.
    public func seconds(until later: Instant) -> Int64 {
        later.secondsSinceEpoch - secondsSinceEpoch
    }

    /// The calendar date and wall-clock time at this instant in a zone with the given offset.
    public func civil(offsetSeconds: Int = 0) -> (date: CivilDate, hour: Int, minute: Int, second: Int) {
        let local = secondsSinceEpoch + Int64(offsetSeconds)
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let r = Int(rest)
        return (CivilDate(daysSinceEpoch: Int(days)), r / 3600, (r % 3600) / 60, r % 60)
    }

    /// ISO 8601 in UTC: `2008-07-20T16:05:00Z`.
    public var iso8601: String {
        let c = civil()
        // Built from digits in one buffer: every event's time is printed, so this is hot.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        let year = c.date.year
        guard (0...9999).contains(year) else {
            return String(year) + "-" + WrittenZone.twoDigits(c.date.month) + "-" + WrittenZone.twoDigits(c.date.day) + "T"
                + WrittenZone.twoDigits(c.hour) + ":" + WrittenZone.twoDigits(c.minute) + ":" + WrittenZone.twoDigits(c.second) + "Z"
        }
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(45)
        digits(c.date.month, 2)
        bytes.append(45)
        digits(c.date.day, 2)
        bytes.append(84)
        digits(c.hour, 2)
        bytes.append(58)
        digits(c.minute, 2)
        bytes.append(58)
        digits(c.second, 2)
        bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ISO 8601 with the offset of a written zone: `2008-07-20T09:05:00-07:00`.
    public func iso8601(in zone: WrittenZone) -> String {
        let c = civil(offsetSeconds: zone.offsetSeconds)
        return c.date.description + "T" + WrittenZone.twoDigits(c.hour) + ":"
            + WrittenZone.twoDigits(c.minute) + ":" + WrittenZone.twoDigits(c.second) + zone.offsetText
    }

    /// Parses `2008-07-20T16:05:00Z`, `2019-02-20T12:00:19.418-06:00`, `2011-04-21 07:47:00+00:00`.
    /// Fractions of a second are dropped. Returns `nil` for anything else, or an impossible date.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let parsed = ISO8601Scanner.scan(bytes) else { return nil }
        self = parsed.instant
    }

    public var description: String { iso8601 }
}

/// The zone and instant of an ISO 8601 timestamp, for parsers that keep the offset as written.
public enum ISO8601Scanner {
    /// Scans an ISO 8601 timestamp and returns the instant and the zone it was written in.
    public static func scan(_ b: [UInt8]) -> (instant: Instant, zone: WrittenZone)? {
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            i += count
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        guard i < b.count, b[i] == 84 || b[i] == 32 || b[i] == 116 else {
            return i == b.count ? (Instant(date: date, hour: 0, minute: 0, offsetSeconds: 0), .utc) : nil
        }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2) else { return nil }
        var second = 0
        if i < b.count, b[i] == 58 {
            i += 1
            guard let s = number(2) else { return nil }
            second = s
        }
        if i < b.count, b[i] == 46 || b[i] == 44 {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        }
        guard hour <= 24, minute <= 59, second <= 60 else { return nil }
        var zone = WrittenZone.utc
        if i < b.count {
            if b[i] == 90 || b[i] == 122 {
                i += 1
                zone = WrittenZone(token: "Z", offsetSeconds: 0)
            } else if b[i] == 43 || b[i] == 45 {
                let negative = b[i] == 45
                let start = i
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(58)
                let om = number(2) ?? 0
                let offset = (oh * 3600 + om * 60) * (negative ? -1 : 1)
                let token = String(decoding: b[start..<i], as: UTF8.self)
                zone = WrittenZone(token: token, offsetSeconds: offset)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let instant = Instant(date: date, hour: hour, minute: minute, second: second, offsetSeconds: zone.offsetSeconds)
        return (instant, zone)
    }
}
