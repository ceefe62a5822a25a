/// A field label written right before a time, as incident reports head their write-ups:
/// `**Start:** 2021-04-12 08:30 UTC`, `End: 09:53 UTC`, `Impact start: ...`, `Resolved: ...`.
///
/// The label is the whole of what stands between the time and the start of its sentence (or
/// the time before it, where a web page runs the fields into one paragraph), and a colon follows
/// it. Such a field is a statement of the window's start or end, as strong as a sentence saying so.
enum ProseFieldLabel: String, Sendable, Equatable {
    case start
    case end

    static let labels: [String: ProseFieldLabel] = [
        "start": .start, "started": .start, "start time": .start, "began": .start, "impact start": .start,
        "incident start": .start, "outage start": .start, "start of impact": .start, "impact began": .start, "first impact": .start,
        "end": .end, "ended": .end, "end time": .end, "resolved": .end, "recovered": .end, "mitigated": .end, "restored": .end,
        "impact end": .end, "incident end": .end, "outage end": .end, "end of impact": .end, "impact ended": .end,
    ]

    /// The label written before mention `k`, if its words are one of `labels` followed by a colon.
    static func label(of k: Int, in mentions: [ProseTimeMention], tokens: [ProseToken], sentence: String) -> ProseFieldLabel? {
        let lower = k == 0 ? 0 : mentions[k - 1].last
        let first = mentions[k].first
        guard first > lower, first - lower <= 3, (lower..<first).allSatisfy({ tokens[$0].isWord }) else { return nil }
        // The colon right after the label's last word.
        let bytes = Array(sentence.utf8)
        let after = tokens[first - 1].end
        guard after < bytes.count, bytes[after] == 58 else { return nil }
        let words = (lower..<first).map { tokens[$0].lower }.joined(separator: " ")
        return labels[words]
    }
}
