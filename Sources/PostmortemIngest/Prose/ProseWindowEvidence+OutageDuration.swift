import PostmortemTimeline

extension ProseWindowEvidence {
    /// Reconciles the chosen window with the length the text states for the whole outage.
    ///
    /// - A window whose length agrees (within 15 minutes) stays.
    /// - Else an end the text states or reports at start plus that length wins over a later one
    ///   ("a 27-minute outage began at 21:12 ... largely restored by 21:39 ..., full recovery,
    ///   including logs, by 22:10": 21:39; "between 00:01 and 19:27 ..., lasted 19 hours and 26
    ///   minutes ... delayed fixes until 21:38": 19:27).
    /// - Else, when the start was only inferred (the first sentence stating impact), the end's own
    ///   sentence gives the length and the end minus the length lies before the start, the outage
    ///   began earlier than any time the text gives ("reopened at 22:41, a total downtime of 699
    ///   minutes": 11:02). A length stated elsewhere is not tied to that end.
    /// - Else, with no end at all, the start plus the length is the end (inferred).
    /// - Else, when the end is a range's and the range is less than half that length, the range
    ///   was one episode of the outage: the start plus the length is the end (inferred).
    /// - Else the window stays and a warning gives both lengths.
    mutating func reconcile(with duration: ProseOutageDuration, candidates: [ProseEvidenceCandidate], file: String) {
        guard let start else { return }
        let tolerance: Int64 = 15 * 60
        let target = start.time.adding(seconds: duration.seconds)
        if let end, abs(end.time.seconds(until: target)) <= tolerance { return }
        let source = SourceLocation(file: file, line: duration.line)
        let timed = candidates.filter { $0.event.precision != .day && $0.event.precision != .partOfDay && $0.event.time > start.time }
        // The ends near start plus the length: restorations, stated ends and ranges' ends.
        var matches: [(candidate: ProseEvidenceCandidate, time: Instant, rule: String)] = []
        for candidate in timed {
            let lowered = candidate.withLowerCase()
            let restores = [lowered.lowerLead, lowered.lowerTail, lowered.lowerClause].contains {
                Self.statesExplicitEnd(lower: $0) || Self.statesEnd(lower: $0, phrases: Self.strongEndPhrasesList)
                    || Self.statesEnd(lower: $0, phrases: Self.weakEndPhrasesList)
            }
            if restores { matches.append((candidate, candidate.event.time, "restoration at the start plus the stated outage length")) }
        }
        for candidate in candidates where candidate.isSpan {
            if let spanEnd = candidate.event.endTime, spanEnd > start.time {
                matches.append((candidate, spanEnd, "end of a range at the start plus the stated outage length"))
            }
        }
        let close = matches.filter { abs($0.time.seconds(until: target)) <= 10 * 60 }
        if let best = close.min(by: { abs($0.time.seconds(until: target)) < abs($1.time.seconds(until: target)) }) {
            if let end {
                warnings.append(lengthWarning(duration, kept: best.time, other: end.time, source: source))
            }
            end = Self.boundary(best.candidate, time: best.time, rule: best.rule, stated: true, written: best.time == best.candidate.event.time ? nil : best.candidate.event.writtenTime)
            return
        }
        if !start.isStated, let end, end.text == duration.sentence, end.time.adding(seconds: -duration.seconds) < start.time {
            let earlier = end.time.adding(seconds: -duration.seconds)
            warnings.append(
                ParseWarning(
                    location: source,
                    message: "the impact start is inferred from the stated outage length: \(end.time.iso8601) minus \(duration.seconds / 60) minutes is \(earlier.iso8601), before the first time the text gives (\(start.time.iso8601))"))
            self.start = ImpactBoundary(
                time: earlier, writtenTime: nil, text: duration.sentence, source: source, rule: "end minus the stated outage length", isStated: false,
                zoneAssumption: end.zoneAssumption)
            return
        }
        // A template's "Time to recovery" counts from the team's own mark: it makes an end only
        // from a start the text states ("Starting at 16:20, ..."), not from one inferred from a row.
        if duration.isTimeToField, !start.isStated { return }
        guard let end else {
            self.end = ImpactBoundary(
                time: target, writtenTime: nil, text: duration.sentence, source: source, rule: "start plus the stated outage length", isStated: false,
                zoneAssumption: start.zoneAssumption)
            return
        }
        if end.rule == "explicit range", start.time.seconds(until: end.time) * 2 < duration.seconds {
            // "Between 16:10 and 16:13 the grid split into islands ... restoration took 4 days":
            // a range much shorter than the outage's stated length was one episode of it.
            warnings.append(lengthWarning(duration, kept: target, other: end.time, source: source))
            self.end = ImpactBoundary(
                time: target, writtenTime: nil, text: duration.sentence, source: source, rule: "start plus the stated outage length", isStated: false,
                zoneAssumption: start.zoneAssumption)
            return
        }
        warnings.append(lengthWarning(duration, kept: end.time, other: target, source: source))
    }

    func lengthWarning(_ duration: ProseOutageDuration, kept: Instant, other: Instant, source: SourceLocation) -> ParseWarning {
        ParseWarning(
            location: source,
            message:
                "the stated outage length (\(duration.seconds / 60) minutes) and the window disagree: kept the end \(kept.iso8601), not \(other.iso8601)")
    }
}
