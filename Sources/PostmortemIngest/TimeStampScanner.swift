import PostmortemTimeline

/// A date-and-time stamp as written at the start of a status update:
/// `9:05 AM PDT`, `July 21, 7:19 PM PDT`, `Jan 19, 09:06 PST`, `Mar 3, 2021 14:05:33 UTC`.
public struct WrittenStamp: Sendable, Equatable {
    public var month: Int?
    public var day: Int?
    public var year: Int?
    public var hour: Int
    public var minute: Int
    public var second: Int?
    /// `true` for PM, `false` for AM, `nil` for a 24-hour clock.
    public var isPM: Bool?
    public var zoneToken: String?
    /// The stamp exactly as written.
    public var written: String
    /// Why the stamp cannot be a real time (`25:99 PM`), when it cannot.
    public var problem: String?

    /// The hour on a 24-hour clock.
    public var hour24: Int {
        guard let isPM else { return hour }
        if hour == 12 { return isPM ? 12 : 0 }
        return isPM ? hour + 12 : hour
    }
}

/// Reads `WrittenStamp`s by hand over UTF-8 bytes: it runs once per update on pages of
/// thousands of updates, and a hand scanner is several times faster than `Regex` here.
public enum TimeStampScanner {
    /// Scans a stamp at the very start of `text` (after white space). Returns the stamp and the
    /// number of UTF-8 bytes it used, or `nil` when the text does not start with a time.
    public static func scanPrefix(_ text: some StringProtocol) -> (stamp: WrittenStamp, length: Int)? {
        let bytes = Array(text.utf8)
        return scan(bytes, from: 0)
    }

    /// Scans a stamp starting at `start` in `b`.
    public static func scan(_ b: [UInt8], from start: Int) -> (stamp: WrittenStamp, length: Int)? {
        var i = start
        skipSpaces(b, &i)
        let stampStart = i
        var month: Int?
        var day: Int?
        var year: Int?
        // Optional weekday and month name.
        var save = i
        if let word = letterRange(b, &i) {
            var name = word
            if Self.weekday(b, name) != nil {
                if i < b.count, b[i] == 44 { i += 1 }
                skipSpaces(b, &i)
                save = i
                guard let next = letterRange(b, &i) else { i = save; return nil }
                name = next
            }
            guard let m = Self.month(b, name) else { return nil }
            if i < b.count, b[i] == 46 { i += 1 }
            skipSpaces(b, &i)
            guard let d = digits(b, &i, max: 2) else { return nil }
            month = m
            day = d
            for suffix in ["st", "nd", "rd", "th"] where matchWord(b, &i, suffix) { break }
            if i < b.count, b[i] == 44 { i += 1 }
            skipSpaces(b, &i)
            save = i
            if let y = digits(b, &i, max: 4), y >= 1900, i < b.count, b[i] != 58 {
                year = y
                if i < b.count, b[i] == 44 { i += 1 }
                skipSpaces(b, &i)
            } else {
                i = save
            }
            // "Jan 19, 2021 - 09:06" and "at" between date and time.
            if i < b.count, b[i] == 45 {
                i += 1
                skipSpaces(b, &i)
            }
            _ = matchWord(b, &i, "at")
            skipSpaces(b, &i)
        } else {
            i = save
        }
        guard let hour = digits(b, &i, max: 2), i < b.count, b[i] == 58 else { return nil }
        i += 1
        guard let minute = digits(b, &i, max: 2, min: 2) else { return nil }
        var second: Int?
        if i < b.count, b[i] == 58 {
            i += 1
            second = digits(b, &i, max: 2, min: 2)
            if second == nil { return nil }
        }
        var afterTime = i
        skipSpaces(b, &i)
        var isPM: Bool?
        if let meridiem = meridiem(b, &i) {
            isPM = meridiem
            afterTime = i
        } else {
            i = afterTime
        }
        // Zone token.
        var zoneToken: String?
        var j = afterTime
        skipSpaces(b, &j)
        let zoneStart = j
        while j < b.count, isZoneByte(b[j]) { j += 1 }
        if j > zoneStart {
            if b[j - 1] == 58 { j -= 1 }
            let token = String(decoding: b[zoneStart..<j], as: UTF8.self)
            if j > zoneStart, looksLikeZone(token) {
                zoneToken = token
                afterTime = j
            }
        } else if afterTime < b.count, b[afterTime] == 90 {  // 14:05:33Z
            zoneToken = "Z"
            afterTime += 1
        }
        let written = String(decoding: b[stampStart..<afterTime], as: UTF8.self)
        var problem: String?
        if let isPM {
            _ = isPM
            if hour < 1 || hour > 12 || minute > 59 { problem = "'\(written)' is not a time of day" }
        } else if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
            problem = "'\(written)' is not a time of day"
        }
        if let second, second > 60 { problem = "'\(written)' is not a time of day" }
        if let month, let day {
            let checkYear = year ?? 2000  // a leap year, so February 29th is accepted without one
            if !CivilDate(year: checkYear, month: month, day: day).isValid {
                problem = "'\(written)' names a day that does not exist"
            }
        }
        let stamp = WrittenStamp(
            month: month, day: day, year: year, hour: hour, minute: minute, second: second, isPM: isPM,
            zoneToken: zoneToken, written: written, problem: problem)
        return (stamp, afterTime - start)
    }

    static func skipSpaces(_ b: [UInt8], _ i: inout Int) {
        while i < b.count {
            if b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 {
                i += 1
            } else if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                i += 2
            } else {
                break
            }
        }
    }

    /// The range of the run of ASCII letters at `i`, moving `i` past it (no `String` is built:
    /// this runs on every word that could start a date).
    static func letterRange(_ b: [UInt8], _ i: inout Int) -> Range<Int>? {
        let start = i
        while i < b.count, (b[i] | 0x20) >= 97, (b[i] | 0x20) <= 122 { i += 1 }
        return i > start ? start..<i : nil
    }

    static let monthWords: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }
    static let weekdayWords: [[UInt8]] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map { Array($0.utf8) }

    /// The month a word names in full or as its first three letters (`Sept` too), ignoring case.
    static func month(_ b: [UInt8], _ word: Range<Int>) -> Int? {
        for (index, name) in monthWords.enumerated() where matches(b, word, name) { return index + 1 }
        if word.count == 4, matches(b, word, Array("sept".utf8)) { return 9 }
        return nil
    }

    /// The weekday (0 = Sunday) a word names in full or as its first three letters, ignoring case.
    static func weekday(_ b: [UInt8], _ word: Range<Int>) -> Int? {
        for (index, name) in weekdayWords.enumerated() where matches(b, word, name) { return index }
        return nil
    }

    /// Whether the word is `name` or its three-letter abbreviation, ignoring ASCII case.
    static func matches(_ b: [UInt8], _ word: Range<Int>, _ name: [UInt8]) -> Bool {
        guard word.count == name.count || word.count == 3 else { return false }
        var k = 0
        for index in word {
            if (b[index] | 0x20) != name[k] { return false }
            k += 1
        }
        return true
    }

    static func digits(_ b: [UInt8], _ i: inout Int, max: Int, min: Int = 1) -> Int? {
        var value = 0
        var count = 0
        while i < b.count, count < max, b[i] >= 48, b[i] <= 57 {
            value = value * 10 + Int(b[i] - 48)
            i += 1
            count += 1
        }
        if i < b.count, b[i] >= 48, b[i] <= 57 { i -= count; return nil }
        guard count >= min else { i -= count; return nil }
        return value
    }

    static func matchWord(_ b: [UInt8], _ i: inout Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= b.count else { return false }
        for k in 0..<w.count where (b[i + k] | 0x20) != w[k] { return false }
        let end = i + w.count
        if end < b.count, (b[end] | 0x20) >= 97, (b[end] | 0x20) <= 122 { return false }
        i = end
        return true
    }

    /// `AM`, `PM`, `am`, `a.m.`, `p.m.` -> `false`/`true`.
    static func meridiem(_ b: [UInt8], _ i: inout Int) -> Bool? {
        guard i < b.count else { return nil }
        let first = b[i] | 0x20
        guard first == 97 || first == 112 else { return nil }
        var j = i + 1
        if j < b.count, b[j] == 46 { j += 1 }
        guard j < b.count, (b[j] | 0x20) == 109 else { return nil }
        j += 1
        if j < b.count, b[j] == 46 { j += 1 }
        if j < b.count, (b[j] | 0x20) >= 97, (b[j] | 0x20) <= 122 { return nil }
        i = j
        return first == 112
    }

    static func isZoneByte(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 58
    }

    /// A zone token is upper-case letters, optionally followed by an offset (`GMT+08:00`), or a
    /// bare offset; `Pacific`/`Eastern` style words are accepted too.
    static func looksLikeZone(_ token: String) -> Bool {
        let trimmed = token.hasSuffix(":") ? String(token.dropLast()) : token
        if ZoneTable.zone(for: trimmed) != nil { return true }
        guard let first = trimmed.unicodeScalars.first else { return false }
        if first == "+" || first == "-" { return false }
        // Unknown upper-case abbreviations are still zones (reported, never guessed).
        let letters = trimmed.unicodeScalars.prefix { $0.properties.isUppercase }
        return letters.count >= 2 && letters.count <= 5 && letters.count == trimmed.unicodeScalars.count
    }
}

extension CivilDate {
    /// `monday` / `mon` -> 1 ... `sunday` -> 0.
    public static func weekdayNumber(_ name: some StringProtocol) -> Int? {
        // No weekday name is longer than nine bytes: a longer word is not lower-cased to ask.
        guard name.utf8.count <= 9 else { return nil }
        return weekdayNumbers[name.lowercased()]
    }

    /// `sunday` and `sun` -> 0 ... `saturday` and `sat` -> 6: one table, built once.
    static let weekdayNumbers: [String: Int] = {
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        var table: [String: Int] = [:]
        for (index, full) in names.enumerated() {
            table[full] = index
            table[String(full.prefix(3))] = index
        }
        return table
    }()
}
