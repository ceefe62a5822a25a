import PostmortemTimeline

/// Finds sentences in which a provider says what credit it granted, and summarises them.
///
/// Providers announce credits in prose that rarely matches their contract ("a 10 day credit equal
/// to 100% of their usage", "waiving our standard SLA process"); reports show both side by side.
public enum AnnouncedCreditReader {
    /// The announced credits in `text`, each with its sentence.
    public static func credits(in text: String, source: SourceLocation) -> [AnnouncedCredit] {
        var found: [AnnouncedCredit] = []
        for sentence in Sentences.split(text) {
            let lower = sentence.lowercased()
            guard lower.contains("credit") else { continue }
            if let summary = dayCredit(lower) ?? waivedProcess(lower) {
                found.append(AnnouncedCredit(summary: summary, text: sentence, source: source))
            }
        }
        return found
    }

    /// "a 10 day credit equal to 100% of their usage" -> "10 days of 100% of usage".
    static func dayCredit(_ lower: String) -> String? {
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let creditIndex = words.firstIndex(where: { $0.hasPrefix("credit") }), creditIndex >= 2 else { return nil }
        let unitWord = words[creditIndex - 1]
        guard ["day", "days", "hour", "hours"].contains(unitWord), let count = Int(words[creditIndex - 2]) ?? Sentences.numberWord(words[creditIndex - 2])
        else { return nil }
        let unit = unitWord.hasPrefix("day") ? "day" : "hour"
        var summary = "\(count) \(unit)\(count == 1 ? "" : "s")"
        if let percent = words[creditIndex...].first(where: { $0.hasSuffix("%") }) {
            summary += " of \(percent) of usage"
        } else {
            summary += " of usage"
        }
        return summary
    }

    /// "we'll be waiving our standard SLA process and applying the appropriate service credit to all
    /// affected customers for the July billing period".
    static func waivedProcess(_ lower: String) -> String? {
        guard lower.contains("waiv") else { return nil }
        var summary = "SLA claim process waived; credit applied automatically"
        let words = lower.split(separator: " ")
        if let index = words.firstIndex(of: "billing"), index >= 1 {
            let month = words[index - 1]
            if CivilDate.month(named: month) != nil {
                summary += " for the \(month.prefix(1).uppercased() + month.dropFirst()) billing period"
            }
        }
        return summary
    }
}

/// Sentence splitting for English prose, shared by the readers.
public enum Sentences {
    /// Splits at `.`, `!` or `?` followed by white space and an upper-case letter, a digit or a quote.
    /// Abbreviations such as `a.m.`, `p.m.`, `e.g.` and `i.e.` do not end a sentence.
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < scalars.count, scalars[j] == "\"" || scalars[j] == "\u{201D}" || scalars[j] == ")" { j += 1 }
                if j >= scalars.count || scalars[j] == " " || scalars[j] == "\n" {
                    var k = j
                    while k < scalars.count, scalars[k] == " " || scalars[k] == "\n" { k += 1 }
                    let nextStarts = k >= scalars.count || scalars[k].properties.isUppercase
                        || ("0"..."9").contains(scalars[k]) || scalars[k] == "\u{201C}" || scalars[k] == "\""
                    if nextStarts && !isAbbreviation(scalars, endingAt: i) {
                        append(scalars[start..<j], to: &sentences)
                        start = k
                        i = k
                        continue
                    }
                }
            } else if c == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                append(scalars[start..<i], to: &sentences)
                start = i + 2
                i += 2
                continue
            }
            i += 1
        }
        if start < scalars.count { append(scalars[start...], to: &sentences) }
        return sentences
    }

    private static func append(_ slice: ArraySlice<Unicode.Scalar>, to sentences: inout [String]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        let folded = TextFolding.fold(String(view))
        if !folded.isEmpty { sentences.append(folded) }
    }

    private static func isAbbreviation(_ s: [Unicode.Scalar], endingAt i: Int) -> Bool {
        // "a.m." "p.m." "e.g." "i.e." "vs." "approx." "no."
        var j = i - 1
        var word: [Unicode.Scalar] = []
        while j >= 0, s[j] != " ", s[j] != "\n", s[j] != "(" {
            word.insert(s[j], at: 0)
            j -= 1
        }
        let text = String(String.UnicodeScalarView(word)).lowercased()
        return ["a.m", "p.m", "e.g", "i.e", "vs", "approx", "no", "mr", "dr", "st", "a", "p"].contains(text)
    }

    /// "one" ... "twenty", "thirty", "forty-eight" is not handled; small counts only.
    public static func numberWord(_ word: String) -> Int? {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty",
        ]
        if let index = words.firstIndex(of: word.lowercased()) { return index }
        switch word.lowercased() {
        case "thirty": return 30
        case "forty": return 40
        case "fifty": return 50
        case "sixty": return 60
        default: return nil
        }
    }
}
