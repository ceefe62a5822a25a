/// One end of an incident's impact window as a document gives it: the instant, the sentence or
/// timeline row it was read from, the rule that chose it, and whether the text states it as a
/// boundary ("the outage began at 14:05 UTC") or it was inferred (the last timeline row that says
/// the service is back).
public struct ImpactBoundary: Sendable, Equatable, Hashable, Codable {
    /// The instant, in UTC.
    public var time: Instant
    /// The time as written (`8:19 AM KST`).
    public var writtenTime: String?
    /// The sentence, list item or table row the time comes from.
    public var text: String
    /// Where that text is.
    public var source: SourceLocation
    /// The rule that chose it, in a reader's words (`explicit range`, `timeline row`, `narrative`).
    public var rule: String
    /// `true` when the text states this instant as the start or end of impact; `false` when it
    /// was inferred from what the text says happened at that time.
    public var isStated: Bool
    /// The zone a reader assumed for the time because the text names none, and why
    /// (`UTC+1, assumed: an epoch stamp embedded in the text ...`); `nil` when the zone is written.
    public var zoneAssumption: String?

    public init(
        time: Instant, writtenTime: String? = nil, text: String, source: SourceLocation, rule: String, isStated: Bool, zoneAssumption: String? = nil
    ) {
        self.time = time
        self.writtenTime = writtenTime
        self.text = text
        self.source = source
        self.rule = rule
        self.isStated = isStated
        self.zoneAssumption = zoneAssumption
    }
}
