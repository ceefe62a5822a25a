/// A time zone as a source wrote it: the token, and the UTC offset it stood for at that instant.
public struct WrittenZone: Sendable, Equatable, Hashable, Codable {
    /// The token as written: `PDT`, `UTC`, `GMT+08:00`, `Pacific`.
    public var token: String
    /// Seconds east of UTC (PDT is -25,200).
    public var offsetSeconds: Int

    public init(token: String, offsetSeconds: Int) {
        self.token = token
        self.offsetSeconds = offsetSeconds
    }

    public static let utc = WrittenZone(token: "UTC", offsetSeconds: 0)

    /// The offset written as `-07:00`, `+05:30` or `+00:00`.
    public var offsetText: String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        let hours = magnitude / 3600
        let minutes = (magnitude % 3600) / 60
        return sign + Self.twoDigits(hours) + ":" + Self.twoDigits(minutes)
    }

    /// `7` -> `07`: the two-digit fields of dates and times.
    public static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
