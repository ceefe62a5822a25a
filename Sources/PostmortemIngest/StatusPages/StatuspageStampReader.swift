import PostmortemTimeline

/// Resolves the stamps of Statuspage updates ("Jan 19, 09:06 PST", "Posted 3 days ago. Jan 15,
/// 2025 - 10:30 UTC") against the date that supplies their missing year.
///
/// The year comes from a day header, a feed entry's `published` date, or, for the boxes at the
/// top of a front page, from the page's other dates or `--reference-date`; in that last case
/// every resolved update carries a warning that its year was inferred.
struct StatuspageStampReader: Sendable {
    /// The date that supplies the year, when there is one.
    var reference: CivilDate?
    /// Why the year is a guess, when it is (e.g. "from the latest day on the page, 2021-01-20").
    var inferredFrom: String?
    var defaultZone: WrittenZone?
    var file: String

    /// An update turned into an event, or the warning that says why it was skipped.
    enum Reading: Sendable, Equatable {
        case event(TimelineEvent, warning: ParseWarning?)
        case skipped(ParseWarning)
    }

    /// Reads one update block into an event at `line`.
    func read(_ block: StatuspageUpdateBlock, line: Int?) -> Reading {
        read(stampText: block.stampText, status: block.status, body: block.body, line: line)
    }

    /// Reads a stamp and builds the event with its status word (lower-cased) and body.
    func read(stampText: String?, status: String?, body: String, line: Int?) -> Reading {
        let location = SourceLocation(file: file, line: line)
        guard let stampText, let stamp = TimeStampScanner.firstStamp(in: stampText) else {
            let shown = stampText.map { "'\($0)'" } ?? "no stamp"
            return .skipped(ParseWarning(location: location, message: "skipped an update: \(shown) holds no time"))
        }
        let date: CivilDate
        if let reference {
            date = reference
        } else if let year = stamp.year, let month = stamp.month, let day = stamp.day {
            date = CivilDate(year: year, month: month, day: day)
        } else {
            return .skipped(
                ParseWarning(
                    location: location,
                    message: "skipped an update: '\(stamp.written)' has no year and the page gives none (give --reference-date)"))
        }
        var resolution = StampResolution(date: date, defaultZone: defaultZone)
        switch resolution.resolve(stamp) {
        case .skipped(let reason):
            return .skipped(ParseWarning(location: location, message: "skipped an update: \(reason)"))
        case .resolved(let instant, let zone, let note):
            var notes: [String] = []
            if let note { notes.append(note) }
            if stamp.year == nil, let inferredFrom {
                notes.append("the year of '\(stamp.written)' was inferred \(inferredFrom)")
            }
            let event = TimelineEvent(
                time: instant, zone: zone, writtenTime: stamp.written,
                precision: stamp.second == nil ? .minute : .second,
                status: status.map { $0.lowercased() }, text: body, source: location)
            let warning = notes.isEmpty ? nil : ParseWarning(location: location, message: notes.joined(separator: "; "))
            return .event(event, warning: warning)
        }
    }
}

extension TimeStampScanner {
    /// The first stamp that starts at a word in `text`: skips lead-ins such as "Posted 3 days ago."
    ///
    /// - Complexity: O(n) tries, each bounded by the length of a stamp.
    static func firstStamp(in text: String) -> WrittenStamp? {
        let bytes = Array(text.utf8)
        var i = 0
        var atWordStart = true
        while i < bytes.count {
            let c = bytes[i]
            let isWordByte = (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57)
            if isWordByte && atWordStart, let found = scan(bytes, from: i) {
                return found.stamp
            }
            atWordStart = !isWordByte
            i += 1
        }
        return nil
    }

    /// A date written without a time: `Jan 19, 2021`, `January 19 2021`, `19 Jan 2021`.
    static func writtenDate(_ text: String) -> CivilDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
        var month: Int?
        var numbers: [Int] = []
        for word in words {
            if let value = Int(word) {
                numbers.append(value)
            } else if month == nil, let named = CivilDate.month(named: word) {
                month = named
            }
        }
        guard let month, numbers.count == 2 else { return nil }
        let (day, year) = numbers[0] > 31 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1])
        let date = CivilDate(year: year, month: month, day: day)
        return date.isValid ? date : nil
    }
}
