/// The status a postmortem clause states, in lower-case words the metrics code reads:
/// `impact` (the problem starts or worsens, including the change that set it off), `recovering`
/// (work under way, partial recovery) and `restored` (the thing is back).
///
/// Checked in that reverse order, because recovery sentences usually also name the problem
/// ("latencies and error rates ... recovered"). A restoration qualified as partial ("all but 2.2% of
/// the volumes were restored", "near-normal") is recovering, not restored.
public enum ProseStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// The problem starts or worsens, or the change that set it off is made.
    case impact
    /// Mitigation under way, or a recovery the text qualifies as partial.
    case recovering
    /// The service, or the part the clause names, is back.
    case restored

    static let restoredPhrases = [
        "restored", "recovered", "resolved", "returned to normal", "back to normal", "operating normally",
        "fully operational", "normal operation", "now operating", "healthy again", "all clear",
    ]
    static let partialPhrases = [
        "all but", "most of", "near-normal", "near normal", "partially", "partial", "began", "begun", "started",
        "some of", "not all", "remaining",
    ]
    static let recoveringPhrases = [
        "restoring", "recovering", "mitigat", "fix", "rolled back", "roll back", "disabl", "stabiliz", "contained",
        "throttl", "processing", "adding", "re-enabl", "enabling", "workaround", "fail over", "rebuil", "reboot",
        "restart", "clear", "shut down", "shutdown", "developed", "deployed a change", "worked on", "working on",
        "decided", "decision", "failed over", "shifted",
    ]
    static let impactPhrases = [
        "impact", "outage", "disruption", "error", "latenc", "stuck", "degraded", "unavailable", "unable",
        "fail", "interrupt", "elevated", "increased", "brown out", "lost", "corrupt", "went down", "is down",
        "was down", "were down", "change was performed", "change was made", "network change",
        "configuration change", "began", "started", "stopped",
    ]

    static let restoredList = PhraseList(restoredPhrases)
    static let partialList = PhraseList(partialPhrases)
    static let recoveringList = PhraseList(recoveringPhrases)
    static let impactList = PhraseList(impactPhrases)

    /// The status a clause states, if it states one.
    public static func classify(_ clause: String) -> ProseStatus? {
        classify(lower: clause.lowercased())
    }

    /// `classify` of a clause already lower-cased.
    static func classify(lower: String) -> ProseStatus? {
        var lower = lower
        return lower.withUTF8 { bytes in
            if restoredList.matches(bytes) { return partialList.matches(bytes) ? .recovering : .restored }
            if recoveringList.matches(bytes) { return .recovering }
            if impactList.matches(bytes) { return .impact }
            return nil
        }
    }
}
