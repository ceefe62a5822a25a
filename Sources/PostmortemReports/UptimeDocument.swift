import PostmortemMetrics
import PostmortemTimeline

/// Renders `ComponentUptime`s: the `uptime` command's output.
public enum UptimeDocument {
    public static func jsonValue(_ uptime: ComponentUptime) -> JSONValue {
        .object([
            ("component", .string(uptime.component)), ("month", .string(uptime.label)), ("profile", .string(uptime.profile.id)),
            ("measuredMinutes", .number(uptime.measuredMinutes, decimals: 2)),
            ("statusMinutes", .object(uptime.statusMinutes.map { ($0.status, .number($0.minutes, decimals: 2)) })),
            ("downtimeMinutes", .number(uptime.downtimeMinutes, decimals: 2)), ("uptimePercent", .number(uptime.uptimePercent, decimals: 3)),
            ("publishedPercent", uptime.published.map { .number($0.percent, decimals: 6) } ?? .null),
            ("differencePoints", uptime.difference.map { .number($0, decimals: 3) } ?? .null),
            ("explanation", .string(uptime.explanation.joined(separator: " "))),
        ])
    }

    public static func json(_ uptimes: [ComponentUptime], warnings: [ParseWarning]) -> String {
        JSONValue.object([("components", .array(uptimes.map(jsonValue))), ("warnings", .array(warnings.map(\.jsonValue)))]).serialized()
    }

    public static func csv(_ uptimes: [ComponentUptime]) -> String {
        var table = CSVTable(header: [
            "component", "month", "profile", "measured_minutes", "downtime_minutes", "uptime_percent", "published_percent", "difference_points", "explanation",
        ])
        for uptime in uptimes {
            table.append([
                uptime.component, uptime.label, uptime.profile.id, NumberFormat.fixed(uptime.measuredMinutes, decimals: 2, trimZeros: true),
                NumberFormat.fixed(uptime.downtimeMinutes, decimals: 2, trimZeros: true), NumberFormat.fixed(uptime.uptimePercent, decimals: 3),
                uptime.published.map { NumberFormat.fixed($0.percent, decimals: 6, trimZeros: true) } ?? "",
                uptime.difference.map { NumberFormat.fixed($0, decimals: 3) } ?? "", uptime.explanation.joined(separator: " "),
            ])
        }
        return table.serialized()
    }

    public static func markdown(_ uptimes: [ComponentUptime], warnings: [ParseWarning]) -> String {
        var out = "# Component uptime\n\n"
        if let profile = uptimes.first?.profile {
            out += "Profile `\(profile.id)`: \(MarkdownText.escape(profile.name)). \(MarkdownText.escape(profile.reference)).\n\n"
        }
        out += "| Component | Month | Measured (min) | Down (min) | Uptime | Published | Difference |\n|---|---|---|---|---|---|---|\n"
        for uptime in uptimes {
            out += "| \(MarkdownText.cell(uptime.component)) | \(uptime.label) | \(NumberFormat.fixed(uptime.measuredMinutes, decimals: 1, trimZeros: true)) | "
            out += "\(NumberFormat.fixed(uptime.downtimeMinutes, decimals: 1, trimZeros: true)) | \(NumberFormat.fixed(uptime.uptimePercent, decimals: 3))% | "
            out += "\(uptime.published.map { NumberFormat.fixed($0.percent, decimals: 6, trimZeros: true) + "%" } ?? "") | "
            out += "\(uptime.difference.map { NumberFormat.fixed($0, decimals: 3) + " points" } ?? "") |\n"
        }
        out += "\n"
        for uptime in uptimes {
            out += "## \(MarkdownText.escape(uptime.component)), \(uptime.label)\n\n"
            for (index, step) in uptime.explanation.enumerated() { out += "\(index + 1). \(MarkdownText.escape(step))\n" }
            out += "\n"
        }
        return out + MarkdownText.warnings(warnings)
    }
}
