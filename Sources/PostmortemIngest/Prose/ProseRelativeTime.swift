/// Times written relative to a stated origin, as many timelines are: "Incident start (T0):
/// 2023-09-21 13:40 UTC", then rows "T+12m", "T+1h30m", "T+00:38", "T-5m".
///
/// A relative time means nothing until the text states its T0 (`T0`, `T=0`, `T-0`, "T zero")
/// in a sentence that also gives an instant; it is then that instant plus the offset, in the
/// origin's zone. Before any T0 it is skipped with a warning.
enum ProseRelativeTime {
    /// Seconds after T0 that a token writes: `T+0`, `T+12m`, `T+2h`, `T+1h30m`, `T+90min`,
    /// `T+45s`, `T+1d`, `T+00:38` (hours and minutes), `T+0:38:20`, `T-5m` (before T0). A bare
    /// number other than 0 has no unit and is none.
    static func offset(_ text: String) -> Int64? {
        guard mayBeRelative(text) else { return nil }
        let b = Array(text.utf8)
        let sign: Int64 = b[1] == 45 ? -1 : 1
        let body = b[2...]
        if body.contains(58) {
            // "T+00:38", "T+1:30:00": hours and minutes (and seconds).
            let parts = body.split(separator: 58, omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(PhraseList.isDigit) }),
                parts.dropFirst().allSatisfy({ $0.count == 2 })
            else { return nil }
            let values = parts.map { $0.reduce(0) { $0 * 10 + Int64($1 - 48) } }
            guard values.dropFirst().allSatisfy({ $0 < 60 }) else { return nil }
            return sign * (values[0] * 3600 + values[1] * 60 + (values.count == 3 ? values[2] : 0))
        }
        var total: Int64 = 0
        var i = body.startIndex
        var units = 0
        while i < body.endIndex {
            var value: Int64 = 0
            var digits = 0
            while i < body.endIndex, PhraseList.isDigit(body[i]), digits < 5 {
                value = value * 10 + Int64(body[i] - 48)
                i += 1
                digits += 1
            }
            guard digits > 0 else { return nil }
            var unitEnd = i
            while unitEnd < body.endIndex, PhraseList.isLetter(body[unitEnd]) { unitEnd += 1 }
            let unit = String(decoding: body[i..<unitEnd], as: UTF8.self).lowercased()
            guard let seconds = unitSeconds[unit] else {
                // "T+0": the origin itself.
                return unit.isEmpty && unitEnd == body.endIndex && units == 0 && value == 0 && sign > 0 ? 0 : nil
            }
            total += value * seconds
            units += 1
            i = unitEnd
        }
        // "T-0" states the origin; it is no time before it.
        return units > 0 && (sign > 0 || total > 0) ? sign * total : nil
    }

    /// Whether a word opens with `T+` or `T-`, checked on its first bytes without copying it (every
    /// word of the text is asked).
    @inline(__always) static func mayBeRelative(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let t = bytes.next(), t | 0x20 == 116, let sign = bytes.next(), sign == 43 || sign == 45, bytes.next() != nil else { return false }
        return true
    }

    static let unitSeconds: [String: Int64] = [
        "s": 1, "sec": 1, "secs": 1, "m": 60, "min": 60, "mins": 60, "h": 3600, "hr": 3600, "hrs": 3600, "d": 86_400,
    ]

    /// Whether the tokens name the origin: `T0`, `T-0`, `T=0` (the tokenizer leaves `T` and
    /// `0` with the mark between them dropped), "T zero", or `T+0` ("the first alert, which fired
    /// at 14:07 CET (T+0)"); the caller asks only of a sentence that also writes an instant.
    static func namesOrigin(_ tokens: [ProseToken]) -> Bool {
        for (k, token) in tokens.enumerated() where token.isWord && token.text.utf8.first.map({ $0 | 0x20 == 116 }) == true {
            switch token.lower {
            case "t0", "t-0", "t+0": return true
            case "t":
                guard k + 1 < tokens.count else { continue }
                let next = tokens[k + 1]
                if next.lower == "zero" || next.lower == "0" && next.start - token.end <= 3 { return true }
            default: continue
            }
        }
        return false
    }
}
