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

    static let outageWords = [
        "outage", "incident", "impact", "downtime", "disruption", "unavailab", "degrad", "error", "fail", "down", "issue",
        "problem", "affected", "latenc", "interrupt", "unable", "could not", "couldn't", "broken", "slow", "timeout", "time out",
        "stuck", "timed out", "timing out", "delay", "loss", "lost", "unreachable", "unresponsive", "not responding", "not able to", "unusable", "killed", "crash", "unexpected behavior", "unexpected behaviour", "reduced capacity", "reduced availability", "reduced performance", "non-operational", "not operational", "partition", "malicious", "wrong with", "is wrong", "went wrong", "not working", "stopped working", "not available", "not accessible", "inaccessible", "offline", "5xx", "500", "502", "503", "504",
    ]
    static let startPhrases = [
        "began", "begun", "begin", "started", "starts", "start of", "starting at", "onset", "first impact", "first observed",
        "first report", "first detected", "first noticed", "first alert", "commenced", "kicked off", "initial impact", "impact start",
        "incident start", "outage start", "was triggered", "were triggered", "experienced", "experiencing", "suffered",
    ]
    static let notStart = [
        "recover", "restor", "resolv", "mitigat", "investigat", "until", "till", "through", "rollback", "roll back", "rolled back", "to return", "working on",
        "fix", "normal",
    ]
    static let strongEndPhrases = [
        "restored", "recovered", "recovery was", "full recovery", "repaired", "returned to normal", "return to normal", "back to normal",
        "fully operational", "operating normally", "operational again", "all systems operational", "resumed", "resumes", "incident ends",
        "incident ended", "outage ended", "impact ended", "ended", "mitigated", "concluded", "back online", "back up", "came back",
        "working again", "available again", "working normally", "functioning normally", "served normally", "serving normally", "running normally", "responding normally", "loading normally", "performing normally", "healthy again", "returned to service", "no longer",
        "subsided", "ceased", "stabilized", "stabilised", "reopened", "re-opened", "back in service", "unblock", "up and running", "were operational", "was operational", "operational by", "is operational", "to an end", "goes away", "went away", "go away", "disappeared", "successfully", "returns to normal",
        "last to recover", "was brought back", "were brought back", "now build", "now work", "now launch", "now load", "launch fine", "work fine", "works fine", "working fine", "fine again", "stopped failing", "succeeding again", "normal levels", "normal operation",
    ]
    static let weakEndPhrases = [
        "resolved", "resolution", "closed", "all clear", "fixed", "complete", "fix was implemented", "fix was deployed", "fix was applied",
        "fix was rolled out", "fix was released",
    ]
    static let notEnd = [
        "partial", "partially", "some of", "most of", "all but", "began", "begun", "begin", "start", "near-normal", "near normal",
        "not all", "not yet", "not fully", "remaining", "believed", "appeared", "thought", "clean-up", "cleanup", "clean up",
        "postmortem", "post-mortem", "follow-up", "follow up", "retro", "review", "monitor", "expect", "continued to",
        "would be", "will be", "plan", "before the", "gradually", "slowly", "progress", "some customers", "some users",
    ]

    static let outageWordsList = PhraseList(outageWords, atWordStart: true)
    static let startPhrasesList = PhraseList(startPhrases, atWordStart: true)
    static let notStartList = PhraseList(notStart, atWordStart: true)
    static let strongEndPhrasesList = PhraseList(strongEndPhrases, atWordStart: true)
    static let weakEndPhrasesList = PhraseList(weakEndPhrases, atWordStart: true)
    static let notEndList = PhraseList(notEnd, atWordStart: true)
    static let hypotheticalList = PhraseList(hypothetical, atWordStart: true)
    /// Phrases that mark the start by themselves, with no word of the outage beside them: what
    /// was first detected or reported is the problem ("First detected 2020-09-21 18:27").
    static let incidentStartList = PhraseList(
        ["start of incident", "incident start", "first detected", "first noticed", "first reported", "first report", "first alert", "first observed"],
        atWordStart: true)

    /// A clause about what might have been, not what happened.
    static let hypothetical = ["would have", "could have", "might have", "would not have", "wouldn't have", "should have", "would be", "will be"]

    /// `fieldDuration` is the impact's duration a field of the document gives (`Duration: 47
    /// minutes`): with a stated start and no end, the window is the start plus it.
    init(candidates: [ProseEvidenceCandidate], file: String, fieldDuration: Int64? = nil) {
        let timed = candidates.filter {
            $0.event.precision != .day && $0.event.precision != .partOfDay && !Self.hypotheticalList.matches($0.clause.lowercased())
        }
        guard !timed.isEmpty else { return }
        // Explicit ranges.
        let spans = timed.filter { candidate in
            guard candidate.isSpan, let end = candidate.event.endTime, end > candidate.event.time else { return false }
            let lower = candidate.clause.lowercased()
            // A maintenance schedule, not the outage; "jobs got scheduled onto the cluster" is not one.
            if Self.maintenanceList.matches(lower) { return false }
            if Self.qualifiesObjects(candidate.lead) { return false }
            // The clause, or the sentence whose list ("batch, streaming, and transfer operations,
            // from 19:30 through 15:02") cut the clause off its subject.
            // A range that only opens its paragraph must not be the responders' work ("Between
            // 16:00 and 19:00 UTC, engineers continued troubleshooting"). A span under a heading
            // that states the impact ("## Impact", "Incident 1: provisioning stalled") is the
            // impact's, whatever words its own sentence uses.
            return candidate.spanOpensBlock && !Self.responseWorkList.matches(lower) || Self.namesFailure(lower)
                || Self.namesFailure(candidate.event.text.lowercased())
                || candidate.sectionHeading.map { Self.outageWordsList.matches($0.lowercased()) } ?? false
        }
        let statedStarts = timed.filter { $0.field == .start || $0.field == nil && Self.statesStart($0) }
        let explicitStart = (spans + statedStarts).min { $0.event.time < $1.event.time }
        let impactRows = timed.filter { $0.place == .row && Self.statesImpact($0.clause) }
        // A narrative time whose own clause states no impact takes the impact the next sentence
        // states without a time of its own ("At 10:00 we deployed 4.18. Uploads began failing immediately.").
        let impactNarrative = timed.filter {
            $0.place == .narrative
                && (Self.statesImpact($0.clause) || $0.followingUntimed && $0.followingSentence.map(Self.statesImpact) == true)
        }
        let rowStart = impactRows.min { $0.event.time < $1.event.time }
        let narrativeStart = impactNarrative.min { $0.event.time < $1.event.time }
        let chosen: (ProseEvidenceCandidate, String, Bool)?
        if let explicitStart, !spans.contains(explicitStart), Self.reportsDetectionOnly(explicitStart),
            let earlier = rowStart, earlier.event.time < explicitStart.event.time,
            earlier.event.time.seconds(until: explicitStart.event.time) <= 12 * 3600
        {
            // "8:02 AM: first report that 503s are served" after "4:49 AM: a user sees the service
            // unresponsive": the first report is when someone said so, not when users were hit.
            chosen = (earlier, "first timeline row stating impact, before the first report", false)
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
                return Self.statesEnd(candidate.lead, phrases: phrases) || Self.statesEnd(candidate.tail, phrases: phrases)
                    || Self.statesEnd(candidate.clause, phrases: phrases)
                    || writtenForms && ProseRestorationClause.states(candidate.clause)
                    || writtenForms && candidate.place == .narrative && ProseRestorationClause.statesSoonAfter(candidate.event.text)
            }
        }
        let statedEnds = later.filter {
            $0.field == .end || $0.field == nil && (Self.statesExplicitEnd($0.lead) || Self.statesExplicitEnd($0.tail) || Self.statesExplicitEnd($0.clause))
        }
        let rowEnd = restorations(Self.strongEndPhrasesList, place: .row).max { $0.event.time < $1.event.time }
        let narrativeEnd = restorations(Self.strongEndPhrasesList, place: .narrative).max { $0.event.time < $1.event.time }
        let weakEnd = restorations(Self.weakEndPhrasesList, place: nil, writtenForms: false).max { $0.event.time < $1.event.time }
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
            // "an outage lasting two hours and six minutes, beginning at 00:23 UTC".
            let time = startTime.adding(seconds: seconds)
            end = Self.boundary(startCandidate, time: time, rule: "stated start plus stated duration", stated: true, written: nil)
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
    }

    /// A clause that states impact: the status words, or an outage word in a clause that does
    /// not say the service is back ("We are aware of degraded mail and are working on it").
    static func statesImpact(_ clause: String) -> Bool {
        switch ProseStatus.classify(clause) {
        case .impact: return true
        case .restored: return false
        default: return Self.namesFailure(clause.lowercased())
        }
    }

    /// A word of the outage, or a negated verb of the service's work ("emails were not sent").
    static func namesFailure(_ lower: String) -> Bool {
        Self.outageWordsList.matches(lower) || ProseFailureClause.states(lower)
    }

    /// What can follow "began"/"started" when the impact is what starts ("began failing"), as
    /// opposed to the work against it ("began disabling", "started rolling back").
    static let impactGerunds: Set<String> = [
        "failing", "returning", "timing", "rejecting", "dropping", "seeing", "experiencing", "throwing", "erroring", "crashing",
        "climbing", "rising", "increasing", "degrading", "slowing", "queuing", "queueing", "backing", "piling", "spiking", "receiving",
        "reporting", "serving", "losing", "refusing", "hanging", "exhausting", "saturating", "flapping", "restarting", "evicting",
    ]

    /// "The outage began at 14:05", "Start of incident", "first reports of errors at 9:10",
    /// "starting at 21:30 UTC, GitHub experienced an incident": a start phrase before or after
    /// the time, with no word of recovery beside it, about the impact.
    static func statesStart(_ candidate: ProseEvidenceCandidate) -> Bool {
        let lead = candidate.lead.lowercased()
        let tail = candidate.tail.lowercased()
        guard let piece = [lead, tail].first(where: { Self.startPhrasesList.matches($0) }), !Self.notStartList.matches(piece) else { return false }
        let words = piece.split { !$0.isLetter }
        for (i, word) in words.enumerated() where ["began", "begun", "started", "begin", "starts"].contains(word) && i + 1 < words.count {
            let next = words[i + 1]
            if next.hasSuffix("ing"), !impactGerunds.contains(String(next)) { return false }
        }
        return Self.incidentStartList.matches(piece) || Self.outageWordsList.matches(candidate.clause.lowercased())
    }

    /// A stated start that only says when the problem was first reported, detected or noticed
    /// ("first report that 503 responses are being served"), not that the impact began.
    static func reportsDetectionOnly(_ candidate: ProseEvidenceCandidate) -> Bool {
        let text = (candidate.lead + " " + candidate.tail).lowercased()
        return detectionList.matches(text) && !onsetList.matches(text) || monitoringList.matches(text)
    }

    /// A monitor's alert: when the check noticed, whatever its own words ("Violation started")
    /// say; an earlier row that states the impact is the onset.
    static let monitoringList = PhraseList(
        ["uptime check", "violation started", "alert fired", "alerts fired", "alert triggered", "monitor triggered", "check failed", "check fails"],
        atWordStart: true)

    static let detectionList = PhraseList(["first report", "first detected", "first noticed", "first alert", "first observed"], atWordStart: true)
    static let onsetList = PhraseList(["began", "begun", "begin", "started", "starts", "start of", "onset", "commenced", "impact start", "outage start"], atWordStart: true)

    /// "Incident ends", "the outage ended at", "full recovery was achieved by", "impact was mitigated at".
    static func statesExplicitEnd(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        guard !Self.notEndList.matches(lower) else { return false }
        if Self.explicitEndList.matches(lower) { return true }
        // "The disruption continued until 01:18 UTC"; not "a fair way through restarting the
        // pods ... Service unavailable", where "through" is no time's.
        return Self.untilList.matches(lower) && Self.outageWordsList.matches(lower) && Self.untilBeforeTime(lower)
    }

    /// Whether an "until"/"through"/"till" in the clause stands before a time ("until 01:18",
    /// "through approximately 3 PM", "until noon", "until the next morning"), or ends it (a
    /// lead, whose time comes next).
    static func untilBeforeTime(_ lower: String) -> Bool {
        let words = lower.split { $0 == " " || $0 == "," || $0 == "(" }
        for (i, word) in words.enumerated() where word == "until" || word == "through" || word == "till" {
            var k = i + 1
            while k < words.count, ["approximately", "about", "around", "roughly", "nearly", "at", "the", "after", "before", "shortly"].contains(words[k]) { k += 1 }
            // The last word of a lead: the time it stands before follows.
            guard k < words.count else { return true }
            guard let first = words[k].utf8.first else { continue }
            if first >= 48 && first <= 57 { return true }
            if ["noon", "midnight", "next", "following", "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(words[k]) { return true }
            if CivilDate.month(named: words[k]) != nil { return true }
        }
        return false
    }

    static let maintenanceList = PhraseList(
        ["maintenance", "scheduled downtime", "scheduled window", "is scheduled for", "are scheduled for", "was scheduled for", "were scheduled for", "planned"],
        atWordStart: true)
    /// Participles that a range can qualify ("instances created or live-migrated between 10:36
    /// and 12:42 were unavailable"): the range says which things, not when the impact was.
    static let objectParticiples: Set<String> = [
        "created", "launched", "migrated", "live-migrated", "provisioned", "deployed", "submitted", "uploaded", "made", "placed",
        "booted", "written", "registered", "purchased", "issued", "generated", "opened",
    ]

    /// Whether the words before a range end in "<participle> between" or "<participle> from",
    /// the participle saying which things ("machines created between"), not a verb of the impact
    /// ("reports could not be generated from 9pm to 2am").
    static func qualifiesObjects(_ lead: String) -> Bool {
        let words = lead.lowercased().split { !($0.isLetter || $0 == "-") }
        guard words.count >= 2, let last = words.last, last == "between" || last == "from" else { return false }
        guard objectParticiples.contains(String(words[words.count - 2])) else { return false }
        return words.count < 3 || !auxiliaries.contains(String(words[words.count - 3]))
    }

    /// Words before a participle that make it a verb ("be generated", "were created").
    static let auxiliaries: Set<String> = ["be", "been", "being", "was", "were", "is", "are", "not", "never", "get", "got"]

    /// What responders do during an outage, as opposed to what users suffer.
    static let responseWorkList = PhraseList(
        ["troubleshoot", "investigat", "engineers continued", "engineers worked", "team continued", "team worked", "worked to", "working to", "continued to work"],
        atWordStart: true)
    static let untilList = PhraseList(["until", "through", "till"], atWordStart: true)
    static let explicitEndList = PhraseList([
            "incident ends", "incident ended", "outage ended", "outage ends", "impact ended", "impact ends", "outage is over", "outage was over", "end of incident", "end of impact", "end of the outage",
            "full recovery", "fully restored", "fully recovered", "full service was", "fully resolved", "impact was mitigated",
            "impact ceased", "fully mitigated", "full mitigation", "outage was resolved", "incident was resolved", "incident concluded", "service was restored", "services were restored",
            "all systems operational", "returned to normal", "back to normal", "full resolution",
        ], atWordStart: true)

    static func statesEnd(_ clause: String, phrases: PhraseList) -> Bool {
        let lower = clause.lowercased()
        guard phrases.matches(lower), !Self.qualifiedList.matches(lower) else { return false }
        if !Self.notEndList.matches(lower) { return true }
        // "Team starts a live call, successfully restarts the hub": the words against an end
        // ("starts", "monitor", "plan") count in the part of the sentence that states the end,
        // not in another part; a restoration qualified as partial anywhere is still partial.
        return Self.parts(lower).contains { phrases.matches(String($0)) && !Self.notEndList.matches(String($0)) }
    }

    /// Words that make a restoration partial or doubtful wherever they stand in its sentence.
    static let qualifiedList = PhraseList(
        ["partial", "partially", "some of", "most of", "all but", "near-normal", "near normal", "not all", "not yet", "not fully", "remaining", "believed", "appeared", "thought"],
        atWordStart: true)

    /// A clause cut at commas, semicolons and full stops.
    static func parts(_ lower: String) -> [Substring] {
        lower.split { $0 == "," || $0 == ";" || $0 == "." }
    }

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
