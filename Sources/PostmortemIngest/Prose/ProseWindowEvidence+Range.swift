import PostmortemTimeline

/// Which explicit ranges are the impact's, not a maintenance schedule, a set of objects or the responders' work.
extension ProseWindowEvidence {
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
        qualifiesObjects(lower: lead.lowercased())
    }

    /// `qualifiesObjects` of a lead already lower-cased.
    static func qualifiesObjects(lower: String) -> Bool {
        let words = lower.split { !($0.isLetter || $0 == "-") }
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
}
