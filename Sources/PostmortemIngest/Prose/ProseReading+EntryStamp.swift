import PostmortemTimeline

extension ProseReading {
    /// The day a clock with no date in force takes from the stamp that closes its entry, as a
    /// status update is published: "Form submissions have been processed normally since 00:25
    /// UTC." over "Posted Jul 01, 2023 - 01:10 UTC" at the top of a history written newest first,
    /// where no date has been read yet. The stamp's day, or the day before it when the clock is
    /// later in the day than the stamp's (an update posted just after midnight about the evening).
    static func entryStampDate(for mention: ProseTimeMention, at index: Int, in sentences: [ProseDocument.Sentence]) -> CivilDate? {
        guard mention.start.day == nil, mention.start.weekday == nil, mention.start.stamped == nil, let clock = mention.start.clock else { return nil }
        let block = sentences[index].block
        var k = index + 1
        while k < sentences.count, sentences[k].block == block {
            for stamp in sentences[k].mentions {
                guard let day = stamp.start.day, let year = day.year, let stampClock = stamp.start.clock else { continue }
                let date = CivilDate(year: year, month: day.month, day: day.day)
                guard date.isValid else { return nil }
                return clock.secondOfDay > stampClock.secondOfDay ? date.adding(days: -1) : date
            }
            k += 1
        }
        return nil
    }
}
