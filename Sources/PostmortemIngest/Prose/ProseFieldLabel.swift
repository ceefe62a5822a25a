/// A field label written right before a time, as incident reports head their write-ups:
/// `**Start:** 2021-04-12 08:30 UTC`, `End: 09:53 UTC`, `Impact start: ...`, `Resolved: ...`.
///
/// The label is the whole of what stands between the time and the start of its sentence (or
/// the time before it, where a web page runs the fields into one paragraph), and a colon follows
/// it. Such a field is a statement of the window's start or end, as strong as a sentence saying so.
enum ProseFieldLabel: String, Sendable, Equatable {
    case start
    case end
    /// A field that gives the whole window as a range: `**Duration:** 10:52 AM - 12:18 PM PST`,
    /// `Impact window: 14:05-14:50 UTC`.
    case window

    static let labels: [String: ProseFieldLabel] = [
        "start": .start, "started": .start, "start time": .start, "began": .start, "impact start": .start,
        "incident start": .start, "outage start": .start, "start of impact": .start, "impact began": .start, "first impact": .start,
        "end": .end, "ended": .end, "end time": .end, "resolved": .end, "recovered": .end, "mitigated": .end, "restored": .end,
        "impact end": .end, "incident end": .end, "outage end": .end, "end of impact": .end, "impact ended": .end,
    ]

    /// Labels of a field whose range is the impact's window (only a range under them is read so).
    static let windowLabels: Set<String> = [
        "duration", "window", "impact window", "outage window", "incident window", "impact period", "outage period", "time window",
        "impact", "outage", "downtime", "impact time", "affected period", "when",
    ]

    /// The label written before mention `k`, if its words are one of `labels` followed by a
    /// colon, or form the table cell before the time's (`| Started | 2023-02-14 11:20 UTC |`).
    static func label(of k: Int, in mentions: [ProseTimeMention], tokens: [ProseToken], sentence: String) -> ProseFieldLabel? {
        let lower = k == 0 ? 0 : mentions[k - 1].last
        let first = mentions[k].first
        guard first > lower else { return nil }
        // The colon right after the label's last word, or the bar between two cells.
        let utf8 = sentence.utf8
        let after = tokens[first - 1].end
        let byteAt = { (offset: Int) -> UInt8? in offset < utf8.count ? utf8[utf8.index(utf8.startIndex, offsetBy: offset)] : nil }
        let colon = byteAt(after) == 58
        let bar = byteAt(after) == 32 && byteAt(after + 1) == 124
        guard colon || bar, tokens[first - 1].isWord else { return nil }
        if first - lower <= 3, (lower..<first).allSatisfy({ tokens[$0].isWord }) {
            let words = (lower..<first).map { tokens[$0].lower }.joined(separator: " ")
            if let label = labels[words] { return label }
            if mentions[k].end != nil, windowLabels.contains(words) { return .window }
        }
        // "Date: 12/07/2022 Duration: 10:52 AM - 12:18 PM PST": fields a web page ran into one
        // paragraph, the label a capitalised run of up to two words after the field before it.
        guard colon, mentions[k].end != nil else { return nil }
        for length in 1...2 where first - length >= lower {
            let from = first - length
            guard (from..<first).allSatisfy({ tokens[$0].isWord }), tokens[from].isCapitalized else { continue }
            if windowLabels.contains((from..<first).map { tokens[$0].lower }.joined(separator: " ")) { return .window }
        }
        return nil
    }

    /// The label a table's header row gives the column mention `k` sits in (`| Start | End |`
    /// over `| 2022-10-04 13:10 UTC | 2022-10-04 14:02 UTC |`); a row's text joins its cells with ` | `.
    static func column(of k: Int, in mentions: [ProseTimeMention], tokens: [ProseToken], row: String, header: [String]) -> ProseFieldLabel? {
        guard !header.isEmpty else { return nil }
        let bytes = Array(row.utf8)
        let start = tokens[mentions[k].first].start
        var cell = 0
        var i = 0
        while i + 2 < start {
            if bytes[i] == 32, bytes[i + 1] == 124, bytes[i + 2] == 32 { cell += 1 }
            i += 1
        }
        guard cell < header.count else { return nil }
        return labels[header[cell].lowercased()]
    }

    /// A field that gives the impact's duration: `Duration: 47 minutes`, `| Duration | 47 minutes |`.
    static func duration(in sentence: String) -> Int64? {
        // Every label starts with a d or an i, whatever its case: the other sentences (nearly
        // all) are not lower-cased.
        guard let first = sentence.utf8.first, first | 0x20 == 100 || first | 0x20 == 105 else { return nil }
        let lower = sentence.lowercased()
        guard lower.hasPrefix("duration:") || lower.hasPrefix("duration |") || lower.hasPrefix("impact duration:") else { return nil }
        return ProseDuration.seconds(in: lower)
    }
}
