extension ProseReading {
    /// The words that introduce the same instant again in another clock: "at 21:00 UTC, which is
    /// 00:00 Moscow time on April 2", "14:00 UTC (that is, 10:00 EDT)", "09:00 UTC, i.e. 18:00 JST".
    static let restatementWords: Set<String> = ["which", "that", "is", "was", "i.e", "ie", "i", "e", "or"]

    /// The mentions of a sentence without the ones that restate the mention before them in
    /// another zone. The restatement is no second event, and a zone the reader does not know
    /// ("Moscow time") would otherwise read it as a clock hours away from the first.
    static func withoutRestatements(_ mentions: [ProseTimeMention], tokens: [ProseToken]) -> [ProseTimeMention] {
        guard mentions.count > 1 else { return mentions }
        var kept: [ProseTimeMention] = [mentions[0]]
        var dropped: ProseTimeMention?
        for k in 1..<mentions.count {
            let between = tokens[min(mentions[k - 1].last, mentions[k].first)..<mentions[k].first].filter(\.isWord).map(\.lower)
            let restates = !between.isEmpty && between.count <= 3 && between.allSatisfy(restatementWords.contains)
                && (between.first == "which" || between.first == "that" || between.first == "i.e" || between.first == "ie" || between.first == "i")
            // "07:00 Tokyo time on May 5": the restated clock's own day goes with it.
            let restatedDay = dropped.map { $0.last == mentions[k - 1].last && mentions[k].start.clock == nil && mentions[k].end == nil && between.count <= 3 } ?? false
            if restates || restatedDay {
                dropped = mentions[k]
            } else {
                dropped = nil
                kept.append(mentions[k])
            }
        }
        return kept
    }
}
