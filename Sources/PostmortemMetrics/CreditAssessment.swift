import PostmortemTimeline

/// What an SLA policy owes for an incident, with the reasoning a customer could check.
public struct CreditAssessment: Sendable, Equatable {
    public var incident: String
    public var policy: SLAPolicy
    public var periodStart: Instant
    public var periodEnd: Instant
    /// Uptime over the period, in percent, as the policy computes it.
    public var uptimePercent: Double
    /// Slices counted as down (may be fractional for partial error rates).
    public var downtimeUnits: Double
    public var totalUnits: Int64
    /// Percent of the bill credited.
    public var creditPercent: Double
    /// The credit in money, when a bill was given.
    public var creditAmount: Double?
    /// What the provider said it granted, when the sources say.
    public var announcedCredit: String?
    /// The steps of the calculation, as sentences.
    public var reasoning: [String]

    /// The inputs a user can give beyond the incident itself.
    public struct Options: Sendable, Equatable {
        /// How many Availability Zones were unavailable at once (`--affected-azs`).
        public var affectedZones: Int?
        /// The bill for the period, to turn the percentage into money (`--monthly-bill`).
        public var bill: Double?
        /// The error rate during the window, 0...1 (1 = every request failed).
        public var errorRate: Double

        public init(affectedZones: Int? = nil, bill: Double? = nil, errorRate: Double = 1.0) {
            self.affectedZones = affectedZones
            self.bill = bill
            self.errorRate = errorRate
        }
    }

    /// Applies `policy` to the incident's impact window.
    /// - Throws: `MetricsError.noWindow` when the incident has no window.
    public init(incident: Incident, window: ImpactWindow?, policy: SLAPolicy, options: Options = Options()) throws(MetricsError) {
        guard let window else { throw .noWindow(incident: incident.title) }
        self.incident = incident.title
        self.policy = policy
        var steps: [String] = []
        let windowText = "\(window.start.iso8601) to \(window.end.iso8601) (\(DurationText.minutes(window.durationMinutes)))"
        steps.append("Impact window \(windowText), \(window.method.explanation).")

        let (start, end) = Self.period(policy.period, around: window)
        periodStart = start
        periodEnd = end
        let unitSeconds = policy.unit.seconds
        totalUnits = start.seconds(until: end) / unitSeconds
        let clippedStart = max(window.start, start)
        let clippedEnd = min(window.end, end)
        let downSeconds = max(0, clippedStart.seconds(until: clippedEnd))
        let unitName = policy.unit.name
        steps.append("Measurement period: the \(policy.period.name) \(start.iso8601) to \(end.iso8601), \(totalUnits) \(unitName).")

        switch policy.uptime.kind {
        case .errorRate:
            let counted = policy.errorRateDowntime(seconds: downSeconds, rate: options.errorRate, subject: "the window")
            downtimeUnits = counted.units
            steps.append(counted.sentence)
        case .regionUnavailable:
            let needed = policy.uptime.minimumUnavailableZones ?? 2
            let zones = options.affectedZones ?? Self.statedZoneCount(incident)
            if let zones, zones < needed {
                downtimeUnits = 0
                steps.append(
                    "Region-unavailable method: \(zones) Availability Zone(s) affected, but the policy counts a period only when \(needed) or more are unavailable at once, so no period counts."
                )
            } else {
                let first = clippedStart.secondsSinceEpoch / unitSeconds
                let last = (clippedEnd.secondsSinceEpoch + unitSeconds - 1) / unitSeconds
                downtimeUnits = Double(max(0, last - first))
                let zoneText = zones.map { "\($0) Availability Zones" } ?? "an unstated number of Availability Zones (assumed enough)"
                steps.append("Region-unavailable method: \(zoneText) affected; every \(unitName) slice the window touches counts as unavailable.")
            }
        }
        let uptime = 100 * (1 - downtimeUnits / Double(totalUnits))
        uptimePercent = uptime
        let tier = policy.tier(forUptime: uptime)
        creditPercent = tier?.credit ?? 0
        steps.append(policy.tierSentence(uptime: uptime, tier: tier))
        if let bill = options.bill {
            creditAmount = (bill * creditPercent / 100 * 100).rounded() / 100
            steps.append("On a bill of \(NumberFormat.fixed(bill, decimals: 2)) that is \(NumberFormat.fixed(creditAmount ?? 0, decimals: 2)).")
        } else {
            creditAmount = nil
        }
        announcedCredit = incident.announcedCredits.first?.summary
        if let announced = announcedCredit {
            steps.append("The provider announced: \(announced).")
        }
        reasoning = steps
    }

    /// The period the policy measures that contains the window's start (for a service year: the
    /// 365 days ending with the window's last day).
    static func period(_ period: MeasurementPeriod, around window: ImpactWindow) -> (Instant, Instant) {
        period.bounds(containing: period == .serviceYear ? window.end : window.start)
    }

    /// "a single Availability Zone" / "one Availability Zone" in the sources means one zone.
    static func statedZoneCount(_ incident: Incident) -> Int? {
        let phrases = ["single availability zone", "one availability zone", "one affected availability zone", "single az"]
        for event in incident.events {
            let lower = event.text.lowercased()
            if phrases.contains(where: { lower.contains($0) }) { return 1 }
        }
        return nil
    }
}
