import PostmortemMetrics
import PostmortemTimeline

/// A claim letter for one measurement period that owes a credit: the contract clause and tier,
/// every window with the sentences and files it was taken from, the amount and the deadline.
public enum CreditClaim {
    /// One Markdown file per period that owes something, named `claim-<policy>-<period>.md`.
    public static func files(_ periods: [PeriodCredit]) -> [(name: String, contents: String)] {
        periods.filter(\.owesCredit).map { ("claim-\($0.policy.id)-\($0.label).md", markdown($0)) }
    }

    /// The claim for one period.
    public static func markdown(_ period: PeriodCredit) -> String {
        let policy = period.policy
        let percent = NumberFormat.fixed(period.creditPercent, decimals: 2, trimZeros: true)
        var out = "# SLA credit claim: \(MarkdownText.escape(policy.service)), \(period.label)\n\n"
        out += "- **Agreement:** \(MarkdownText.escape(policy.name)) (`\(policy.id)`); \(MarkdownText.escape(policy.reference)).\n"
        out += "- **Measurement period:** the \(policy.period.name) \(period.periodStart.iso8601) to \(period.periodEnd.iso8601).\n"
        out += "- **Uptime:** \(NumberFormat.fixed(period.uptimePercent, decimals: 3))% against a commitment of \(NumberFormat.fixed(policy.commitment, decimals: 2, trimZeros: true))%.\n"
        if let tier = period.tier {
            out += "- **Tier:** uptime below \(NumberFormat.fixed(tier.below, decimals: 2, trimZeros: true))% earns a credit of \(percent)% of the bill for the period.\n"
        }
        if let amount = period.creditAmount, let billed = period.billed {
            out += "- **Amount claimed:** \(amount) (\(percent)% of \(billed) billed"
            out += period.billSources.isEmpty ? ")" : ", \(period.billSources.map { "`\($0)`" }.joined(separator: ", ")))"
            out += ".\n"
        } else {
            out += "- **Amount claimed:** \(percent)% of the bill for the period (no bill was given).\n"
        }
        if let deadline = period.claimDeadline, let claim = policy.claim {
            out += "- **Claim deadline:** \(deadline) (\(MarkdownText.escape(claim.clause))).\n"
        } else {
            out += "- **Claim deadline:** the policy file states no claim rule; check the agreement.\n"
        }
        out += "\n## Windows of unavailability\n\n"
        for window in period.windows {
            out += "### \(MarkdownText.escape(window.incident))\n\n"
            out += "- **Counted:** \(window.start.iso8601) to \(window.end.iso8601) (\(DurationText.minutes(window.start.minutes(until: window.end))))"
            if window.isClipped { out += ", clipped from \(window.window.start.iso8601) to \(window.window.end.iso8601) at the period's edges" }
            out += ".\n"
            if let reason = window.excludedBecause { out += "- **Not counted:** \(MarkdownText.escape(reason)).\n" }
            out += "- **How the window was found:** \(window.window.method.explanation).\n"
            if let evidence = window.window.startEvidence { out += "- **Start:** \(MarkdownText.escape(evidence))\n" }
            if let evidence = window.window.endEvidence { out += "- **End:** \(MarkdownText.escape(evidence))\n" }
            out += "- **Sources:** \(window.sources.map { "`\($0)`" }.joined(separator: ", "))\n\n"
            if !window.events.isEmpty {
                out += "| Time (UTC) | What the source says | Where |\n|---|---|---|\n"
                for event in window.events {
                    out += "| \(MarkdownText.utcShort(event.time)) | \(MarkdownText.cell(event.text)) | `\(event.source)` |\n"
                }
                out += "\n"
            }
        }
        out += "## Calculation\n\n"
        for (index, step) in period.reasoning.enumerated() { out += "\(index + 1). \(MarkdownText.escape(step))\n" }
        return out
    }
}
