/// One word or mark of a prose sentence, with its place in the sentence's UTF-8 bytes.
///
/// Prose is read word by word rather than with one large pattern: the same words ("at", "on",
/// "to", "PDT") change meaning with their neighbours, and a token list makes those neighbours cheap
/// to look at.
struct ProseToken: Sendable, Equatable {
    /// The token as written: `12:47`, `AM`, `21st`, `13%`, `a.m`, `–`.
    var text: String
    /// `text` lower-cased, for matching.
    var lower: String
    /// UTF-8 offset of the first byte in the sentence.
    var start: Int
    /// UTF-8 offset just past the last byte.
    var end: Int
    /// `false` for a punctuation mark kept as its own token (`,` `;` `(` `)` `–` `—`).
    var isWord: Bool
    /// Whether a colon that is no part of a word stands between this token and the one before
    /// ("11:05 AM: UPI payments fail": `UPI` follows the row's colon, so it is no zone of the clock).
    var afterColon = false

    /// Whether the token starts with an upper-case ASCII letter (`April`, `Saturday`).
    var isCapitalized: Bool {
        guard let first = text.utf8.first else { return false }
        return first >= 65 && first <= 90
    }

    /// The marks that may stay inside a word (`:` `.` `-` `+` `/` `'` `,`), as a switch rather than
    /// a `Set` so that no byte is hashed.
    @inline(__always) static func isInnerMark(_ c: UInt8) -> Bool {
        switch c {
        case 58, 46, 45, 43, 47, 39, 44: return true
        default: return false
        }
    }

    /// Whether `word` opens with an ISO 8601 date and time (`2025-05-14T09:12`).
    static func isISODateTime(_ word: ArraySlice<UInt8>) -> Bool {
        let s = word.startIndex
        guard word.count >= 16 else { return false }
        return word[s + 4] == 45 && word[s + 7] == 45 && word[s + 10] | 0x20 == 116 && word[s + 13] == 58
    }

    /// Whether the word `b[clock]` is a clock with seconds (`09:12:00`) and the hyphen after it
    /// opens an offset's hours and minutes (`-05:00`) that end the word: a range's second clock
    /// would write its seconds too ("09:12:00-09:45:00").
    static func isOffsetAfterSeconds(_ b: [UInt8], clock: Range<Int>) -> Bool {
        func digit(_ k: Int) -> Bool { k < b.count && b[k] >= 48 && b[k] <= 57 }
        let s = clock.lowerBound
        guard clock.count == 8, digit(s), digit(s + 1), b[s + 2] == 58, b[s + 5] == 58 else { return false }
        let o = clock.upperBound + 1
        guard digit(o), digit(o + 1), o + 2 < b.count, b[o + 2] == 58, digit(o + 3), digit(o + 4) else { return false }
        return o + 5 == b.count || !(digit(o + 5) || (b[o + 5] | 0x20) >= 97 && (b[o + 5] | 0x20) <= 122 || b[o + 5] == 58)
    }

    /// Splits a sentence into tokens. Letters, digits and `%` make words; `:`, `.`, `-`, `+`, `/`,
    /// `'` and `,` stay inside a word only between two word characters (`12:47`, `a.m`, `single-AZ`,
    /// `1,200`, `GMT+8`), except that `-` splits a clock range (`14:05-14:50`). En and em dashes,
    /// commas, semicolons and brackets become punctuation tokens; other marks (curly quotes) separate.
    static func tokens(_ sentence: String) -> [ProseToken] {
        let b = Array(sentence.utf8)
        var tokens: [ProseToken] = []
        // About one token per four bytes of prose: the array is not grown token by token.
        tokens.reserveCapacity(b.count / 4 + 1)
        var i = 0
        var wordStart: Int?
        // A colon passed over since the last token, and whether one came before the word being read.
        var colonSince = false
        var wordAfterColon = false
        func isWordByte(_ c: UInt8) -> Bool {
            (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c == 37
        }
        func flush(_ end: Int) {
            guard let start = wordStart else { return }
            let text = String(decoding: b[start..<end], as: UTF8.self)
            // Most words have no capital: their lower-case form is the same string.
            let lower = b[start..<end].contains { $0 >= 65 && $0 <= 90 } ? text.lowercased() : text
            tokens.append(ProseToken(text: text, lower: lower, start: start, end: end, isWord: true, afterColon: wordAfterColon))
            wordStart = nil
        }
        func mark(_ text: String, _ start: Int, _ end: Int) {
            tokens.append(ProseToken(text: text, lower: text, start: start, end: end, isWord: false, afterColon: colonSince))
            colonSince = false
        }
        while i < b.count {
            let c = b[i]
            if isWordByte(c) {
                if wordStart == nil {
                    wordStart = i
                    wordAfterColon = colonSince
                    colonSince = false
                }
                i += 1
                continue
            }
            if let start = wordStart, isInnerMark(c), i + 1 < b.count, isWordByte(b[i + 1]), isWordByte(b[i - 1]) {
                let isDigitAround = b[i - 1] >= 48 && b[i - 1] <= 57 && b[i + 1] >= 48 && b[i + 1] <= 57
                // "2025-05-14T09:12:00-05:00": after an ISO date and time the hyphen is the offset's sign.
                // So it is after a clock with seconds when an offset's hours and minutes follow ("09:12:00-05:00").
                let splitsClockRange = c == 45 && isDigitAround && b[start..<i].contains(58) && !isISODateTime(b[start..<i])
                    && !isOffsetAfterSeconds(b, clock: start..<i)
                let isThousands = c == 44 && isDigitAround
                if !splitsClockRange && (c != 44 || isThousands) {
                    i += 1
                    continue
                }
            }
            // "UTC−5" with a minus sign (U+2212) is one word, as "UTC-5" is.
            if wordStart != nil, c == 0xE2, i + 3 < b.count, b[i + 1] == 0x88, b[i + 2] == 0x92, (b[i - 1] | 0x20) >= 97, (b[i - 1] | 0x20) <= 122,
                b[i + 3] >= 48, b[i + 3] <= 57
            {
                i += 3
                continue
            }
            flush(i)
            if c == 58 { colonSince = true }
            if c == 44 || c == 59 || c == 40 || c == 41 || c == 45 {
                mark(String(UnicodeScalar(c)), i, i + 1)
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94 {
                mark("–", i, i + 3)
                i += 3
                continue
            }
            i += 1
        }
        flush(b.count)
        return tokens
    }
}
