import PostmortemTimeline

/// What states the impact itself: the words of an outage and the failures they name.
extension ProseWindowEvidence {
    static let outageWords = [
        "outage", "incident", "impact", "downtime", "disruption", "unavailab", "degrad", "error", "fail", "down", "issue",
        "problem", "affected", "latenc", "interrupt", "unable", "could not", "couldn't", "broken", "slow", "timeout", "time out",
        "stuck", "timed out", "timing out", "delay", "loss", "lost", "unreachable", "unresponsive", "not responding", "not able to", "unusable", "killed", "crash", "unexpected behavior", "unexpected behaviour", "reduced capacity", "reduced availability", "reduced performance", "non-operational", "not operational", "partition", "malicious", "wrong with", "is wrong", "went wrong", "not working", "stopped working", "not available", "not accessible", "inaccessible", "offline", "5xx", "500", "502", "503", "504",
        // "returning 404", "429 errors", "the chain stalled", "workloads being unschedulable".
        "404", "429", "stall", "unschedulable", "could not be scheduled",
        // "our CDN served stale content": what users got was out of date.
        "stale content", "stale data", "stale pages", "stale responses", "stale results", "stale prices", "served stale",
        // Wrong results rather than none: "duplicate invoices were created", "customers were charged twice".
        "duplicat", "charged twice", "double charg", "double-charg",
        // Work that piles up unserved: "queue depth climbing", "the backlog grew", "indexing fell behind".
        // A measure of health that fell: "a drop in availability", "the success rate dropped".
        "drop in availability", "availability dropped", "availability drop", "uptime dropped", "success rate dropped", "drop in success rate",
        "queue depth", "backlog grew", "backlog grows", "backlog built", "backlog growing", "piling up", "piled up", "fell behind", "falling behind",
    ]
    static let outageWordsList = PhraseList(outageWords, atWordStart: true)

    /// A clause that states impact: the status words, or an outage word in a clause that does
    /// not say the service is back ("We are aware of degraded mail and are working on it").
    static func statesImpact(_ clause: String) -> Bool {
        statesImpact(lower: clause.lowercased())
    }

    /// `statesImpact` of a clause already lower-cased.
    static func statesImpact(lower: String) -> Bool {
        switch ProseStatus.classify(lower: lower) {
        case .impact: return true
        case .restored: return false
        default: return Self.namesFailure(lower)
        }
    }

    /// A word of the outage, or a negated verb of the service's work ("emails were not sent").
    static func namesFailure(_ lower: String) -> Bool {
        Self.outageWordsList.matches(lower) || ProseFailureClause.states(lower)
    }
}
