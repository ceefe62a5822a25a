import PostmortemTimeline

/// What states the impact's start, and what only says when someone noticed it.
extension ProseWindowEvidence {
    static let startPhrases = [
        "began", "begun", "begin", "started", "starts", "start of", "starting at", "onset", "first impact", "first observed",
        "first report", "first detected", "first noticed", "first alert", "commenced", "kicked off", "initial impact", "impact start",
        "incident start", "outage start", "was triggered", "were triggered", "experienced", "experiencing", "suffered",
        "first customer", "first ticket", "first support ticket", "first complaint",
    ]
    static let notStart = [
        "recover", "restor", "resolv", "mitigat", "investigat", "until", "till", "through", "rollback", "roll back", "rolled back", "to return", "working on",
        "fix", "normal",
        // "failover to the replica started": the responders' move (its "fail" is no failure).
        "failover", "fail over", "failing over",
    ]
    static let startPhrasesList = PhraseList(startPhrases, atWordStart: true)
    static let notStartList = PhraseList(notStart, atWordStart: true)
    /// Phrases that mark the start by themselves, with no word of the outage beside them: what
    /// was first detected or reported is the problem ("First detected 2020-09-21 18:27").
    static let incidentStartList = PhraseList(
        [
            "start of incident", "incident start", "first detected", "first noticed", "first reported", "first report", "first alert", "first observed",
            "first customer", "first ticket", "first support ticket", "first complaint",
        ],
        atWordStart: true)

    /// What can follow "began"/"started" when the impact is what starts ("began failing"), as
    /// opposed to the work against it ("began disabling", "started rolling back").
    static let impactGerunds: Set<String> = [
        "failing", "returning", "timing", "rejecting", "dropping", "seeing", "experiencing", "throwing", "erroring", "crashing",
        "climbing", "rising", "increasing", "degrading", "slowing", "queuing", "queueing", "backing", "piling", "spiking", "receiving",
        "reporting", "serving", "losing", "refusing", "hanging", "exhausting", "saturating", "flapping", "restarting", "evicting",
    ]

    /// "The outage began at 14:05", "Start of incident", "first reports of errors at 9:10",
    /// "starting at 21:30 UTC, GitHub experienced an incident": a start phrase before or after
    /// the time, with no word of recovery beside it, about the impact. The candidate's
    /// lower-cased texts are read (`withLowerCase()`).
    static func statesStart(_ candidate: ProseEvidenceCandidate) -> Bool {
        let lead = candidate.lowerLead
        let tail = candidate.lowerTail
        guard let piece = [lead, tail].first(where: { Self.startPhrasesList.matches($0) }), !Self.notStartList.matches(piece) else { return false }
        // Cut into words only when a start verb may be among them (most pieces matched another phrase).
        let words = Self.startVerbList.matches(piece) ? piece.split { !$0.isLetter } : []
        for (i, word) in words.enumerated() where ["began", "begun", "started", "begin", "starts"].contains(word) && i + 1 < words.count {
            let next = words[i + 1]
            if next.hasSuffix("ing"), !impactGerunds.contains(String(next)) { return false }
        }
        return Self.incidentStartList.matches(piece) || Self.outageWordsList.matches(candidate.lowerClause)
    }

    /// The verbs whose next word `statesStart` reads, as a phrase list: every whole word among them
    /// is also found here, so a piece with none is not cut into words.
    static let startVerbList = PhraseList(["began", "begun", "started", "begin", "starts"], atWordStart: true)

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

    /// What someone noticed first: a report, an alert, a customer's ticket or complaint ("first customer tickets").
    static let detectionList = PhraseList(
        ["first report", "first detected", "first noticed", "first alert", "first observed", "first customer", "first ticket", "first support ticket", "first complaint"],
        atWordStart: true)
    static let onsetList = PhraseList(["began", "begun", "begin", "started", "starts", "start of", "onset", "commenced", "impact start", "outage start"], atWordStart: true)
}
