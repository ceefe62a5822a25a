import PostmortemTimeline

/// What states the impact's end: restorations, their qualifiers, and stated ends.
extension ProseWindowEvidence {
    static let strongEndPhrases = [
        "restored", "recovered", "recovery was", "full recovery", "repaired", "returned to normal", "return to normal", "back to normal",
        "fully operational", "operating normally", "operational again", "all systems operational", "resumed", "resumes", "incident ends",
        "incident ended", "outage ended", "impact ended", "ended", "mitigated", "concluded", "back online", "back up", "came back",
        "working again", "available again", "working normally", "functioning normally", "served normally", "serving normally", "running normally", "responding normally", "loading normally", "performing normally", "healthy again", "returned to service", "no longer",
        "subsided", "ceased", "stabilized", "stabilised", "reopened", "re-opened", "back in service", "unblock", "up and running", "were operational", "was operational", "operational by", "is operational", "working as intended", "working as expected", "works as expected", "works as intended", "behaving normally", "behaving as expected", "to an end", "goes away", "went away", "go away", "disappeared", "successfully", "returns to normal",
        "last to recover", "was brought back", "were brought back", "now build", "now work", "now launch", "now load", "launch fine", "work fine", "works fine", "working fine", "fine again", "stopped failing", "succeeding again", "normal levels", "normal operation",
        // A backlog's end: what was queued is done ("the backlog is empty", "consumers caught up");
        // not a node drained by the responders.
        "caught up", "backlog is empty", "backlog was empty", "queue is empty", "queue was empty", "queues are empty", "queues were empty",
        "backlog drained", "backlog was drained", "backlog had drained", "backlog cleared", "backlog was cleared", "queue drained",
        "queue was drained", "queues drained", "fully drained", "up to date again",
    ]
    static let weakEndPhrases = [
        "resolved", "resolution", "closed", "all clear", "fixed", "solved the", "solves the", "issue solved", "problem solved", "complete", "fix was implemented", "fix was deployed", "fix was applied",
        "fix was rolled out", "fix was released",
    ]
    static let notEnd = [
        "partial", "partially", "some of", "most of", "all but", "began", "begun", "begin", "start", "near-normal", "near normal",
        "not all", "not yet", "not fully", "remaining", "believed", "appeared", "thought", "clean-up", "cleanup", "clean up",
        "postmortem", "post-mortem", "follow-up", "follow up", "ticket", "retro", "review", "monitor", "expect", "continued to",
        "would be", "will be", "plan", "before the", "gradually", "slowly", "progress", "some customers", "some users",
        // Watching after the fix ("we watched it until 23:30 before closing the incident"; "kept
        // the incident open until 6:15 PM to watch the queues").
        "watched", "watching", "to watch", "watch the", "watch it", "incident open", "kept open", "open until",
    ]

    static let strongEndPhrasesList = PhraseList(strongEndPhrases, atWordStart: true)
    static let weakEndPhrasesList = PhraseList(weakEndPhrases, atWordStart: true)
    static let notEndList = PhraseList(notEnd, atWordStart: true)

    /// "Incident ends", "the outage ended at", "full recovery was achieved by", "impact was mitigated at".
    static func statesExplicitEnd(_ clause: String) -> Bool {
        statesExplicitEnd(lower: clause.lowercased())
    }

    /// `statesExplicitEnd` of a clause already lower-cased.
    static func statesExplicitEnd(lower: String) -> Bool {
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

    static let untilList = PhraseList(["until", "through", "till"], atWordStart: true)
    static let explicitEndList = PhraseList([
            "incident ends", "incident ended", "outage ended", "outage ends", "impact ended", "impact ends", "outage is over", "outage was over", "end of incident", "end of impact", "end of the outage",
            "full recovery", "fully restored", "fully recovered", "full service was", "fully resolved", "impact was mitigated",
            "impact ceased", "fully mitigated", "full mitigation", "outage was resolved", "incident was resolved", "incident concluded", "service was restored", "services were restored",
            "all systems operational", "returned to normal", "back to normal", "full resolution",
        ], atWordStart: true)

    static func statesEnd(_ clause: String, phrases: PhraseList) -> Bool {
        statesEnd(lower: clause.lowercased(), phrases: phrases)
    }

    /// `statesEnd` of a clause already lower-cased.
    static func statesEnd(lower: String, phrases: PhraseList) -> Bool {
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
}
