extension ProseReading {
    /// Words that look back from the outage's day to an earlier weekday.
    static let lookBackWords: Set<String> = ["previous", "last", "prior", "preceding"]

    /// The mention, marked as looking back when its weekday (with no day) follows "previous",
    /// "last", "prior" or "preceding" ("a deployment made the previous Thursday", "last Monday").
    static func markingLookBack(_ mention: ProseTimeMention, tokens: [ProseToken]) -> ProseTimeMention {
        guard mention.start.weekday != nil, mention.start.day == nil, mention.first > 0,
            lookBackWords.contains(tokens[mention.first - 1].lower)
        else { return mention }
        var marked = mention
        marked.start.looksBack = true
        return marked
    }
}
