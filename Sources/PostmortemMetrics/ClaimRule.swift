import PostmortemTimeline

/// When a credit claim must reach the provider, as the policy states it.
public struct ClaimRule: Sendable, Equatable, Codable {
    public var kind: Kind
    /// Billing cycles or days, depending on `kind`.
    public var count: Int
    /// The clause as the terms word it, for the reasoning and the claim letter.
    public var clause: String

    public enum Kind: String, Sendable, Equatable, Codable, DataFileKeyword {
        /// By the end of the `count`-th monthly billing cycle after the one the incident was in
        /// (AWS: "by the end of the second billing cycle after which the incident occurred").
        case billingCyclesAfterIncident = "billing-cycles-after-incident"
        /// Within `count` days after the measurement period ends (GitHub: 30 days after the quarter).
        case daysAfterPeriodEnd = "days-after-period-end"
    }

    public init(kind: Kind, count: Int, clause: String) {
        self.kind = kind
        self.count = count
        self.clause = clause
    }

    /// The last day a claim is accepted, for an incident whose counted downtime ended at
    /// `lastDowntime` in a period ending at `periodEnd` (exclusive).
    public func deadline(lastDowntime: Instant, periodEnd: Instant) -> CivilDate {
        switch kind {
        case .billingCyclesAfterIncident:
            // The instant just before the end is the last one counted, so downtime ending at
            // midnight on August 1 belongs to July's cycle.
            let month = lastDowntime.adding(seconds: -1).civil().date
            return month.addingMonths(count).lastDayOfMonth
        case .daysAfterPeriodEnd:
            // The period's last day is the day before its (exclusive) end; `count` days after it.
            return periodEnd.civil().date.adding(days: count - 1)
        }
    }
}
