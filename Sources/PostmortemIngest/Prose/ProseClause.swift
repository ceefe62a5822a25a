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
}
