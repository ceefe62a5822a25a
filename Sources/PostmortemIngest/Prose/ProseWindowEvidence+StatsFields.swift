import PostmortemTimeline

/// The window a template's stats fields place on the timeline rows.
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
