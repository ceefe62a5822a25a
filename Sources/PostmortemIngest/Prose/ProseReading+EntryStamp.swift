import PostmortemTimeline

extension ProseReading {
    /// The day a clock with no day of its own takes from the stamp that closes its entry, as a
    /// status update is published: "Form submissions have been processed normally since 00:25
    /// UTC." over "Posted Jul 01, 2023 - 01:10 UTC" in a history written newest first, where the
    /// date read last is the newer entry's above it, or none at all. The stamp's day, or the day
    /// before it when the clock is later in the day than the stamp's (an update posted just after
    /// midnight about the evening).
    static func entryStampDate(for mention: ProseTimeMention, at index: Int, in sentences: [ProseDocument.Sentence]) -> CivilDate? {
        guard mention.start.day == nil, mention.start.weekday == nil, mention.start.stamped == nil, let clock = mention.start.clock else { return nil }
        let block = sentences[index].block
        var k = index + 1
        while k < sentences.count, sentences[k].block == block {
            // The stamp is a line of its own ("Posted Jul 01, 2023 - 01:10 UTC"), not a sentence
            // of the entry that names another day.
            if sentences[k].mentions.count == 1, let stamp = sentences[k].mentions.first, isBareTime(stamp, tokens: sentences[k].tokens) {
                guard let day = stamp.start.day, let year = day.year, let stampClock = stamp.start.clock else { return nil }
                let date = CivilDate(year: year, month: day.month, day: day.day)
                guard date.isValid else { return nil }
                return clock.secondOfDay > stampClock.secondOfDay ? date.adding(days: -1) : date
            }
            k += 1
        }
        return nil
    }
}
