/// Impact written as what did not happen: "invoice emails were not sent", "builds did not start",
/// "pages weren't served", with no word of failure in the clause.
///
/// A negated verb of the service's work counts; a negated verb of noticing, affecting or losing
/// ("were not affected", "was not noticed", "data was not lost") is good news or none, and does not.
enum ProseFailureClause {
    static let auxiliaries: Set<String> = ["was", "were", "is", "are", "did", "does", "do", "could", "would", "can", "cannot"]
    static let contractions: Set<String> = ["wasn't", "weren't", "isn't", "aren't", "didn't", "doesn't", "don't", "couldn't", "wouldn't", "can't"]
    /// Verbs whose negation is not an impact.
    static let notImpact: Set<String> = [
        "affected", "affect", "impacted", "impact", "noticed", "notice", "seen", "see", "observed", "observe", "experienced", "experience",
        "lost", "lose", "needed", "need", "required", "require", "aware", "expected", "expect", "caused", "cause", "related", "involved",
        "know", "known", "realize", "realise", "anticipate", "anticipated", "change", "changed", "have", "happen", "happened", "mean",
        "exposed", "accessed", "compromised", "corrupted", "dropped", "deleted", "triggered", "trigger", "page", "paged", "alert", "alerted",
    ]

    /// A service's work, which "stopped" before it makes an impact.
    static let stoppedWork: Set<String> = [
        "moving", "processing", "responding", "serving", "loading", "accepting", "syncing", "updating", "delivering", "running",
        "answering", "scaling", "replicating", "resolving", "rendering", "saving", "uploading", "building", "starting", "advancing",
    ]
    /// Subjects whose stopping is the response, not the impact.
    static let responders: Set<String> = ["we", "i", "they", "team", "engineers", "engineer", "operators", "responders", "someone"]

    /// Whether the clause (lower case) states an impact as a negated verb of the service's work.
    static func states(_ lower: String) -> Bool {
        let words = letterWords(lower)
        for (i, word) in words.enumerated() {
            // "the login queue stopped moving", "DNS stopped resolving": the thing stopped its
            // work (not "we stopped sending traffic there", the responders' choice, nor "errors
            // stopped occurring", whose gerund is not a service's work).
            if word == "stopped" || word == "ceased", i + 1 < words.count, stoppedWork.contains(String(words[i + 1])),
                i == 0 || !responders.contains(String(words[i - 1]))
            {
                return true
            }
            var next = i + 1
            if auxiliaries.contains(String(word)), next < words.count, words[next] == "not" {
                next += 1
            } else if !contractions.contains(String(word)) {
                continue
            }
            if next < words.count, words[next] == "be" || words[next] == "been" { next += 1 }
            guard next < words.count else { continue }
            let verb = String(words[next])
            if !notImpact.contains(verb), verb.count > 2 { return true }
        }
        return false
    }

    /// The runs of letters and apostrophes, as `split` on `Character`s gives them; ASCII text is
    /// cut on its bytes (splitting every clause on `Character`s was most of this test's time).
    static func letterWords(_ lower: String) -> [Substring] {
        var ranges: [Range<Int>] = []
        var copy = lower
        let isASCII = copy.withUTF8 { b -> Bool in
            guard b.allSatisfy({ $0 < 0x80 }) else { return false }
            var start: Int?
            for k in 0...b.count {
                let inWord = k < b.count && ((b[k] | 0x20) >= 97 && (b[k] | 0x20) <= 122 || b[k] == 39)
                if inWord {
                    if start == nil { start = k }
                } else if let first = start {
                    ranges.append(first..<k)
                    start = nil
                }
            }
            return true
        }
        guard isASCII else { return lower.split { !($0.isLetter || $0 == "'") } }
        let utf8 = lower.utf8
        return ranges.map { range in
            let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return lower[from..<utf8.index(from, offsetBy: range.count)]
        }
    }
}
