import PostmortemTimeline

/// A postmortem template's stats: "Time to detection: 64 minutes", "Time to recovery: 87
/// minutes" (also `TTD`/`TTR`, "time to resolve", "time to mitigate").
///
/// Such fields are no outage length of their own: teams count them from marks of their choosing.
/// But where the timeline holds a row at some time S, another at S plus the time to detection and
/// a third at S plus the time to recovery, the author has said which rows open and close the
/// impact: S is the onset (often a change that no row calls a failure, "08:00 | ingress object
/// applied"), and S plus the time to recovery the end.
struct ProseStatsFields: Sendable, Equatable {
    var detection: Int64?
    var recovery: Int64?
    var line: Int?

    static let detectionWords: Set<String> = ["detection", "detect", "detected", "discovery", "discover", "acknowledge", "acknowledgement"]
    /// What a time to recovery measures; not "time to mitigate", which ends at a mitigation
    /// that may be partial ("batch job killed; dashboards load again for most customers").
    static let recoveryWords: Set<String> = ["resolution", "resolve", "resolved", "recovery", "recover", "recovered", "restore", "restoration", "restored", "repair"]

    /// The fields the sentences give, if they give a time to recovery.
    static func find(in sentences: [(text: String, line: Int?)]) -> ProseStatsFields? {
        var fields = ProseStatsFields()
        for sentence in sentences where ProseDuration.mayHoldLength(sentence.text) {
            let words = ProseDuration.words(sentence.text)
            for (i, word) in words.enumerated() {
                var measures: String?
                var from = i + 1
                if word == "ttd" || word == "mttd" {
                    measures = "detection"
                } else if word == "ttr" || word == "mttr" {
                    measures = "recovery"
                } else if word == "time", i + 2 < words.count, words[i + 1] == "to" {
                    measures = detectionWords.contains(words[i + 2]) ? "detection" : recoveryWords.contains(words[i + 2]) ? "recovery" : nil
                    from = i + 3
                }
                guard let measures else { continue }
                while from < words.count, ProseDuration.hedges.contains(words[from]) || words[from] == "is" || words[from] == "was" { from += 1 }
                guard let amount = ProseDuration.amount(words, at: from) else { continue }
                let seconds = Int64(amount.seconds)
                if measures == "detection", fields.detection == nil { fields.detection = seconds }
                if measures == "recovery", fields.recovery == nil {
                    fields.recovery = seconds
                    fields.line = sentence.line
                }
            }
        }
        return fields.recovery == nil ? nil : fields
    }
}

extension ProseWindowEvidence {
    /// Moves the window to the timeline rows the stats fit (see `ProseStatsFields`), when they fit
    /// one set of rows and the window found differs from it by more than 15 minutes.
    mutating func fit(_ stats: ProseStatsFields, candidates: [ProseEvidenceCandidate], file: String) {
        guard let recovery = stats.recovery, recovery > 0 else { return }
        let rows = candidates.filter { $0.place == .row && $0.event.precision != .day && $0.event.precision != .partOfDay }
        guard rows.count >= 3 else { return }
        func row(near time: Instant, within seconds: Int64) -> ProseEvidenceCandidate? {
            rows.filter { abs($0.event.time.seconds(until: time)) <= seconds }
                .min { abs($0.event.time.seconds(until: time)) < abs($1.event.time.seconds(until: time)) }
        }
        // With a time to detection that a row fits, the recovery may be off by a few minutes (a
        // rounded "54 hours 10 minutes"); with none, both ends must fit to two minutes.
        let detects = stats.detection.map { $0 > 0 } ?? false
        var fits: [(start: ProseEvidenceCandidate, end: ProseEvidenceCandidate, error: Int64)] = []
        var seen: Set<Int64> = []
        for candidate in rows where seen.insert(candidate.event.time.secondsSinceEpoch).inserted {
            let onset = candidate.event.time
            var error: Int64 = 0
            if detects, let detection = stats.detection {
                guard let detected = row(near: onset.adding(seconds: detection), within: 300) else { continue }
                error += abs(detected.event.time.seconds(until: onset.adding(seconds: detection)))
            }
            guard let end = row(near: onset.adding(seconds: recovery), within: detects ? 600 : 120) else { continue }
            error += abs(end.event.time.seconds(until: onset.adding(seconds: recovery)))
            fits.append((candidate, end, error))
        }
        // The rows that fit best, and only one set of them: two that fit as well leave the
        // author's marks unknown.
        fits.sort { $0.error < $1.error }
        guard let fit = fits.first, fits.count == 1 || fits[1].error > fit.error else { return }
        // The end the fields point at must not be a partial restoration.
        if Self.qualifiedList.matches(fit.end.event.text.lowercased()) { return }
        let onset = fit.start.event.time
        let close = fit.end.event.time
        let startOff = start.map { abs($0.time.seconds(until: onset)) > 15 * 60 } ?? true
        let endOff = end.map { abs($0.time.seconds(until: close)) > 15 * 60 } ?? true
        guard startOff || endOff else { return }
        let source = SourceLocation(file: file, line: stats.line)
        let was = "\(start?.time.iso8601 ?? "none") to \(end?.time.iso8601 ?? "none")"
        start = Self.boundary(fit.start, time: onset, rule: "timeline row the stated time to detection and recovery count from", stated: false)
        end = Self.boundary(fit.end, time: close, rule: "timeline row at the stated time to recovery", stated: false)
        warnings.append(
            ParseWarning(
                location: source,
                message: "the stats' time to recovery (\(recovery / 60) minutes) fits the timeline rows at \(onset.iso8601) (line \(fit.start.event.source.line ?? 0)) and \(close.iso8601) (line \(fit.end.event.source.line ?? 0)); window moved there from \(was)"))
    }
}
