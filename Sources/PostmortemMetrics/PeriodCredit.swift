import PostmortemTimeline

/// What a policy owes for one measurement period over every incident in it: the windows
/// unioned (an overlap counts once), clipped at the period's edges, the tiers applied to the
/// period's total, the amount on the customer's bill and the date a claim must be in by.
public struct PeriodCredit: Sendable, Equatable {
    public var policy: SLAPolicy
    public var periodStart: Instant
    /// The end of the period (exclusive).
    public var periodEnd: Instant
    /// Every window that fell in the period, in time order, clipped to it.
    public var windows: [CountedWindow]
    /// Seconds of downtime: the union of the counted windows.
    public var downtimeSeconds: Int64
    /// Slices counted as down (fractional for partial error rates).
    public var downtimeUnits: Double
    public var totalUnits: Int64
    /// Uptime over the period, in percent, as the policy computes it.
    public var uptimePercent: Double
    /// The tier the uptime falls into, when it falls below one.
    public var tier: CreditTier?
    /// Percent of the period's bill credited.
    public var creditPercent: Double
    /// What the customer was billed for the service in the period, when known.
    public var billed: Money?
    /// The bill lines the amount was summed from (`bills.csv:3`).
    public var billSources: [SourceLocation]
    /// `billed` times `creditPercent`, to the cent.
    public var creditAmount: Money?
    /// The last day a claim is accepted, when the policy states a claim rule.
    public var claimDeadline: CivilDate?
    /// The steps of the calculation, as sentences.
    public var reasoning: [String]

    /// The incidents counted in the period, by title, in time order.
    public var incidents: [String] {
        var titles: [String] = []
        for window in windows where !titles.contains(window.incident) { titles.append(window.incident) }
        return titles
    }

    /// Minutes of downtime in the period (the union of the windows).
    public var downtimeMinutes: Double { Double(downtimeSeconds) / 60 }

    /// Whether a claim would get money or a percentage back.
    public var owesCredit: Bool { creditPercent > 0 }

    /// The first day of the period, as `2008-07` for a month or quarter and the full date for a
    /// service year: the name a claim file and a bill line use.
    public var label: String {
        let first = periodStart.civil().date
        switch policy.period {
        case .calendarMonth, .calendarQuarter: return "\(first.year)-" + (first.month < 10 ? "0" : "") + "\(first.month)"
        case .serviceYear: return "\(first)"
        }
    }
}
