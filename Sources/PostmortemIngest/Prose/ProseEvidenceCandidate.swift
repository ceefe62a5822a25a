import PostmortemTimeline

/// One timed statement of a postmortem as evidence for its impact window: the event read from
/// it, the clause its time governs, and what kind of place in the document it sits in.
struct ProseEvidenceCandidate: Sendable, Equatable {
    /// Where a statement sits, weakest last.
    enum Place: Int, Sendable, Comparable {
        /// A timeline row: a list item, table row, time heading or line that opens with its time.
        case row = 1
        /// A sentence of running prose.
        case narrative = 2

        static func < (a: Place, b: Place) -> Bool { a.rawValue < b.rawValue }
    }

    var event: TimelineEvent
    /// The words the time governs (the whole row for a row).
    var clause: String
    /// The clause's words before the time ("The outage began at") and after it up to the first
    /// break ("Service resumes"), where statements of a start or an end are read.
    var lead: String
    var tail: String
    var place: Place
    /// Whether the time was written as a span (`from 16:58 to 18:46 UTC`).
    var isSpan: Bool
    /// Whether the span opens its block (`(13:20 - 13:50 UTC) During the deployment ...`).
    var spanOpensBlock: Bool
    /// The incident section the statement belongs to.
    var section: Int
    /// Whether the statement sits under a "Timeline" heading.
    var inTimeline: Bool
    /// The zone assumed for the time when the text names none.
    var zoneAssumption: String? = nil
    /// The next sentence of the same block, where a duration of what this one starts is often
    /// given ("The backup line then flapped over the next 60 minutes.").
    var followingSentence: String? = nil
    /// Whether `followingSentence` writes no time and this is its sentence's last time: what it
    /// states happened at this time ("At 08:17 a maintenance caused a routing loop. Customers'
    /// machines lost connectivity.").
    var followingUntimed = false
    /// A later sentence of the same block, with no time between, that refers back to this time
    /// ("At 4:10 PM a job rotated the certificate. The new chain lacked an intermediate. From
    /// that moment, most requests failed."): what it states happened at this time.
    var referringSentence: String? = nil
    /// The heading of the section the statement sits in, when it is not the document's title
    /// ("Impact", "Incident 1: runner provisioning stalled").
    var sectionHeading: String? = nil
    /// The field label the time is written under (`Start:`, `End:`), if any.
    var field: ProseFieldLabel? = nil
    /// `clause`, `lead` and `tail` lower-cased, filled in by `withLowerCase()` for the window
    /// evidence, whose rules read each of them several times (lower-casing them in every rule was
    /// a tenth of the window evidence's instructions); empty until then.
    var lowerClause = ""
    var lowerLead = ""
    var lowerTail = ""

    /// The candidate with `lowerClause`, `lowerLead` and `lowerTail` filled in (a row's tail is
    /// its clause: one string serves both).
    func withLowerCase() -> ProseEvidenceCandidate {
        var copy = self
        copy.lowerClause = TextFolding.lowercased(clause)
        copy.lowerLead = lead == clause ? copy.lowerClause : TextFolding.lowercased(lead)
        copy.lowerTail = tail == clause ? copy.lowerClause : TextFolding.lowercased(tail)
        return copy
    }
}
