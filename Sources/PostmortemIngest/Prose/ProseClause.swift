/// The words of a sentence that one of its time mentions governs.
enum ProseClause {
    /// From the end of the mention before it (or the last clause break before it: `;`, `, and`,
    /// `, but`) to the start of the one after it (or the first clause break after it).
    static func clause(of k: Int, in mentions: [ProseTimeMention], tokens: [ProseToken], sentence: String) -> String {
        let bytes = Array(sentence.utf8)
        func isBreak(_ i: Int) -> Bool {
            tokens[i].lower == ";"
                || (tokens[i].lower == "," && i + 1 < tokens.count && ["and", "but", "then", "so"].contains(tokens[i + 1].lower))
        }
        let lowerToken = k == 0 ? 0 : mentions[k - 1].last
        let upperToken = k + 1 < mentions.count ? mentions[k + 1].first : tokens.count
        let first = (lowerToken..<mentions[k].first).last(where: isBreak).map { $0 + 1 } ?? lowerToken
        let last = (mentions[k].last..<max(mentions[k].last, upperToken)).first(where: isBreak) ?? upperToken
        guard first < last, last <= tokens.count else { return mentions[k].written }
        return String(decoding: bytes[tokens[first].start..<tokens[last - 1].end], as: UTF8.self)
    }

    /// Words that end the tail of a mention: what follows them is another statement.
    static let tailBreaks: Set<String> = [",", ";", "(", ")", "and", "but", "with", "while", "when", "after", "before", "which", "as"]

    /// The words of the mention's clause before it ("The outage began at") and after it up to
    /// the first break ("Service resumes" in "13:29 Service resumes, pods rescheduled").
    static func leadAndTail(of k: Int, in mentions: [ProseTimeMention], tokens: [ProseToken], sentence: String) -> (lead: String, tail: String) {
        let bytes = Array(sentence.utf8)
        func isBreak(_ i: Int) -> Bool {
            tokens[i].lower == ";"
                || (tokens[i].lower == "," && i + 1 < tokens.count && ["and", "but", "then", "so"].contains(tokens[i + 1].lower))
        }
        let lowerToken = k == 0 ? 0 : mentions[k - 1].last
        let first = (lowerToken..<mentions[k].first).last(where: isBreak).map { $0 + 1 } ?? lowerToken
        let upperToken = k + 1 < mentions.count ? mentions[k + 1].first : tokens.count
        var tailStart = mentions[k].last
        // "(8:15 UTC) Service restored", "21:30 UTC, GitHub experienced": the marks right after the time belong to it.
        while tailStart < upperToken, [")", ",", "-", "–", ":"].contains(tokens[tailStart].lower) { tailStart += 1 }
        var last = tailStart
        while last < upperToken, !tailBreaks.contains(tokens[last].lower) { last += 1 }
        func text(_ from: Int, _ to: Int) -> String {
            guard from < to, to <= tokens.count else { return "" }
            return String(decoding: bytes[tokens[from].start..<tokens[to - 1].end], as: UTF8.self)
        }
        return (text(first, mentions[k].first), text(tailStart, last))
    }
}
