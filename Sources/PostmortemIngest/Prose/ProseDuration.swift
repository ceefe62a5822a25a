import Foundation

/// A duration a sentence gives for the impact: "lasting two hours and six minutes", "a 34-minute
/// outage", "for approximately 5 minutes", "13 minutes of downtime", "lasted 1 hour and 48 minutes".
enum ProseDuration {
    static let units: [String: Int] = [
        "minute": 60, "minutes": 60, "min": 60, "mins": 60, "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "h": 3600,
        "day": 86_400, "days": 86_400,
    ]
    static let leads: Set<String> = ["lasting", "lasted", "for", "of", "over", "spanning", "totalling", "totaling", "took", "duration"]
    static let hedges: Set<String> = ["approximately", "about", "around", "nearly", "roughly", "almost", "just", "some", "over", "under", "a", "an", "total", "period", "of", "the", "next", "following"]
    static let impactNouns: Set<String> = ["outage", "downtime", "disruption", "incident", "degradation", "period", "impact", "interruption", "unavailability"]

    /// The seconds of the first impact duration in the sentence, if it gives one.
    static func seconds(in sentence: String) -> Int64? {
        let words = Self.words(sentence)
        var i = 0
        while i < words.count {
            // "34-minute outage", "6-minute period".
            let hyphen = words[i].utf8.contains(45) ? words[i].split(separator: "-") : []
            if hyphen.count == 2, let value = number(String(hyphen[0])), let unit = units[String(hyphen[1])],
                i + 1 < words.count, impactNouns.contains(words[i + 1]) || words[i + 1] == "window"
            {
                return Int64(value * Double(unit))
            }
            if let total = amount(words, at: i) {
                let before = i > 0 ? words[i - 1] : ""
                var k = i - 1
                while k >= 0, hedges.contains(words[k]), !leads.contains(words[k]) { k -= 1 }
                let lead = k >= 0 ? words[k] : ""
                let after = total.end < words.count ? words[total.end] : ""
                let after2 = total.end + 1 < words.count ? words[total.end + 1] : ""
                if leads.contains(lead) || leads.contains(before) || (after == "of" && impactNouns.contains(after2))
                    || impactNouns.contains(after)
                {
                    return Int64(total.seconds + further(words, from: total.end))
                }
                i = total.end
                continue
            }
            i += 1
        }
        return nil
    }

    /// The sentence's words, lower-cased: runs of letters, digits, hyphens and points, with the
    /// points at either end dropped. ASCII text is cut on its bytes (cutting on `Character`s and
    /// trimming with Foundation was most of the window evidence's time, callgrind); other text on
    /// its characters.
    static func words(_ sentence: String) -> [String] {
        guard sentence.utf8.allSatisfy({ $0 < 128 }) else {
            // Cut on `Character`s, as before; lower-cased by `TextFolding` (the same string, without
            // the standard library's slow path for non-ASCII text), and the points at either end
            // dropped on bytes: a point inside a word is always a `Character` of its own (with a
            // mark after it, it would be no word character), and a word holds no comma, so this is
            // Foundation's `trimmingCharacters(in: ".,")` without its cost per word.
            return TextFolding.lowercased(sentence).split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }.map { word in
                let utf8 = word.utf8
                guard utf8.first == 46 || utf8.last == 46 else { return String(word) }
                var first = utf8.startIndex
                var last = utf8.endIndex
                while first < last, utf8[first] == 46 { first = utf8.index(after: first) }
                while last > first, utf8[utf8.index(before: last)] == 46 { last = utf8.index(before: last) }
                return String(word[first..<last])
            }
        }
        var words: [String] = []
        var copy = sentence
        copy.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                var end = i
                while end < n, Self.isWordByte(bytes[end]) { end += 1 }
                guard end > i else {
                    i += 1
                    continue
                }
                var first = i
                var last = end
                while first < last, bytes[first] == 46 { first += 1 }
                while last > first, bytes[last - 1] == 46 { last -= 1 }
                // Written straight into the new string's storage (a lazily mapped sequence went
                // through the standard library's generic, type-casting path for every word).
                words.append(String(unsafeUninitializedCapacity: last - first) { out in
                    for k in first..<last { out[k - first] = bytes[k] >= 65 && bytes[k] <= 90 ? bytes[k] | 0x20 : bytes[k] }
                    return last - first
                })
                i = end
            }
        }
        return words
    }

    /// An ASCII letter, digit, hyphen or point.
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
        (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57) || c == 45 || c == 46
    }

    /// The units' stems in the cases text writes them, looked for on the sentence's bytes.
    static let unitStems = PhraseList(["min", "hour", "day", "hr", "Min", "Hour", "Day", "Hr", "MIN", "HOUR", "DAY", "HR"])

    /// Whether the sentence may give a length at all: a byte scan for a unit's stem, so that the
    /// sentences without one (most of them) are never cut into words. A bare "h" ("2 h") is not
    /// looked for: it would pass nearly every sentence, and prose writes the unit out.
    static func mayHoldLength(_ sentence: String) -> Bool {
        unitStems.matches(sentence) || holdsCompactLength(sentence)
    }

    /// Whether the sentence writes a length in the compact form "3h 12m" or "45m": a digit
    /// directly followed by `h` or `m` and then no letter.
    /// One pass over the bytes with the two bytes before, no copy: it runs on every sentence.
    static func holdsCompactLength(_ sentence: String) -> Bool {
        var twoBack: UInt8 = 32
        var oneBack: UInt8 = 32
        for byte in sentence.utf8 {
            if isCompactUnit(digit: twoBack, unit: oneBack), !isLetter(byte) { return true }
            twoBack = oneBack
            oneBack = byte
        }
        return isCompactUnit(digit: twoBack, unit: oneBack)
    }

    private static func isCompactUnit(digit: UInt8, unit: UInt8) -> Bool {
        digit >= 48 && digit <= 57 && (unit | 0x20 == 104 || unit | 0x20 == 109)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= 97 && byte | 0x20 <= 122
    }

    /// "3h", "12m", "1.5h": a number and a one-letter unit written as one word. `m` is minutes
    /// only after an hour of the same length ("3h 12m"): alone it is as often millions.
    static func compactAmount(_ word: String, afterHours: Bool) -> Double? {
        // The last byte first: the last `Character` is one of these only when it is.
        guard let byte = word.utf8.last, byte | 0x20 == 104 || byte | 0x20 == 109 else { return nil }
        guard let unit = word.last, unit == "h" || unit == "m" || unit == "H" || unit == "M",
            let value = number(String(word.dropLast())), word.utf8.count >= 2
        else { return nil }
        if unit == "h" || unit == "H" { return value * 3600 }
        return afterHours ? value * 60 : nil
    }

    /// Words that add a second length to the first: "lasting 5.5 hours, with another 3.5 hours
    /// of backlog", "a further 30 minutes of degraded performance".
    static let additions: Set<String> = ["another", "further", "additional"]

    /// The seconds of the lengths the sentence adds after `start` ("with another 3.5 hours of
    /// build backlog after recovery"): the impact went on for them too.
    static func further(_ words: [String], from start: Int) -> Double {
        var total = 0.0
        var i = start
        while i + 1 < words.count {
            if additions.contains(words[i]), let extra = amount(words, at: i + 1) {
                total += extra.seconds
                i = extra.end
                continue
            }
            i += 1
        }
        return total
    }

    /// `two hours and six minutes`, `1 hour 48 minutes`, `45 minutes`, `an hour` at `i`.
    static func amount(_ words: [String], at start: Int) -> (seconds: Double, end: Int)? {
        var i = start
        var total = 0.0
        var matched = false
        var hours = false
        while i < words.count {
            // The unit first: one table look-up rejects most words, before the number's readings.
            if i + 1 < words.count, let unit = units[words[i + 1]], let value = number(words[i]) {
                total += value * Double(unit)
                hours = unit == 3600
                i += 2
            } else if let seconds = compactAmount(words[i], afterHours: hours) {
                total += seconds
                hours = seconds.truncatingRemainder(dividingBy: 3600) == 0 && words[i].last != "m" && words[i].last != "M"
                i += 1
            } else {
                break
            }
            matched = true
            if i + 2 < words.count, words[i] == "and", number(words[i + 1]) != nil, units[words[i + 2]] != nil { i += 1 }
        }
        return matched ? (total, i) : nil
    }

    static func number(_ word: String) -> Double? {
        // Only a word led by a digit, point or sign can parse as a number in range (a letter-led
        // one parses as nothing, or as NaN or infinity, which the range rejects): the others are
        // not handed to the C library's parser.
        if let lead = word.utf8.first, (lead >= 48 && lead <= 57) || lead == 46 || lead == 43 || lead == 45,
            let value = Double(word), value >= 0, value < 10_000
        {
            return value
        }
        if word == "an" || word == "a" || word == "one" { return 1 }
        if word == "half" { return 0.5 }
        let parts = word.utf8.contains(45) ? word.split(separator: "-") : []
        if parts.count == 2, let tens = Sentences.numberWord(String(parts[0])), let units = Sentences.numberWord(String(parts[1])), tens >= 20, units < 10 {
            return Double(tens + units)
        }
        return Sentences.numberWord(word).map(Double.init)
    }
}
