import PostmortemTimeline

/// Chooses a postmortem's impact window from the strongest evidence it holds, and says why.
///
/// Ranks, strongest first:
/// 1. explicit statements: a range the text gives for the impact ("between 8:19 AM and 9:43 AM
///    KST", a range that opens an entry: "(13:20 - 13:50 UTC) During the deployment ..."), and
///    clauses that say the impact started ("the outage began at 14:05 UTC", "Start of incident")
///    or ended ("full recovery was achieved by 9:43 AM", "Incident ends");
/// 2. timeline rows (list items, table rows, time headings, lines that open with a time): the
///    first row that states impact, the last that states a restoration;
/// 3. narrative: the first sentence that states impact, the last that states a restoration.
///
/// A restoration qualified as partial, one the text only believed, or a clean-up step does not end
/// the window; a restoration followed by new impact is not the end either, because the latest
/// restoration counts. Closing words ("resolved", "closed") count only when no clause says the
/// service itself came back. Times before the chosen start, and more than 14 days after it, are
/// not candidates for the end. Where the chosen end or start and the best reading of a weaker rank
/// differ by more than 15 minutes, the stronger is kept and a warning gives both.
struct ProseWindowEvidence {
    var start: ImpactBoundary?
    var end: ImpactBoundary?
    var warnings: [ParseWarning] = []

    /// A clause about what might have been, not what happened.
    static let hypothetical = ["would have", "could have", "might have", "would not have", "wouldn't have", "should have", "would be", "will be"]
    static let hypotheticalList = PhraseList(hypothetical, atWordStart: true)
    /// A step the text says had no impact ("a corrected key roll on 3 July, 08:00-08:30 UTC,
    /// without impact"; "the rebalance resumed at 01:00 and finished without affecting
    /// customers"): no evidence for the window's start, end or range.
    static let withoutImpact = [
        "without impact", "without any impact", "without customer impact", "without user impact", "without affecting", "with no impact",
        "with no customer impact", "with no user impact", "without downtime", "without any downtime", "with no downtime",
    ]
    static let withoutImpactList = PhraseList(withoutImpact, atWordStart: true)

    /// `fieldDuration` is the impact's duration a field of the document gives (`Duration: 47
    /// minutes`): with a stated start and no end, the window is the start plus it.
    init(candidates: [ProseEvidenceCandidate], file: String, fieldDuration: Int64? = nil) {
        // Each candidate's texts lower-cased once, for every rule below.
        let timed = candidates.filter { $0.event.precision != .day && $0.event.precision != .partOfDay }.map { $0.withLowerCase() }
            .filter { !Self.hypotheticalList.matches($0.lowerClause) && !Self.withoutImpactList.matches($0.lowerClause) }
        guard !timed.isEmpty else { return }
        // Explicit ranges.
        let spans = timed.filter { candidate in
            guard candidate.isSpan, let end = candidate.event.endTime, end > candidate.event.time else { return false }
            let lower = candidate.lowerClause
            // A maintenance schedule, not the outage; "jobs got scheduled onto the cluster" is not one.
            if Self.maintenanceList.matches(lower) { return false }
            if Self.qualifiesObjects(lower: candidate.lowerLead) { return false }
            // "Duration: 10:52 AM - 12:18 PM PST": a field that gives the window.
            if candidate.field == .window { return true }
            // The clause, or the sentence whose list ("batch, streaming, and transfer operations,
            // from 19:30 through 15:02") cut the clause off its subject.
            // A range that only opens its paragraph must not be the responders' work ("Between
            // 16:00 and 19:00 UTC, engineers continued troubleshooting"). A span under a heading
            // that states the impact ("## Impact", "Incident 1: provisioning stalled") is the
            // impact's, whatever words its own sentence uses.
            // A range opening a row of a timeline section must state impact itself: "02:00-04:30 -
            // the new image was made available in the region" is a step of the story, not the outage.
            let opensAsWindow = candidate.spanOpensBlock && !Self.responseWorkList.matches(lower)
                && (candidate.place != .row || !candidate.inTimeline || Self.statesImpact(lower: lower))
            return opensAsWindow || Self.namesFailure(lower)
                || Self.namesFailure(candidate.event.text.lowercased())
                || candidate.sectionHeading.map { Self.outageWordsList.matches($0.lowercased()) } ?? false
        }
        let statedStarts = timed.filter { $0.field == .start || $0.field == nil && Self.statesStart($0) }
        let explicitStart = (spans + statedStarts).min { $0.event.time < $1.event.time }
        let impactRows = timed.filter { $0.place == .row && Self.rowStatesImpact(lower: $0.lowerClause) }
        // A narrative time whose own clause states no impact takes the impact the next sentence
        // states without a time of its own ("At 10:00 we deployed 4.18. Uploads began failing immediately.").
        let impactNarrative = timed.filter {
            $0.place == .narrative
                && (Self.statesImpact(lower: $0.lowerClause) || $0.followingUntimed && $0.followingSentence.map { Self.statesImpact($0) } == true
                    || $0.referringSentence.map { Self.statesImpact($0) } == true)
        }
        let rowStart = impactRows.min { $0.event.time < $1.event.time }
        let narrativeStart = impactNarrative.min { $0.event.time < $1.event.time }
        let chosen: (ProseEvidenceCandidate, String, Bool)?
        // An impact stated before a first report, within 12 hours of it: a timeline row, else a
        // sentence ("From that moment, most requests failed" before "the first ticket arrived").
        func before(_ report: ProseEvidenceCandidate, _ candidate: ProseEvidenceCandidate?) -> ProseEvidenceCandidate? {
            guard let candidate, candidate.event.time < report.event.time,
                candidate.event.time.seconds(until: report.event.time) <= 12 * 3600
            else { return nil }
            return candidate
        }
        if let explicitStart, !spans.contains(explicitStart), Self.reportsDetectionOnly(explicitStart),
            let earlier = before(explicitStart, rowStart) ?? before(explicitStart, narrativeStart)
        {
            // "8:02 AM: first report that 503s are served" after "4:49 AM: a user sees the service
            // unresponsive": the first report is when someone said so, not when users were hit.
            let what = earlier.place == .row ? "first timeline row" : "first sentence"
            chosen = (earlier, "\(what) stating impact, before the first report", false)
        } else if let explicitStart, let earlier = rowStart, (86_401...(3 * 86_400)).contains(earlier.event.time.seconds(until: explicitStart.event.time)) {
            // A start stated a day or more after the timeline's first row of impact is about
            // something later (a second workshop, a follow-up), not this impact's onset. A row
            // more than three days before it is a cause ("[12-05 16:21] the crashloop bug is
            // introduced" under a March outage), not the impact.
            chosen = (earlier, "first timeline row stating impact, a day before the stated start", false)
        } else if let explicitStart {
            let isSpan = spans.contains(explicitStart)
            chosen = (explicitStart, isSpan ? "explicit range" : "stated start", true)
        } else if let rowStart {
            chosen = (rowStart, "first timeline row stating impact", false)
        } else if let narrativeStart {
            chosen = (narrativeStart, "first sentence stating impact", false)
        } else {
            chosen = nil
        }
        guard let (startCandidate, startRule, startStated) = chosen else { return }
        let startTime = startCandidate.event.time
        start = Self.boundary(startCandidate, time: startTime, rule: startRule, stated: startStated)
        let weaker = [explicitStart == nil ? nil : rowStart, explicitStart == nil && rowStart != nil ? nil : narrativeStart]
            .compactMap { $0 }.first { $0 != startCandidate }
        if let other = weaker, abs(other.event.time.seconds(until: startTime)) > 15 * 60, startStated || other.place == .narrative {
            warnings.append(Self.disagreement("start", kept: startCandidate, keptTime: startTime, other: other, otherTime: other.event.time, file: file))
        }
        // The end.
        let limit = startTime.adding(seconds: 14 * 86_400)
        let later = timed.filter { $0.event.time > startTime && $0.event.time <= limit }
        // A range that gave the start gives the end; other ranges' ends compete with the stated ends.
        let spanEnd: (ProseEvidenceCandidate, Instant)? = {
            guard startRule == "explicit range", let end = startCandidate.event.endTime else { return nil }
            return (startCandidate, end)
        }()
        let otherSpanEnds = spans.filter { $0 != startCandidate && ($0.event.endTime ?? startTime) > startTime }
        // The strong restorations also count the ones written as what works again or what stopped.
        func restorations(_ phrases: PhraseList, place: ProseEvidenceCandidate.Place?, writtenForms: Bool = true) -> [ProseEvidenceCandidate] {
            later.filter { candidate in
                if let place, candidate.place != place { return false }
                return Self.statesEnd(lower: candidate.lowerLead, phrases: phrases) || Self.statesEnd(lower: candidate.lowerTail, phrases: phrases)
                    || Self.statesEnd(lower: candidate.lowerClause, phrases: phrases)
                    || writtenForms && ProseRestorationClause.states(lower: candidate.lowerClause)
                    || writtenForms && candidate.place == .narrative && ProseRestorationClause.statesSoonAfter(candidate.event.text)
            }
        }
        let statedEnds = later.filter {
            $0.field == .end || $0.field == nil
                && (Self.statesExplicitEnd(lower: $0.lowerLead) || Self.statesExplicitEnd(lower: $0.lowerTail) || Self.statesExplicitEnd(lower: $0.lowerClause))
        }
        let rowEnd = Self.latestRestoration(restorations(Self.strongEndPhrasesList, place: .row))
        let narrativeEnd = Self.latestRestoration(restorations(Self.strongEndPhrasesList, place: .narrative))
        let weakEnd = Self.latestRestoration(restorations(Self.weakEndPhrasesList, place: nil, writtenForms: false))
        // The latest of the ends the text states (other ranges' ends, "continued until", "full
        // recovery by") and the restorations it reports: the window closes when the last thing is back.
        var stated: [(candidate: ProseEvidenceCandidate, time: Instant, rule: String)] = statedEnds.map { ($0, $0.event.time, "stated end") }
        stated += otherSpanEnds.map { ($0, $0.event.endTime ?? startTime, "end of an explicit range") }
        if let series = ProseDipSeries.end(of: timed), series.time > startTime {
            stated.append((series.candidate, series.time, "last of several outages listed with their lengths"))
        }
        let reported: [(candidate: ProseEvidenceCandidate, time: Instant, rule: String)] =
            [rowEnd.map { ($0, $0.event.time, "last timeline row stating restoration") }, narrativeEnd.map { ($0, $0.event.time, "last sentence stating restoration") }]
            .compactMap { $0 }
        if let (candidate, time) = spanEnd, stated.allSatisfy({ $0.time <= time }) {
            end = Self.boundary(candidate, time: time, rule: "explicit range", stated: true, written: candidate.event.writtenTime)
            if let row = rowEnd ?? narrativeEnd, abs(row.event.time.seconds(until: time)) > 15 * 60 {
                warnings.append(Self.disagreement("end", kept: candidate, keptTime: time, other: row, otherTime: row.event.time, file: file))
            }
        } else if let latestStated = stated.max(by: { $0.time < $1.time }) {
            let chosen = (stated + reported).max { $0.time < $1.time } ?? latestStated
            let fromStated = stated.contains { $0.candidate == chosen.candidate && $0.time == chosen.time }
            end = Self.boundary(chosen.candidate, time: chosen.time, rule: chosen.rule, stated: fromStated)
        } else if startStated, let seconds = ProseDuration.seconds(in: startCandidate.event.text) ?? (startCandidate.field == .start ? fieldDuration : nil) {
            // "an outage lasting two hours and six minutes, beginning at 00:23 UTC": the end is
            // worked out from what is stated, not written, so it is inferred.
            let time = startTime.adding(seconds: seconds)
            end = Self.boundary(startCandidate, time: time, rule: "stated start plus stated duration", stated: false, written: nil)
            if let row = rowEnd ?? narrativeEnd, abs(row.event.time.seconds(until: time)) > 15 * 60 {
                warnings.append(Self.disagreement("end", kept: startCandidate, keptTime: time, other: row, otherTime: row.event.time, file: file))
            }
        } else if let rowEnd {
            end = Self.boundary(rowEnd, time: rowEnd.event.time, rule: "last timeline row stating restoration", stated: false)
            if let narrativeEnd, abs(narrativeEnd.event.time.seconds(until: rowEnd.event.time)) > 15 * 60, narrativeEnd.event.time > rowEnd.event.time {
                warnings.append(
                    Self.disagreement("end", kept: rowEnd, keptTime: rowEnd.event.time, other: narrativeEnd, otherTime: narrativeEnd.event.time, file: file))
            }
        } else if let narrativeEnd {
            end = Self.boundary(narrativeEnd, time: narrativeEnd.event.time, rule: "last sentence stating restoration", stated: false)
        } else if let weakEnd {
            end = Self.boundary(weakEnd, time: weakEnd.event.time, rule: "last clause closing the incident", stated: false)
        } else if let seconds = ProseDuration.seconds(in: startCandidate.event.text) ?? startCandidate.followingSentence.flatMap(ProseDuration.seconds(in:)) {
            // Nothing says when the service came back, but the start's sentence or the next one
            // says how long it lasted ("flapping multiple times over the next 60 minutes").
            end = Self.boundary(startCandidate, time: startTime.adding(seconds: seconds), rule: "start plus the duration stated beside it", stated: false, written: nil)
        }
        // "Launch success rate has been at zero for several hours now": the first impact the text
        // gives had already lasted an unstated time, so the onset is not in the text; the end stands.
        if !startStated, Self.startsEarlierUnstated(startCandidate.clause) {
            start = nil
            warnings.append(
                ParseWarning(
                    location: startCandidate.event.source,
                    message: "the impact's onset is not stated: '\(startCandidate.event.writtenTime ?? "")' (line \(startCandidate.event.source.line ?? 0)) says the impact had already lasted an unstated time; no start reported"))
        }
    }

    /// Whether a timeline row states impact. A row's "started" or "began" alone is the responders'
    /// or the automation's step ("automated node rollover started", "upgrade began"), which the
    /// rows after it say went wrong; it takes a word of the failure, or another word of impact.
    /// A "stopped" with a verb in "-ing" after it is the failure itself ("consumers stopped
    /// acknowledging messages", "the node stops shipping logs"), unless the activity is back.
    static func rowStatesImpact(lower: String) -> Bool {
        statesImpact(lower: lower) && (namesFailure(lower) || rowImpactList.matches(lower)) || stopsActivity(lower)
    }

    static func stopsActivity(_ lower: String) -> Bool {
        guard stopWordList.matches(lower) else { return false }
        // "The five nodes started shipping logs again": the activity is back, not failing.
        if ProseStatus.classify(lower: lower) == .restored || againList.matches(lower) { return false }
        let words = lower.split(whereSeparator: { !$0.isLetter && $0 != "-" })
        // Not the responders' choice: "we stopped rolling out", "the team stops sending traffic there".
        for (i, word) in words.enumerated() where i + 1 < words.count && (word == "stopped" || word == "stops") {
            let next = words[i + 1]
            guard next.count > 4, next.hasSuffix("ing") else { continue }
            if i > 0, ProseFailureClause.responders.contains(String(words[i - 1])) { continue }
            return true
        }
        return false
    }

    static let stopWordList = PhraseList(["stopped ", "stops "], atWordStart: true)
    static let againList = PhraseList(["again", "resumed", "as normal", "normally", "as expected", "as intended"], atWordStart: true)

    static let rowImpactList = PhraseList(ProseStatus.impactPhrases.filter { !["began", "started", "stopped"].contains($0) })

    /// The latest of `candidates`, leaving out a permanent fix made after an earlier restoration:
    /// "11:52 deployment downgraded, which solved the issue" then "13:30 upgraded and issue
    /// permanently fixed" ends the impact at 11:52; the second row is the follow-up repair. A
    /// permanent fix that is the only restoration still ends the window.
    static func latestRestoration(_ candidates: [ProseEvidenceCandidate]) -> ProseEvidenceCandidate? {
        let restorations = candidates.filter { !permanentFixList.matches($0.lowerClause) }
        return (restorations.isEmpty ? candidates : restorations).max { $0.event.time < $1.event.time }
    }

    static let permanentFixList = PhraseList(["permanent", "permanently", "long-term", "long term", "for good"], atWordStart: true)

    /// A clause saying the impact had gone on for a length it does not give ("has been failing
    /// for several hours", "had been down for some time").
    static func startsEarlierUnstated(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        return unstatedLengthList.matches(lower) && perfectList.matches(lower)
    }

    static let unstatedLengthList = PhraseList(
        ["for several hours", "for hours", "for a few hours", "for some hours", "for several days", "for days", "for some time", "for a while", "for a long time"],
        atWordStart: true)
    static let perfectList = PhraseList(["has been", "had been", "have been"], atWordStart: true)

    static func boundary(_ candidate: ProseEvidenceCandidate, time: Instant, rule: String, stated: Bool, written: String? = nil) -> ImpactBoundary {
        let event = candidate.event
        return ImpactBoundary(
            time: time, writtenTime: written ?? event.writtenTime, text: event.text, source: event.source, rule: rule, isStated: stated,
            zoneAssumption: candidate.zoneAssumption)
    }

    static func disagreement(
        _ end: String, kept: ProseEvidenceCandidate, keptTime: Instant, other: ProseEvidenceCandidate, otherTime: Instant, file: String
    ) -> ParseWarning {
        let minutes = abs(keptTime.seconds(until: otherTime)) / 60
        return ParseWarning(
            location: kept.event.source,
            message:
                "the impact \(end) readings disagree by \(minutes) minutes: kept \(keptTime.iso8601) (line \(kept.event.source.line ?? 0): '\(kept.event.writtenTime ?? "")'), "
                + "not \(otherTime.iso8601) (line \(other.event.source.line ?? 0): '\(other.event.writtenTime ?? "")')")
    }
}
