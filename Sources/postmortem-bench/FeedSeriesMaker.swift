import Foundation

/// Writes a snapshot series of one Statuspage history feed (`history.atom`), one capture a day,
/// in the shape of `Fixtures/archive/tarn-history`: each capture lists the 25 newest incidents,
/// newest first, so every incident is seen in 25 captures; the newest is still open on the day
/// it appears (its first update only) and complete in every later capture. About 40 KB a
/// capture. Deterministic: the same count gives the same bytes.
enum FeedSeriesMaker {
    static let window = 25
    static let labels = ["Investigating", "Identified", "Monitoring", "Update", "Resolved"]

    /// Writes `captures` captures into `folder`; returns their paths (in capture order) and bytes.
    static func make(folder: String, captures: Int) throws -> (paths: [String], bytes: Int) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        var total = 0
        for day in 0..<captures {
            let text = capture(day: day)
            let path = (folder as NSString).appendingPathComponent("bench_history_\(isoDate(day))T0422Z.atom")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            total += text.utf8.count
        }
        return (paths, total)
    }

    /// How many distinct incidents `captures` captures hold.
    static func distinctIncidents(captures: Int) -> Int { captures + window - 1 }

    static func capture(day: Int) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xml:lang=\"en-US\" xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>tag:status.bench.example,2005:/history</id>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"https://status.bench.example\"/>\n"
        out += "  <title>Bench Cloud Status - Incident History</title>\n  <updated>\(isoDate(day))T03:00:00Z</updated>\n"
        out += "  <author>\n    <name>Bench Cloud</name>\n  </author>\n"
        // Incident n opens on day n - window + 1, so the first capture already lists a full window.
        let newest = day + window - 1
        for number in stride(from: newest, through: max(0, newest - window + 1), by: -1) {
            out += entry(number: number, complete: number < newest)
        }
        return out + "</feed>\n"
    }

    static func entry(number: Int, complete: Bool) -> String {
        let day = number - window + 1
        let updates = complete ? 3 + number % 4 : 1
        let startMinute = 60 + (number * 37) % (20 * 60)
        var content = ""
        for index in stride(from: updates - 1, through: 0, by: -1) {
            let minute = startMinute + index * 17
            let label = index == 0 ? "Investigating" : (index == updates - 1 && complete ? "Resolved" : labels[1 + (number + index) % 3])
            let (date, clock) = stamp(day: day, minute: minute)
            content += "&lt;p&gt;&lt;small&gt;\(date.month) &lt;var data-var='date'&gt;\(date.day < 10 ? " " : "")\(date.day)&lt;/var&gt;, "
            content += "&lt;var data-var='time'&gt;\(clock)&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;\(label)&lt;/strong&gt; - "
            content += "\(CorpusMaker.bodies[(number + index) % CorpusMaker.bodies.count]) Reference \(number)-\(index).&lt;/p&gt;"
        }
        let code = "b" + String(number, radix: 36).leftPadded(to: 11)
        var out = "  <entry>\n    <id>tag:status.bench.example,2005:Incident/\(1_000_000 + number)</id>\n"
        out += "    <published>\(isoDate(day))T\(clockText(startMinute)):00Z</published>\n"
        out += "    <updated>\(isoDate(day))T\(clockText(startMinute)):00Z</updated>\n"
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"https://status.bench.example/incidents/\(code)\"/>\n"
        out += "    <title>Degraded performance of service \(number % 17) (\(number))</title>\n"
        out += "    <content type=\"html\">\(content)</content>\n  </entry>\n"
        return out
    }

    /// The feed's date and clock for `minute` minutes after midnight UTC of `day`.
    static func stamp(day: Int, minute: Int) -> (date: (month: String, day: Int), clock: String) {
        let civil = civilDate(day + minute / 1440)
        return ((CorpusMaker.months[civil.month - 1], civil.day), clockText(minute % 1440))
    }

    static func clockText(_ minute: Int) -> String { CorpusMaker.pad(minute / 60) + ":" + CorpusMaker.pad(minute % 60) }

    /// Day `offset` after 2021-01-01.
    static func civilDate(_ offset: Int) -> (year: Int, month: Int, day: Int) {
        var components = DateComponents()
        components.year = 2021
        components.month = 1
        components.day = 1 + offset
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 2021, parts.month ?? 1, parts.day ?? 1)
    }

    static func isoDate(_ offset: Int) -> String {
        let c = civilDate(offset)
        return "\(c.year)-\(CorpusMaker.pad(c.month))-\(CorpusMaker.pad(c.day))"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
