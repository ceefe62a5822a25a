import PostmortemTimeline

/// A store's captures merged into one history: each incident once, and what reading and
/// merging the captures found to warn about.
public struct ArchiveHistory: Sendable, Equatable {
    /// Each incident once, in the order it was first seen (captures in capture order).
    public var incidents: [Incident]
    /// What reading each capture skipped, in capture order.
    public var readWarnings: [ParseWarning]
    /// Where captures disagreed (a title or an update's text changed), as merging found it.
    public var mergeWarnings: [ParseWarning]

    public init(incidents: [Incident], readWarnings: [ParseWarning], mergeWarnings: [ParseWarning]) {
        self.incidents = incidents
        self.readWarnings = readWarnings
        self.mergeWarnings = mergeWarnings
    }

    /// Every warning, as `timeline` lists them: reading's, then merging's.
    public var warnings: [ParseWarning] { readWarnings + mergeWarnings }
}
