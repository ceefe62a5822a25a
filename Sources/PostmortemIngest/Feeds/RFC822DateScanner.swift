import PostmortemTimeline

/// Reads RSS `pubDate` stamps (RFC 822 / RFC 2822): `Sun, 20 Jul 2008 16:05:00 PDT`,
/// `Thu, 25 Mar 2021 17:19:42 +0000`, `20 Jul 08 16:05 GMT`.
///
/// Zone abbreviations go through `ZoneTable`; numeric offsets are read as written.
public enum RFC822DateScanner {
    /// The instant and the zone it was written in, or `nil` when `text` is not an RFC 822 date.
    public static func scan(_ text: String) -> (instant: Instant, zone: WrittenZone)? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })[...]
        guard var first = words.first else { return nil }
        if first.hasSuffix(",") || CivilDate.weekdayNumber(first) != nil {
            words = words.dropFirst()
            guard let next = words.first else { return nil }
            first = next
        }
        guard words.count >= 4, let day = Int(first) else { return nil }
        let parts = Array(words)
        guard let month = CivilDate.month(named: parts[1]), var year = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        let date = CivilDate(year: year, month: month, day: day)
        let clock = parts[3].split(separator: ":").map { Int($0) }
        guard date.isValid, clock.count >= 2, clock.count <= 3, !clock.contains(nil) else { return nil }
        let hour = clock[0] ?? 0
        let minute = clock[1] ?? 0
        let second = clock.count == 3 ? clock[2] ?? 0 : 0
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }
        let zone: WrittenZone
        if parts.count >= 5 {
            guard let known = ZoneTable.zone(for: parts[4], on: date, hour: hour) else { return nil }
            zone = known
        } else {
            zone = WrittenZone(token: "GMT", offsetSeconds: 0)
        }
        let instant = Instant(date: date, hour: hour, minute: minute, second: second, offsetSeconds: zone.offsetSeconds)
        return (instant, zone)
    }
}
