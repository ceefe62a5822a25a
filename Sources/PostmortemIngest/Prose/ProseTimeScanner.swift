import PostmortemTimeline

/// Finds the time expressions of a sentence in its tokens.
///
/// The forms read: clocks (`12:47 AM PDT`, `02:00AM`, `8:40am`, `3 p.m.`, `14:05:33Z`, `Noon`,
/// `midnight`), each optionally followed by `on`/`of` and a day; days (`April 21st`, `Apr 24`,
/// `21 April 2011`, `2011-04-21`, `Monday, May 2`, `Thursday`), optionally followed by `at` and a
/// clock or by a part of the day (`Saturday morning`); parts of days (`the evening of April 22nd`);
/// ISO 8601 timestamps; and spans joined by `to`, `until`, `through`, `into`, a dash, or
/// `between ... and ...`.
///
/// Words around an instant that qualify it ("By 5:30 AM PDT", "shortly after 11:30 AM PDT", "at
/// about 02:00AM PDT") are left out of the written time: the instant is the one they qualify, and
/// the sentence, kept whole on the event, still says how loosely.
enum ProseTimeScanner {
    /// Every mention in `tokens`, in order, none overlapping.
    static func mentions(in tokens: [ProseToken], sentence: String) -> [ProseTimeMention] {
        var found: [ProseTimeMention] = []
        var i = 0
        while i < tokens.count {
            guard mayOpenExpression(tokens, at: i), let first = expression(tokens, at: i) ?? bareHourOpeningSpan(tokens, at: i) else {
                i += 1
                continue
            }
            var last = first.end
            var second: ProseTimeExpression?
            // "from February 4, 05:35 UTC, to February 5, 22:09 UTC": a comma may stand before the connector.
            let connector = first.end + 1 < tokens.count && tokens[first.end].lower == ","
                && ["to", "until", "till", "through"].contains(tokens[first.end + 1].lower) ? first.end + 1 : first.end
            if connector < tokens.count, isConnector(tokens, at: connector, spanStart: first.first),
                let next = expression(tokens, at: connector + 1)
            {
                second = next
                last = next.end
            }
            let bytes = Array(sentence.utf8)
            let written = String(decoding: bytes[tokens[first.first].start..<tokens[last - 1].end], as: UTF8.self)
            found.append(ProseTimeMention(start: first, end: second, written: written, first: first.first, last: last))
            i = last
        }
        return found
    }

    /// Whether an expression (or a bare hour opening a span) can start at token `i`: its word
    /// (after a leading `the`) is led by a digit or a capital, is `noon`/`midnight` (led by n or m),
    /// or names a part of the day; every reading of `expression` and `bareHourOpeningSpan` needs
    /// one of these. Most tokens are lower-case words and are passed over here, on their first
    /// byte, instead of going through every reading (a third of the reader's time in the scanner).
    @inline(__always) static func mayOpenExpression(_ t: [ProseToken], at i: Int) -> Bool {
        if mayLead(t[i]) { return true }
        return i + 1 < t.count && t[i].lower == "the" && mayLead(t[i + 1])
    }

    /// See `mayOpenExpression`: tokens are ASCII words and marks, so the first byte decides, but
    /// for a part of the day led by a or e ("afternoon of April 22nd", "evening of"; morning and
    /// night are led by m and n), which is looked up.
    @inline(__always) static func mayLead(_ token: ProseToken) -> Bool {
        guard token.isWord, let lead = token.text.utf8.first else { return false }
        if lead >= 48 && lead <= 57 || lead >= 65 && lead <= 90 || lead == 110 || lead == 109 { return true }
        guard lead == 97 || lead == 101 else { return false }
        return ProseTimeExpression.PartOfDay(rawValue: token.lower) != nil
    }

    /// Whether a word led by this letter (any case) can name a month or a weekday (`January` ...
    /// `December`, `Sunday` ... `Saturday` and their abbreviations): j f m a s o n d, t w.
    @inline(__always) static func mayNameDay(_ lead: UInt8) -> Bool {
        switch lead | 0x20 {
        case 97, 100, 102, 106, 109, 110, 111, 115, 116, 119: return true
        default: return false
        }
    }

    /// "between 2 and 4 pm", "from 9 to 11 am": a bare hour after `between`/`from` opens a span
    /// whose end writes the meridiem (the span's end lends it to the start when resolved).
    static func bareHourOpeningSpan(_ t: [ProseToken], at i: Int) -> ProseTimeExpression? {
        guard i > 0, i + 2 < t.count, ["between", "from"].contains(t[i - 1].lower), t[i].text.utf8.count <= 2,
            let hour = Int(t[i].text), (1...12).contains(hour), isConnector(t, at: i + 1, spanStart: i),
            let end = clock(t, at: i + 2), end.clock?.isPM != nil
        else { return nil }
        return ProseTimeExpression(clock: .init(hour: hour, minute: 0, second: nil, isPM: nil, precision: .hour), zoneToken: nil, first: i, end: i + 1)
    }

    static func isConnector(_ t: [ProseToken], at i: Int, spanStart: Int) -> Bool {
        switch t[i].lower {
        case "to", "until", "till", "through", "into", "-", "–": return true
        case "and": return spanStart > 0 && t[spanStart - 1].lower == "between"
        default: return false
        }
    }

    /// One expression starting at token `i` (a leading `the` is allowed).
    static func expression(_ t: [ProseToken], at start: Int) -> ProseTimeExpression? {
        var i = start
        if i < t.count, t[i].lower == "the" { i += 1 }
        guard i < t.count, t[i].isWord else { return nil }
        // "T+38m", "T+1h 30m": a time relative to the text's stated T0.
        if ProseRelativeTime.mayBeRelative(t[i].text), let offset = ProseRelativeTime.offset(t[i].text) {
            var e = ProseTimeExpression(first: i, end: i + 1)
            e.relativeSeconds = offset
            if offset % 3600 == 0, offset != 0, i + 1 < t.count, let minutes = ProseRelativeTime.offset("T+" + t[i + 1].text), minutes > 0, minutes < 3600,
                t[i + 1].text.utf8.last.map({ $0 | 0x20 == 109 }) == true
            {
                e.relativeSeconds = offset + (offset < 0 ? -minutes : minutes)
                e.end = i + 2
            }
            return e
        }
        if let stamped = isoTimestamp(t[i]) {
            var e = ProseTimeExpression(first: i, end: i + 1)
            e.stamped = stamped.instant
            e.stampedZone = stamped.zone
            return e
        }
        // "UTC 05:13": a zone written before the clock (which may still name its day after it:
        // "from UTC 04:10 to UTC 05:55 on 22 July 2019").
        var leadingZone: String?
        if i + 1 < t.count, isLeadingZone(t[i].text), let e = clock(t, at: i + 1), e.zoneToken == nil { leadingZone = t[i].text }
        if var e = clock(t, at: leadingZone == nil ? i : i + 1) {
            if let leadingZone {
                e.zoneToken = leadingZone
                e.first = i
            }
            var j = e.end
            if j < t.count, t[j].lower == "," { j += 1 }
            if j < t.count, t[j].lower == "on" || t[j].lower == "of" { j += 1 }
            if e.end < j, t[j - 1].lower == "on", j + 1 < t.count, t[j].lower == "the", let d = ordinal(t[j + 1].text), t[j + 1].text.utf8.count > String(d).utf8.count {
                // "9pm on the 3rd": a day of the month in force (month 0 until resolved).
                e.day = .init(month: 0, day: d, year: nil)
                e.end = j + 2
            } else if let d = day(t, at: j) {
                e.day = d.day
                e.weekday = d.weekday
                e.end = d.end
                // "2am on Saturday 4 March (CET)".
                if e.zoneToken == nil, let bracketed = bracketedZone(t, at: e.end) {
                    e.zoneToken = bracketed.token
                    e.end += bracketed.length
                }
            }
            return e
        }
        if var e = day(t, at: i).map({ ProseTimeExpression(day: $0.day, weekday: $0.weekday, first: i, end: $0.end) }) {
            var j = e.end
            if j < t.count, t[j].lower == "," { j += 1 }
            if j < t.count, t[j].lower == "at" { j += 1 }
            // "Jun 30, 2023 - 23:58 UTC", "2023-06-30 – 23:40": a status update's stamp, the day
            // and its clock joined by a dash (a clock after the dash is no second day of a span).
            if j + 1 < t.count, t[j].lower == "-" || t[j].lower == "–" || t[j].lower == "—", clock(t, at: j + 1) != nil { j += 1 }
            if let c = clock(t, at: j) {
                e.clock = c.clock
                e.zoneToken = c.zoneToken
                e.end = c.end
            } else if e.end < t.count, let part = ProseTimeExpression.PartOfDay(rawValue: t[e.end].lower) {
                e.partOfDay = part
                e.end += 1
            }
            return e
        }
        if i + 2 < t.count, t[i + 1].lower == "of", let part = ProseTimeExpression.PartOfDay(rawValue: t[i].lower),
            let d = day(t, at: i + 2)
        {
            return ProseTimeExpression(day: d.day, weekday: d.weekday, partOfDay: part, first: i, end: d.end)
        }
        return nil
    }

    // MARK: Clocks

    /// A clock reading with its meridiem and zone token, if any.
    static func clock(_ t: [ProseToken], at i: Int) -> ProseTimeExpression? {
        guard i < t.count, t[i].isWord, let lead = t[i].text.utf8.first else { return nil }
        guard (lead >= 48 && lead <= 57) || lead | 0x20 == 110 || lead | 0x20 == 109 else { return nil }
        var j = i + 1
        var reading: ProseTimeExpression.Clock
        var zone: String?
        let word = t[i].lower
        // A word led by n or m is a clock only as noon or midnight (the readings below need digits).
        guard (lead >= 48 && lead <= 57) || word == "noon" || word == "midnight" else { return nil }
        if word == "noon" || word == "midnight" {
            reading = .init(hour: word == "noon" ? 12 : 0, minute: 0, second: nil, isPM: nil, precision: .minute)
            // "Noon PM PDT": the meridiem adds nothing.
            if j < t.count, meridiem(t[j].lower) != nil { j += 1 }
        } else if let dotted = dottedClock(t, at: i) {
            reading = dotted
            if j < t.count, let m = meridiem(t[j].lower) {
                reading.isPM = m
                j += 1
            }
        } else if let parsed = clockWord(t[i].text) {
            reading = parsed.clock
            zone = parsed.zulu ? "Z" : nil
            if reading.isPM == nil, !parsed.zulu, j < t.count, let m = meridiem(t[j].lower) {
                reading.isPM = m
                j += 1
            }
            if reading.precision == .hour, reading.isPM == nil { return nil }
        } else if let stamped = offsetClock(t[i].text) {
            // "2025-05-14 09:12:00-05:00", "14:05+02:00": the clock and its numeric offset as one word.
            reading = stamped.clock
            zone = stamped.offset
        } else {
            return nil
        }
        // "17:14pm", "00:40 am": a 24-hour reading with a meridiem that adds nothing.
        if reading.isPM != nil, reading.hour == 0 || reading.hour > 12, reading.hour <= 23, reading.precision != .hour { reading.isPM = nil }
        let hourRange = reading.isPM == nil ? 0...23 : 1...12
        guard hourRange.contains(reading.hour) else { return nil }
        guard reading.minute <= 59, (reading.second ?? 0) <= 60 else { return nil }
        // "11:05 AM: UPI payments begin failing": a word after the row's colon is what happened,
        // never the clock's zone.
        let zoneFollows = j < t.count && !t[j].afterColon
        if zone == nil, zoneFollows, let long = longZoneName(t, at: j) ?? ProseZoneName.place(t, at: j) {
            // "9:05 AM Pacific Daylight Time" (before "Pacific" alone, a region word), "16:20 UK time".
            zone = long.token
            j += long.length
        } else if zone == nil, zoneFollows, t[j].isWord, isZoneToken(t[j].text), ZoneTable.zone(for: t[j].text) != nil || looksLikeZone(t, at: j) {
            zone = t[j].text
            j += 1
            if j < t.count, t[j].lower == "time" { j += 1 }
        }
        // "17:05 (UTC+2)", "10:40 (CET)", "(Pacific Standard Time)": a zone in brackets right
        // after the clock is its zone.
        if zone == nil, let bracketed = bracketedZone(t, at: j) {
            zone = bracketed.token
            j += bracketed.length
        }
        return ProseTimeExpression(clock: reading, zoneToken: zone, first: i, end: j)
    }

    /// A clock with its numeric offset written onto it: `09:12:00-05:00`, `14:05+02:00`,
    /// `09:12:00+0530` (the offset must be one `ZoneTable` reads, in whole quarter hours).
    static func offsetClock(_ text: String) -> (clock: ProseTimeExpression.Clock, offset: String)? {
        let b = text.utf8
        guard b.count >= 8, let colon = b.firstIndex(of: 58), let sign = b[colon...].lastIndex(where: { $0 == 43 || $0 == 45 }) else { return nil }
        let body = String(decoding: b[..<sign], as: UTF8.self)
        let offset = String(decoding: b[sign...], as: UTF8.self)
        // Offsets are whole quarter hours: "14:05-14:50" is a range, not 14:05 at UTC-14:50.
        guard let seconds = ZoneTable.zone(for: offset)?.offsetSeconds, seconds % 900 == 0, let parsed = clockWord(body), !parsed.zulu, parsed.clock.isPM == nil,
            parsed.clock.precision != .hour
        else { return nil }
        return (parsed.clock, offset)
    }

    /// A known zone or offset in brackets at token `j`: `(UTC+2)`, `(CET)`.
    static func bracketedZone(_ t: [ProseToken], at j: Int) -> (token: String, length: Int)? {
        guard j + 2 < t.count, t[j].lower == "(" else { return nil }
        if t[j + 2].lower == ")", ZoneTable.zone(for: t[j + 1].text) != nil { return (t[j + 1].text, 3) }
        // "(Pacific Standard Time)", "(UK time)".
        if let long = longZoneName(t, at: j + 1) ?? ProseZoneName.place(t, at: j + 1), j + 1 + long.length < t.count, t[j + 1 + long.length].lower == ")" {
            return (long.token, long.length + 2)
        }
        return nil
    }

    /// Words that end the time expression before them: after a clock, an unknown upper-case word
    /// followed by one of these (or by nothing) stands where a zone does ("10:00 XYZ on 4 April").
    static let afterZoneWords: Set<String> = ["on", "of", "to", "until", "till", "through", "and", "at", "-", "–", ",", ";", "(", ")"]

    /// Upper-case words ending in T that are words or verbs, not zones.
    static let notZonesEndingInT: Set<String> = ["GET", "PUT", "SET", "NOT", "BUT", "OUT", "LOT", "HOT", "POST", "LAST", "NEXT", "TEST", "REST", "JUST", "LIST", "HOST", "BEST", "PORT", "EDIT", "EXIT", "WAIT", "INIT", "ROOT", "UNIT", "TEXT"]

    /// Whether an upper-case word that is no known zone, right after a clock, looks like a zone
    /// and is read as one (to be reported as unknown, never guessed): shaped like an abbreviation
    /// (three or four letters ending in T, as `CAT`, `IRST` are), or standing where a zone stands,
    /// at the end of the expression. "11:05 AM UPI payments fail": `UPI` opens a clause, and is none.
    static func looksLikeZone(_ t: [ProseToken], at j: Int) -> Bool {
        let text = t[j].text
        if (3...4).contains(text.utf8.count), text.utf8.last == 84, !notZonesEndingInT.contains(text) { return true }
        return j + 1 == t.count || afterZoneWords.contains(t[j + 1].lower)
    }

    /// Zones written out in words, as their abbreviations in `ZoneTable`.
    static let longZoneNames: [(words: [String], token: String)] = [
        (["pacific", "standard", "time"], "PST"), (["pacific", "daylight", "time"], "PDT"),
        (["mountain", "standard", "time"], "MST"), (["mountain", "daylight", "time"], "MDT"),
        (["central", "standard", "time"], "CST"), (["central", "daylight", "time"], "CDT"),
        (["eastern", "standard", "time"], "EST"), (["eastern", "daylight", "time"], "EDT"),
        (["greenwich", "mean", "time"], "GMT"), (["coordinated", "universal", "time"], "UTC"), (["british", "summer", "time"], "BST"),
        // "Central European Time" and "Eastern European Time" are places' times, read with the
        // daylight rule (`ZoneTable.places`): writers use them for the local time all year.
        (["central", "european", "summer", "time"], "CEST"), (["eastern", "european", "summer", "time"], "EEST"),
        (["australian", "eastern", "standard", "time"], "AEST"), (["australian", "eastern", "daylight", "time"], "AEDT"),
        (["japan", "standard", "time"], "JST"), (["korea", "standard", "time"], "KST"), (["india", "standard", "time"], "IST"),
        (["singapore", "standard", "time"], "SGT"),
    ]

    /// "Pacific Standard Time" at token `j`: its abbreviation and how many tokens it takes.
    static func longZoneName(_ t: [ProseToken], at j: Int) -> (token: String, length: Int)? {
        guard j < t.count, t[j].isCapitalized else { return nil }
        for name in longZoneNames where j + name.words.count <= t.count {
            if name.words.indices.allSatisfy({ t[j + $0].lower == name.words[$0] }) { return (name.token, name.words.count) }
        }
        return nil
    }

    /// `12:47`, `11:30AM`, `8:40am`, `9:05a.m`, `14:05:33Z`, `3pm`, and a bare `3` (which then needs
    /// a meridiem word after it).
    static func clockWord(_ text: String) -> (clock: ProseTimeExpression.Clock, zulu: Bool)? {
        // "14h05", "9h30": the hour and minutes joined by an h, as much of Europe writes them.
        let h = text.utf8.firstIndex(of: 104)
        if let h, text.utf8.count <= 5, text.utf8.count >= 4 {
            let hours = text.utf8[..<h]
            let minutes = text.utf8[text.utf8.index(after: h)...]
            if (1...2).contains(hours.count), minutes.count == 2, hours.allSatisfy({ $0 >= 48 && $0 <= 57 }), minutes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let hour = Int(String(decoding: hours, as: UTF8.self)), let minute = Int(String(decoding: minutes, as: UTF8.self))
            {
                return (.init(hour: hour, minute: minute, second: nil, isPM: nil, precision: .minute), false)
            }
        }
        // Past the h-clocks above, the rest of this function as read on bytes for ASCII words.
        if let ascii = asciiClockWord(text) { return ascii }
        var body = Substring(text)
        var isPM: Bool?
        var zulu = false
        let lower = text.lowercased()
        for (suffix, pm) in [("a.m", false), ("p.m", true), ("am", false), ("pm", true)] where lower.hasSuffix(suffix) {
            isPM = pm
            body = body.dropLast(suffix.count)
            break
        }
        if isPM == nil, body.hasSuffix("Z") || body.hasSuffix("z") {
            zulu = true
            body = body.dropLast()
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, parts[0].count <= 2 else { return nil }
        if parts.count == 1 {
            // "3pm" or "3" (before "PM").
            guard !zulu else { return nil }
            return (.init(hour: numbers[0], minute: 0, second: nil, isPM: isPM, precision: .hour), false)
        }
        guard parts[1].count == 2, parts.count == 2 || parts[2].count == 2 else { return nil }
        let second = parts.count == 3 ? numbers[2] : nil
        return (.init(hour: numbers[0], minute: numbers[1], second: second, isPM: isPM, precision: second == nil ? .minute : .second), zulu)
    }

    /// `clockWord` of an ASCII word on its bytes, the same reading (`.some(nil)` when the word is
    /// no clock; `nil` for other text, which `clockWord` reads as `Character`s): lower-casing the
    /// word, splitting it into substrings and walking their `Character`s was ten thousand
    /// instructions a word.
    static func asciiClockWord(_ text: String) -> (clock: ProseTimeExpression.Clock, zulu: Bool)?? {
        var copy = text
        return copy.withUTF8 { b -> (clock: ProseTimeExpression.Clock, zulu: Bool)?? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lower(_ k: Int) -> UInt8 { b[k] >= 65 && b[k] <= 90 ? b[k] | 0x20 : b[k] }
            var end = b.count
            var isPM: Bool?
            var zulu = false
            // The suffixes in `clockWord`'s order: a.m, p.m, am, pm.
            if end >= 3, lower(end - 3) == 97, b[end - 2] == 46, lower(end - 1) == 109 {
                (isPM, end) = (false, end - 3)
            } else if end >= 3, lower(end - 3) == 112, b[end - 2] == 46, lower(end - 1) == 109 {
                (isPM, end) = (true, end - 3)
            } else if end >= 2, lower(end - 2) == 97, lower(end - 1) == 109 {
                (isPM, end) = (false, end - 2)
            } else if end >= 2, lower(end - 2) == 112, lower(end - 1) == 109 {
                (isPM, end) = (true, end - 2)
            }
            if isPM == nil, end >= 1, b[end - 1] == 90 || b[end - 1] == 122 {
                zulu = true
                end -= 1
            }
            var parts: [Range<Int>] = []
            var partStart = 0
            for k in 0...end where k == end || b[k] == 58 {
                parts.append(partStart..<k)
                partStart = k + 1
            }
            guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return .some(nil) }
            let numbers = parts.compactMap { Int(String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self)) }
            guard numbers.count == parts.count, parts[0].count <= 2 else { return .some(nil) }
            if parts.count == 1 {
                guard !zulu else { return .some(nil) }
                return .some((.init(hour: numbers[0], minute: 0, second: nil, isPM: isPM, precision: .hour), false))
            }
            guard parts[1].count == 2, parts.count == 2 || parts[2].count == 2 else { return .some(nil) }
            let second = parts.count == 3 ? numbers[2] : nil
            return .some((.init(hour: numbers[0], minute: numbers[1], second: second, isPM: isPM, precision: second == nil ? .minute : .second), zulu))
        }
    }

    /// Words after which `10.42` is a clock rather than a number.
    static let dottedClockLeads: Set<String> = [
        "at", "approximately", "about", "around", "by", "until", "till", "from", "to", "between", "and", "since", "-", "–", "before", "after",
    ]

    /// Words a version number follows.
    static let versionWords: Set<String> = [
        "version", "versions", "v", "release", "releases", "upgrade", "upgraded", "upgrading", "downgrade", "downgraded", "downgrading",
        "bump", "bumped", "kubernetes", "k8s", "python", "node", "java", "go",
    ]

    /// `10.42` read as 10:42 when a word that introduces a time comes before it, or when it opens
    /// the sentence, and no version word stands in the three words before it; anywhere else it is
    /// a number.
    static func dottedClock(_ t: [ProseToken], at i: Int) -> ProseTimeExpression.Clock? {
        // Only a word with a point is split.
        guard t[i].text.utf8.contains(46) else { return nil }
        var parts = t[i].text.split(separator: ".", omittingEmptySubsequences: false)
        // "4.30pm": the meridiem written onto the dotted clock.
        var isPM: Bool?
        if parts.count == 2, parts[1].count == 4, let m = meridiem(parts[1].suffix(2).lowercased()) {
            isPM = m
            parts[1] = parts[1].prefix(2)
        }
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 23, minute <= 59
        else { return nil }
        if let isPM { return .init(hour: hour, minute: minute, second: nil, isPM: isPM, precision: .minute) }
        // "2022-03-10 11.50": after a full date it is the time of that day.
        guard i == 0 || dottedClockLeads.contains(t[i - 1].lower) || isoDay(t[i - 1].text) != nil else { return nil }
        // "upgrading from version 2.14 to 2.16", "Kubernetes 1.11 to 1.13": versions, not clocks.
        guard !t[max(0, i - 3)..<i].contains(where: { versionWords.contains($0.lower) }) else { return nil }
        return .init(hour: hour, minute: minute, second: nil, isPM: nil, precision: .minute)
    }

    /// `am`, `a.m`, `pm`, `p.m` -> `false`/`true`.
    static func meridiem(_ lower: String) -> Bool? {
        switch lower {
        case "am", "a.m": return false
        case "pm", "p.m": return true
        default: return nil
        }
    }

    /// Words that are upper case like a zone abbreviation but are not zones.
    static let notZones: Set<String> = [
        "AZ", "AZS", "API", "APIS", "AWS", "US", "EU", "UK", "DNS", "CPU", "IO", "OK", "IT", "WE", "A", "I",
        "SLA", "HTTP", "TLS", "SSL", "VM", "VMS", "CDN", "SRE", "FYI", "ETA", "TBD", "PR", "PRS", "CI", "OOM", "NB", "PS",
    ]

    /// A known zone (`PDT`, `Pacific`, `GMT+8`) or an upper-case abbreviation that looks like one;
    /// unknown ones are still read as zones so the resolver can report them instead of guessing.
    static func isZoneToken(_ text: String) -> Bool {
        if ZoneTable.zone(for: text) != nil { return true }
        let upper = text.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
        return upper && (2...5).contains(text.utf8.count) && !notZones.contains(text)
            && ProseVocabulary.service(named: text) == nil
    }

    /// A zone that may come before its clock ("UTC 05:13", "GMT 14:00"): only the zones that name
    /// UTC itself, because "PDT 10:00" is rarely written and an upper-case word before a number
    /// ("AZ 2") often is not a zone.
    static func isLeadingZone(_ text: String) -> Bool {
        text == "UTC" || text == "GMT"
    }

    static func isoTimestamp(_ token: ProseToken) -> (instant: Instant, zone: WrittenZone)? {
        guard token.text.utf8.count >= 16, token.text.containsBytes("T"), token.text.containsBytes(":") else { return nil }
        return ISO8601Scanner.scan(Array(token.text.utf8))
    }

    // MARK: Days

    /// A day at token `i`: `April 21st`, `Apr 24, 2011`, `21 April 2011`, `2011-04-21`, `Saturday`,
    /// `Monday, May 2`.
    static func day(_ t: [ProseToken], at i: Int) -> (day: ProseTimeExpression.Day?, weekday: Int?, end: Int)? {
        guard i < t.count, t[i].isWord, let lead = t[i].text.utf8.first else { return nil }
        let isDigit = lead >= 48 && lead <= 57
        guard isDigit || t[i].isCapitalized && mayNameDay(lead) else { return nil }
        if isDigit, let iso = isoDay(t[i].text) ?? separatedDay(t[i].text) { return (iso, nil, i + 1) }
        // "[03-26 23:04] The node is drained": a month and day before a clock, the year in force.
        if isDigit, i + 1 < t.count, let numeric = monthDayBeforeClock(t[i].text, next: t[i + 1].text) { return (numeric, nil, i + 1) }
        if t[i].isCapitalized, let weekday = CivilDate.weekdayNumber(t[i].text), t[i].text.count >= 3 {
            var j = i + 1
            if j < t.count, t[j].lower == "," { j += 1 }
            if let d = monthDay(t, at: j) { return (d.day, weekday, d.end) }
            // "on Saturday (January 22)": the weekday's date in brackets after it.
            if j + 1 < t.count, t[j].lower == "(", let d = monthDay(t, at: j + 1), d.end < t.count, t[d.end].lower == ")" { return (d.day, weekday, d.end + 1) }
            return (nil, weekday, i + 1)
        }
        if let d = monthDay(t, at: i) { return (d.day, nil, d.end) }
        return nil
    }

    static func monthDay(_ t: [ProseToken], at i: Int) -> (day: ProseTimeExpression.Day, end: Int)? {
        guard i + 1 < t.count else { return nil }
        var month: Int?
        var dayNumber: Int?
        var j = i
        if t[i].isCapitalized, let m = CivilDate.month(named: t[i].text), let d = ordinal(t[i + 1].text) {
            month = m
            dayNumber = d
            j = i + 2
        } else if i + 2 < t.count, t[i].isCapitalized, t[i + 1].text == ".", let m = CivilDate.month(named: t[i].text),
            let d = ordinal(t[i + 2].text)
        {
            // "Feb. 28, 2017", "Sept. 14": an abbreviation written with its full stop.
            month = m
            dayNumber = d
            j = i + 3
        } else if let d = ordinal(t[i].text), t[i + 1].isCapitalized, let m = CivilDate.month(named: t[i + 1].text) {
            month = m
            dayNumber = d
            j = i + 2
        } else if i + 2 < t.count, t[i + 1].lower == "of", t[i + 2].isCapitalized, let d = ordinal(t[i].text),
            let m = CivilDate.month(named: t[i + 2].text)
        {
            // "21st of August 2021".
            month = m
            dayNumber = d
            j = i + 3
        }
        guard let month, let dayNumber else { return nil }
        var year: Int?
        var k = j
        // "May 26 - 27th, 2018": a range of days takes the year written after it.
        if k + 1 < t.count, t[k].lower == "-" || t[k].lower == "–", ordinal(t[k + 1].text) != nil,
            k + 2 < t.count, t[k + 2].lower == "," || (t[k + 2].text.utf8.count == 4 && Int(t[k + 2].text) != nil)
        {
            k += 2
            j = k
        }
        if k < t.count, t[k].lower == "," { k += 1 }
        if k < t.count, t[k].text.utf8.count == 4, let y = Int(t[k].text) {
            // "01 Jan 0001": a placeholder stamp of a log, not a day of the incident.
            guard (1970...2100).contains(y) else { return nil }
            year = y
            j = k + 1
        }
        let check = CivilDate(year: year ?? 2000, month: month, day: dayNumber)
        guard check.isValid else { return nil }
        return (.init(month: month, day: dayNumber, year: year), j)
    }

    /// `21`, `21st`, `2nd`, `3rd`, `24th` -> the day number.
    static func ordinal(_ text: String) -> Int? {
        // A day number starts with a digit (or the sign `Int` accepts): no need to lower-case a word.
        guard let lead = text.utf8.first, (lead >= 48 && lead <= 57) || lead == 43 else { return nil }
        var body = Substring(text.lowercased())
        for suffix in ["st", "nd", "rd", "th"] where body.hasSuffix(suffix) {
            body = body.dropLast(2)
            break
        }
        guard (1...2).contains(body.count), let value = Int(body), (1...31).contains(value) else { return nil }
        return value
    }

    /// `5-26-21`, `05/26/2021` (month first, as US titles write it) or `2011-04-21`: a date for
    /// placing the document in a year, never an event.
    static func numericDay(_ text: String) -> CivilDate? {
        // Every form opens with a digit (or the sign `Int` reads) and holds a hyphen or a slash:
        // the other words are not split.
        guard let lead = text.utf8.first, lead >= 48 && lead <= 57 || lead == 43, text.utf8.contains(where: { $0 == 45 || $0 == 47 }) else { return nil }
        if let iso = isoDay(text), let year = iso.year { return CivilDate(year: year, month: iso.month, day: iso.day) }
        let parts = text.split { $0 == "-" || $0 == "/" }
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 2 || parts[2].count == 4,
            let m = Int(parts[0]), let d = Int(parts[1]), var y = Int(parts[2])
        else { return nil }
        if y < 100 { y += 2000 }
        let date = CivilDate(year: y, month: m, day: d)
        return date.isValid && (1990...2100).contains(y) ? date : nil
    }

    /// `2011-04-21`.
    /// `03-26` directly before `23:04`: month 3, day 26, no year (a timeline's stamp; anywhere
    /// else two numbers and a hyphen are not a day).
    static func monthDayBeforeClock(_ text: String, next: String) -> ProseTimeExpression.Day? {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == 45, b.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 45 }) else { return nil }
        let n = Array(next.utf8)
        guard n.count >= 4, n.count <= 5, n.contains(58), n.first.map({ $0 >= 48 && $0 <= 57 }) == true else { return nil }
        let month = Int(b[0] - 48) * 10 + Int(b[1] - 48)
        let day = Int(b[3] - 48) * 10 + Int(b[4] - 48)
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: 2000)).contains(day) else { return nil }
        return .init(month: month, day: day, year: nil)
    }

    /// A date written with slashes, points or hyphens and a four-digit year: `2024/12/27` and
    /// `2024.12.27` (year first), `11/18/2024` (month first, as US text writes it, unless the
    /// first number cannot be a month: `18/11/2024`; also `01-10-2024`), `02.11.2021` (day
    /// first, as the European texts that write points do).
    static func separatedDay(_ text: String) -> ProseTimeExpression.Day? {
        let b = text.utf8
        guard (8...10).contains(b.count) else { return nil }
        var parts: [Int] = []
        var digits: [Int] = []
        var separator: UInt8?
        var value = 0
        var count = 0
        for byte in b {
            if byte >= 48 && byte <= 57 {
                value = value * 10 + Int(byte - 48)
                count += 1
                continue
            }
            guard byte == 47 || byte == 46 || byte == 45, separator == nil || separator == byte, count > 0 else { return nil }
            separator = byte
            parts.append(value)
            digits.append(count)
            (value, count) = (0, 0)
        }
        parts.append(value)
        digits.append(count)
        guard parts.count == 3, let separator else { return nil }
        let (year, month, day): (Int, Int, Int)
        // Hyphens only with the year last (`01-10-2024`, month first as US text writes it); a
        // year-first hyphenated date is ISO's, read by `isoDay`.
        if separator == 45, digits[2] != 4 { return nil }
        if digits == [4, 2, 2] {
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else if digits[2] == 4, digits[0] <= 2, digits[1] <= 2 {
            let dayFirst = separator == 46 || parts[0] > 12
            (year, month, day) = dayFirst ? (parts[2], parts[1], parts[0]) : (parts[2], parts[0], parts[1])
        } else {
            return nil
        }
        guard (1970...2100).contains(year), CivilDate(year: year, month: month, day: day).isValid else { return nil }
        return .init(month: month, day: day, year: year)
    }

    static func isoDay(_ text: String) -> ProseTimeExpression.Day? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        guard CivilDate(year: y, month: m, day: d).isValid else { return nil }
        return .init(month: m, day: d, year: y)
    }
}
