import PostmortemMetrics
import PostmortemTimeline

/// Renders `CreditAssessment`s: the `credits` command's output and the report's credit section.
public enum CreditDocument {
    public static func jsonValue(_ credit: CreditAssessment) -> JSONValue {
        let uptimeKey = credit.policy.period == .calendarMonth ? "monthlyUptimePercent" : "annualUptimePercent"
        return .object([
            ("title", .string(credit.incident)), ("policy", .string(credit.policy.id)), ("policyName", .string(credit.policy.name)),
            ("periodStart", .string(credit.periodStart.iso8601)), ("periodEnd", .string(credit.periodEnd.iso8601)),
            (uptimeKey, .number(credit.uptimePercent, decimals: 3)),
            ("downtimeUnits", .number(credit.downtimeUnits, decimals: 3)), ("totalUnits", .int(credit.totalUnits)),
            ("unit", .string(credit.policy.unit.rawValue)),
            ("creditPercent", .number(credit.creditPercent, decimals: 2)),
            ("creditAmount", credit.creditAmount.map { .number($0, decimals: 2) } ?? .null),
            ("announcedCredit", .optional(credit.announcedCredit)),
            ("reasoning", .string(credit.reasoning.joined(separator: " "))),
        ])
    }

    /// One measurement period over every incident in it.
    public static func jsonValue(_ period: PeriodCredit) -> JSONValue {
        .object([
            ("policy", .string(period.policy.id)), ("periodStart", .string(period.periodStart.iso8601)),
            ("periodEnd", .string(period.periodEnd.iso8601)), ("incidents", .array(period.incidents.map(JSONValue.string))),
            ("downtimeMinutes", .number(period.downtimeMinutes, decimals: 2)), ("uptimePercent", .number(period.uptimePercent, decimals: 3)),
            ("creditPercent", .number(period.creditPercent, decimals: 2)),
            ("billed", period.billed.map { .literal($0.amountText) } ?? .null),
            ("creditAmount", period.creditAmount.map { .literal($0.amountText) } ?? .null),
            ("currency", .optional(period.creditAmount?.currency)),
            ("claimDeadline", .optional(period.claimDeadline?.description)),
            ("reasoning", .string(period.reasoning.joined(separator: " "))),
        ])
    }

    /// The `credits` command's JSON: per incident, per period, and the warnings.
    public static func json(_ credits: [CreditAssessment], periods: [PeriodCredit] = [], warnings: [ParseWarning]) -> String {
        JSONValue.object([
            ("incidents", .array(credits.map(jsonValue))), ("periods", .array(periods.map(jsonValue))),
            ("warnings", .array(warnings.map(\.jsonValue))),
        ]).serialized()
    }

    /// One row per measurement period.
    public static func periodsCSV(_ periods: [PeriodCredit]) -> String {
        var table = CSVTable(header: [
            "policy", "period_start", "period_end", "incidents", "downtime_minutes", "uptime_percent", "credit_percent", "billed",
            "credit_amount", "currency", "claim_deadline", "reasoning",
        ])
        for period in periods {
            table.append([
                period.policy.id, period.periodStart.iso8601, period.periodEnd.iso8601, period.incidents.joined(separator: "; "),
                NumberFormat.fixed(period.downtimeMinutes, decimals: 2, trimZeros: true), NumberFormat.fixed(period.uptimePercent, decimals: 3),
                NumberFormat.fixed(period.creditPercent, decimals: 2, trimZeros: true), period.billed?.amountText ?? "",
                period.creditAmount?.amountText ?? "", period.creditAmount?.currency ?? "", period.claimDeadline?.description ?? "",
                period.reasoning.joined(separator: " "),
            ])
        }
        return table.serialized()
    }

    /// A Markdown section listing every measurement period, then each period's reasoning.
    public static func periodsSection(_ periods: [PeriodCredit]) -> String {
        guard !periods.isEmpty else { return "" }
        var out = "## Credits per measurement period\n\n" + periodsTable(periods)
        for period in periods {
            out += "### `\(period.policy.id)`, \(period.label)\n\n"
            for (index, step) in period.reasoning.enumerated() { out += "\(index + 1). \(MarkdownText.escape(step))\n" }
            out += "\n"
        }
        return out
    }

    /// One table row per measurement period: downtime, uptime, credit, amount and claim deadline.
    public static func periodsTable(_ periods: [PeriodCredit]) -> String {
        guard !periods.isEmpty else { return "" }
        var out = "| Policy | Period | Incidents | Downtime (min) | Uptime | Credit | Amount | Claim by |\n|---|---|---|---|---|---|---|---|\n"
        for period in periods {
            out += "| `\(period.policy.id)` | \(period.label) | \(MarkdownText.cell(period.incidents.joined(separator: "; "))) | "
            out += "\(NumberFormat.fixed(period.downtimeMinutes, decimals: 2, trimZeros: true)) | \(NumberFormat.fixed(period.uptimePercent, decimals: 3))% | "
            out += "\(NumberFormat.fixed(period.creditPercent, decimals: 2, trimZeros: true))% | \(period.creditAmount.map(\.description) ?? "") | "
            out += (period.owesCredit ? period.claimDeadline?.description ?? "no claim rule stated" : "nothing owed") + " |\n"
        }
        return out + "\n"
    }

    public static func csv(_ credits: [CreditAssessment]) -> String {
        var table = CSVTable(header: [
            "incident", "policy", "period_start", "period_end", "uptime_percent", "credit_percent", "credit_amount", "announced_credit",
        ])
        for credit in credits {
            table.append([
                credit.incident, credit.policy.id, credit.periodStart.iso8601, credit.periodEnd.iso8601,
                NumberFormat.fixed(credit.uptimePercent, decimals: 3), NumberFormat.fixed(credit.creditPercent, decimals: 2, trimZeros: true),
                credit.creditAmount.map { NumberFormat.fixed($0, decimals: 2) } ?? "", credit.announcedCredit ?? "",
            ])
        }
        return table.serialized()
    }

    /// A Markdown section for one assessment.
    public static func section(_ credit: CreditAssessment) -> String {
        let uptimeName = credit.policy.period == .calendarMonth ? "Monthly uptime" : "Annual uptime"
        var out = "### \(MarkdownText.escape(credit.policy.name)) (`\(credit.policy.id)`)\n\n"
        out += "- **\(uptimeName):** \(NumberFormat.fixed(credit.uptimePercent, decimals: 3))% (commitment \(NumberFormat.fixed(credit.policy.commitment, decimals: 2, trimZeros: true))%)\n"
        out += "- **Contractual credit:** \(NumberFormat.fixed(credit.creditPercent, decimals: 2, trimZeros: true))% of the bill for the period"
        if let amount = credit.creditAmount { out += " (\(NumberFormat.fixed(amount, decimals: 2)))" }
        out += "\n"
        out += "- **Announced by the provider:** \(credit.announcedCredit.map(MarkdownText.escape) ?? "nothing found in the sources")\n\n"
        out += "Reasoning:\n\n"
        for (index, step) in credit.reasoning.enumerated() {
            out += "\(index + 1). \(MarkdownText.escape(step))\n"
        }
        out += "\nTiers: " + credit.policy.tiers.map {
            "below \(NumberFormat.fixed($0.below, decimals: 2, trimZeros: true))% -> \(NumberFormat.fixed($0.credit, decimals: 2, trimZeros: true))%"
        }.joined(separator: "; ") + ". Source: \(MarkdownText.escape(credit.policy.reference)).\n\n"
        return out
    }

    public static func markdown(_ credits: [CreditAssessment], periods: [PeriodCredit] = [], warnings: [ParseWarning]) -> String {
        var out = ""
        var lastIncident: String?
        for credit in credits {
            if credit.incident != lastIncident {
                out += "# \(MarkdownText.escape(credit.incident))\n\n"
                lastIncident = credit.incident
            }
            out += section(credit)
        }
        return out + periodsSection(periods) + MarkdownText.warnings(warnings)
    }
}
