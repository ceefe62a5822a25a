import PostmortemMetrics
import PostmortemTimeline

extension CreditDocument {
    /// One assessment as an HTML section: the figures, the reasoning step by step, and the
    /// policy's tiers with the one that applied marked. Each part is its own function so a
    /// new part of the assessment (a per-period table, say) is one more call here.
    public static func htmlSection(_ credit: CreditAssessment) -> String {
        var out = "<section class=\"credit\" id=\"credit-\(HTMLPage.escape(credit.policy.id))\">\n"
        out += "<h3>\(HTMLPage.escape(credit.policy.name)) (<code>\(HTMLPage.escape(credit.policy.id))</code>)</h3>\n"
        out += htmlFacts(credit)
        out += htmlReasoning(credit)
        out += htmlTiers(credit)
        return out + "</section>\n"
    }

    /// The uptime, the credit owed and the credit announced.
    static func htmlFacts(_ credit: CreditAssessment) -> String {
        let uptimeName = credit.policy.period == .calendarMonth ? "Monthly uptime" : "Annual uptime"
        var out = "<dl class=\"facts\">\n"
        out += "<dt>Measurement period</dt><dd>\(HTMLPage.time(credit.periodStart)) to \(HTMLPage.time(credit.periodEnd)) UTC</dd>\n"
        out += "<dt>\(uptimeName)</dt><dd>\(NumberFormat.fixed(credit.uptimePercent, decimals: 3))% (commitment \(NumberFormat.fixed(credit.policy.commitment, decimals: 2, trimZeros: true))%)</dd>\n"
        out += "<dt>Contractual credit</dt><dd><strong>\(percent(credit.creditPercent))</strong> of the bill for the period"
        if let amount = credit.creditAmount { out += " (\(NumberFormat.fixed(amount, decimals: 2)))" }
        out += "</dd>\n"
        out += "<dt>Announced by the provider</dt><dd>\(credit.announcedCredit.map(HTMLPage.escape) ?? "nothing found in the sources")</dd>\n"
        return out + "</dl>\n"
    }

    /// The calculation as numbered sentences.
    static func htmlReasoning(_ credit: CreditAssessment) -> String {
        var out = "<p>Reasoning:</p>\n<ol class=\"reasoning\">\n"
        for step in credit.reasoning { out += "<li>\(HTMLPage.escape(step))</li>\n" }
        return out + "</ol>\n"
    }

    /// The tiers, the one that applied marked, and where the terms come from.
    static func htmlTiers(_ credit: CreditAssessment) -> String {
        // The tier that applied is the lowest threshold the uptime falls below.
        let applied = credit.policy.tiers.filter { credit.uptimePercent < $0.below }.min { $0.below < $1.below }
        let rows = credit.policy.tiers.map { tier -> [String] in
            let mark = tier == applied ? "<span class=\"yes\">applies</span>" : ""
            return ["below \(NumberFormat.fixed(tier.below, decimals: 3, trimZeros: true))%", percent(tier.credit), mark]
        }
        let uptimeName = credit.policy.period == .calendarMonth ? "Monthly uptime" : "Annual uptime"
        var out = HTMLPage.table(header: [uptimeName, "Credit", ""], rows: rows, numeric: [1], caption: "Tiers", className: "compact")
        out += "<p class=\"muted\">Source: \(HTMLPage.escape(credit.policy.reference)).</p>\n"
        return out
    }

    /// The credit per measurement period, with the date a claim must be in by.
    public static func htmlPeriods(_ periods: [PeriodCredit]) -> String {
        guard !periods.isEmpty else { return "" }
        let rows = periods.map { period -> [String] in
            [
                "<code>\(HTMLPage.escape(period.policy.id))</code>", HTMLPage.escape(period.label), HTMLPage.escape(period.incidents.joined(separator: "; ")),
                NumberFormat.fixed(period.downtimeMinutes, decimals: 2, trimZeros: true), NumberFormat.fixed(period.uptimePercent, decimals: 3) + "%",
                percent(period.creditPercent), HTMLPage.escape(period.creditAmount.map(\.description) ?? ""),
                HTMLPage.escape(period.owesCredit ? period.claimDeadline?.description ?? "no claim rule stated" : "nothing owed"),
            ]
        }
        var out = "<section id=\"credit-periods\">\n<h3>Per measurement period</h3>\n"
        out += HTMLPage.table(
            header: ["Policy", "Period", "Incidents", "Downtime (min)", "Uptime", "Credit", "Amount", "Claim by"], rows: rows, numeric: [3, 4, 5, 6])
        return out + "</section>\n"
    }

    static func percent(_ value: Double) -> String {
        NumberFormat.fixed(value, decimals: 2, trimZeros: true) + "%"
    }
}
