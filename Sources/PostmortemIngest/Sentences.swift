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
