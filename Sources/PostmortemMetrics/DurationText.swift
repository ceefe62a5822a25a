/// Durations written the way engineers write them: `7h 55m`, `45m`, `3d 2h 10m`.
public enum DurationText {
    public static func minutes(_ total: Int) -> String {
        let sign = total < 0 ? "-" : ""
        var rest = abs(total)
        let days = rest / 1440
        rest %= 1440
        let hours = rest / 60
        let minutes = rest % 60
        var parts: [String] = []
        if days > 0 { parts.append("\(days)d") }
        if hours > 0 || days > 0 { parts.append("\(hours)h") }
        parts.append("\(minutes)m")
        return sign + parts.joined(separator: " ")
    }
}
