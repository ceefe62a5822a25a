import PostmortemTimeline

/// Several short outages listed in one sentence, each with its length beside its start: "an
/// outage for periods of 7 minutes beginning from 05:13, 2 minutes (05:29), 3 minutes (05:36)
/// and 4 minutes (05:43)". The incident is the series; it ends when the last dip does, its start
/// plus its length (05:47), which no time in the text states.
enum ProseDipSeries {
    /// The series' last dip and the instant it ended, when one sentence stating an outage gives
    /// two or more times each with a length just before it.
    static func end(of candidates: [ProseEvidenceCandidate]) -> (candidate: ProseEvidenceCandidate, time: Instant)? {
        var bySentence: [String: [ProseEvidenceCandidate]] = [:]
        var order: [String] = []
        for candidate in candidates where candidate.event.precision != .day && candidate.event.precision != .partOfDay {
            let key = "\(candidate.event.source.line ?? 0)\u{1}\(candidate.event.text)"
            if bySentence[key] == nil { order.append(key) }
            bySentence[key, default: []].append(candidate)
        }
        var best: (candidate: ProseEvidenceCandidate, time: Instant)?
        for key in order {
            guard let group = bySentence[key], group.count >= 2, let text = group.first?.event.text,
                ProseWindowEvidence.outageWordsList.matches(TextFolding.lowercased(text))
            else { continue }
            var cursor = 0
            var dips: [(candidate: ProseEvidenceCandidate, time: Instant)] = []
            for candidate in group {
                guard let written = candidate.event.writtenTime, let at = ByteSearch.first(written, in: text, from: cursor) else { continue }
                let before = String(decoding: Array(text.utf8)[cursor..<at], as: UTF8.self)
                cursor = at + written.utf8.count
                guard let seconds = lengthJustBefore(before) else { continue }
                dips.append((candidate, candidate.event.time.adding(seconds: seconds)))
            }
            guard dips.count >= 2, let last = dips.max(by: { $0.time < $1.time }) else { continue }
            if best == nil || last.time > best?.time ?? last.time { best = last }
        }
        return best
    }

    /// "7 minutes beginning from UTC", ", 2 minutes (UTC": a length that ends at most three
    /// words before the time.
    static func lengthJustBefore(_ text: String) -> Int64? {
        let words = ProseDuration.words(text)
        var found: Int64?
        for i in words.indices {
            if let total = ProseDuration.amount(words, at: i), words.count - total.end <= 3 { found = Int64(total.seconds) }
        }
        return found
    }
}
