extension SLAPolicy {
    /// The tier an uptime falls into: the highest credit among the tiers whose threshold it is
    /// below, stated with the lowest such threshold; `nil` when it meets every threshold.
    public func tier(forUptime uptime: Double) -> CreditTier? {
        let matched = tiers.filter { uptime < $0.below }
        guard let credit = matched.map(\.credit).max(), let below = matched.map(\.below).min() else { return nil }
        return CreditTier(below: below, credit: credit)
    }

    /// The sentence that applies the tiers to an uptime, for the reasoning.
    public func tierSentence(uptime: Double, tier: CreditTier?) -> String {
        let uptimeText = NumberFormat.fixed(uptime, decimals: 3)
        guard let tier, tier.credit > 0 else { return "Uptime \(uptimeText)% meets every tier threshold, so the policy owes no credit." }
        return "Uptime \(uptimeText)% is below \(NumberFormat.fixed(tier.below, decimals: 2, trimZeros: true))%, so the credit is \(NumberFormat.fixed(tier.credit, decimals: 2, trimZeros: true))% of the bill for the period."
    }

    /// The slices an error-rate policy counts as down for `seconds` of downtime at `rate`
    /// (0...1), with the sentence that says so; `subject` names what covers them ("the window").
    func errorRateDowntime(seconds: Int64, rate: Double, subject: String) -> (units: Double, sentence: String) {
        let unitSeconds = Double(unit.seconds)
        let rate = min(max(rate, 0), 1)
        let sentence =
            "Error-rate method: \(subject) covers \(NumberFormat.fixed(Double(seconds) / unitSeconds, decimals: 2, trimZeros: true)) \(unit.name) at a \(NumberFormat.fixed(rate * 100, decimals: 1, trimZeros: true))% error rate; every other period counts 0%."
        return (Double(seconds) / unitSeconds * rate, sentence)
    }
}
