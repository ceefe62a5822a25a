/// Sentence splitting for English prose, shared by the readers.
public enum Sentences {
    /// Splits at `.`, `!` or `?` followed by white space and an upper-case letter, a digit or a quote.
    /// Abbreviations such as `a.m.`, `p.m.`, `e.g.` and `i.e.` do not end a sentence.
    ///
    /// Works on the text's UTF-8 bytes: every mark it looks for is ASCII (or a curly quote, three
    /// bytes), so only the letter after a sentence end is decoded, when it is not ASCII. Copying
    /// `Unicode.Scalar`s into a new string for every sentence was a fifth of the prose reader's
    /// time (callgrind), and the standard library has no byte-level sentence splitter.
    /// - Complexity: O(n) in the text.
    public static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    static func split(bytes b: UnsafeBufferPointer<UInt8>) -> [String] {
        var sentences: [String] = []
        let n = b.count
        var start = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x2E || c == 0x21 || c == 0x3F {
                var j = i + 1
                while j < n {
                    if b[j] == 0x22 || b[j] == 0x29 {
                        j += 1
                    } else if isCurlyQuote(b, at: j, last: 0x9D) {
                        j += 3
                    } else {
                        break
                    }
                }
                if j >= n || b[j] == 0x20 || b[j] == 0x0A {
                    var k = j
                    while k < n, b[k] == 0x20 || b[k] == 0x0A { k += 1 }
                    let nextStarts = k >= n || isUppercase(b, at: k) || (b[k] >= 0x30 && b[k] <= 0x39)
                        || isCurlyQuote(b, at: k, last: 0x9C) || b[k] == 0x22
                    let beforeDigit = k < n && b[k] >= 0x30 && b[k] <= 0x39
                    if nextStarts && !isAbbreviation(b, endingAt: i, beforeDigit: beforeDigit) {
                        append(b[start..<j], to: &sentences)
                        start = k
                        i = k
                        continue
                    }
                }
            } else if c == 0x0A, i + 1 < n, b[i + 1] == 0x0A {
                append(b[start..<i], to: &sentences)
                start = i + 2
                i += 2
                continue
            }
            i += 1
        }
        if start < n { append(b[start..<n], to: &sentences) }
        return sentences
    }

    /// `“` (`last` 0x9C) or `”` (0x9D) at byte `i`.
    private static func isCurlyQuote(_ b: UnsafeBufferPointer<UInt8>, at i: Int, last: UInt8) -> Bool {
        i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == last
    }

    /// Whether the scalar starting at byte `i` is upper case (decoded only when it is not ASCII).
    private static func isUppercase(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = b[i]
        if lead < 0x80 { return lead >= 0x41 && lead <= 0x5A }
        var iterator = b[i...].makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isUppercase
    }

    private static func append(_ slice: Slice<UnsafeBufferPointer<UInt8>>, to sentences: inout [String]) {
        let folded = TextFolding.foldASCIISpace(slice)
        if !folded.isEmpty { sentences.append(folded) }
    }

    static let abbreviations: Set<String> = ["a.m", "p.m", "e.g", "i.e", "vs", "approx", "no", "mr", "dr", "st", "a", "p"]

    /// Month abbreviations written with a full stop before a day ("Feb. 28, 2017", "Sept. 14"): no
    /// sentence end there; before anything but a digit the stop may end a sentence ("in Dec. We").
    static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// Whether the word before the mark at byte `i` is an abbreviation ("a.m." "p.m." "e.g." "i.e."
    /// "vs." "approx." "no."), compared lower-cased.
    private static func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, endingAt i: Int, beforeDigit: Bool) -> Bool {
        var j = i - 1
        while j >= 0, b[j] != 0x20, b[j] != 0x0A, b[j] != 0x28 { j -= 1 }
        let word = b[(j + 1)..<i]
        guard word.allSatisfy({ $0 < 0x80 }) else { return abbreviations.contains(String(decoding: word, as: UTF8.self).lowercased()) }
        // The longest abbreviation has six letters.
        guard word.count <= 6 else { return false }
        let lower = String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return abbreviations.contains(lower) || (beforeDigit && monthAbbreviations.contains(lower))
    }

    /// "one" ... "twenty", "thirty", "forty-eight" is not handled; small counts only.
    public static func numberWord(_ word: String) -> Int? {
        // Every number word has three to nine ASCII letters, and no other text lower-cases to one.
        guard (3...9).contains(word.utf8.count) else { return nil }
        // A word with no capital and no byte past ASCII is its own lower case.
        let lower = word.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? word.lowercased() : word
        return numberWords[lower]
    }

    /// The number words `numberWord` reads, built once (a list searched and a word lower-cased
    /// twice for every call were a sixth of the reader's time once outage lengths were looked for
    /// in every sentence).
    static let numberWords: [String: Int] = {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty",
        ]
        var table = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($0.element, $0.offset) })
        for (word, value) in [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60)] { table[word] = value }
        return table
    }()
}
