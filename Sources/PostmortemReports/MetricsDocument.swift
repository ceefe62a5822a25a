import PostmortemMetrics
import PostmortemTimeline

/// Renders `IncidentMetrics`: the `metrics` command's output in every format.
public enum MetricsDocument {
    public static func jsonValue(_ metrics: IncidentMetrics) -> JSONValue {
        var members: [(String, JSONValue)] = [("title", .string(metrics.title))]
        if let window = metrics.window {
            members += [
                ("start", .string(window.start.iso8601)), ("end", .string(window.end.iso8601)),
                ("durationMinutes", .int(Int64(window.durationMinutes))),
                ("duration", .string(DurationText.minutes(window.durationMinutes))),
                ("windowMethod", .string(window.method.rawValue)),
                ("startEvidence", .optional(window.startEvidence)), ("endEvidence", .optional(window.endEvidence)),
            ]
        } else {
            members += [("start", .null), ("end", .null), ("durationMinutes", .null)]
        }
        members.append(("regionWindows", .array(metrics.regionWindows.map(windowValue))))
        members.append(("firstUpdateDelayMinutes", metrics.firstUpdateDelayMinutes.map { .int(Int64($0)) } ?? .null))
        members.append(
            ("timeToStatus", .array(metrics.timeToStatus.map {
                .object([("status", .string($0.status)), ("time", .string($0.time.iso8601)), ("minutesFromStart", .int(Int64($0.minutesFromStart)))])
            })))
        members.append(
            ("cadence", .object([
                ("updates", .int(Int64(metrics.cadence.count))),
                ("medianGapMinutes", metrics.cadence.medianGapMinutes.map { .number($0) } ?? .null),
                ("longestGapMinutes", metrics.cadence.longestGapMinutes.map { .int(Int64($0)) } ?? .null),
                ("longestGapStart", .optional(metrics.cadence.longestGapStart?.iso8601)),
            ])))
        members.append(("recoveryCurves", .array(metrics.recoveryCurves.map(curveValue))))
        members.append(("curveSummaries", .array(metrics.curveSummaries.map(summaryValue))))
        members.append(("notes", .array(metrics.notes.map(JSONValue.string))))
        return .object(members)
    }

    static func windowValue(_ window: ImpactWindow) -> JSONValue {
        .object([
            ("region", .optional(window.region)), ("start", .string(window.start.iso8601)), ("end", .string(window.end.iso8601)),
            ("durationMinutes", .int(Int64(window.durationMinutes))), ("duration", .string(DurationText.minutes(window.durationMinutes))),
            ("method", .string(window.method.rawValue)), ("endEvidence", .optional(window.endEvidence)),
        ])
    }

    public static func curveValue(_ curve: RecoveryCurve) -> JSONValue {
        .object([
            ("subject", .string(curve.subject)), ("unit", .string(curve.unit.rawValue)), ("origin", .string(curve.origin)),
            ("points", .array(curve.points.map { .object([("time", .string($0.time.iso8601)), ("value", .number($0.value))]) })),
            ("residual", curve.residual.map { .number($0) } ?? .null),
        ])
    }

    static func summaryValue(_ summary: CurveSummary) -> JSONValue {
        .object([
            ("subject", .string(summary.subject)),
            ("peak", summary.peak.map { .number($0) } ?? .null),
            ("peakTime", .optional(summary.peakTime?.iso8601)),
            ("halfRecovered", .optional(summary.halfRecovered?.iso8601)),
            ("halfRecoveredInterpolated", .bool(summary.halfRecoveredInterpolated)),
            ("ninetyPercentRecovered", .optional(summary.ninetyPercentRecovered?.iso8601)),
            ("ninetyPercentRecoveredInterpolated", .bool(summary.ninetyPercentRecoveredInterpolated)),
            ("residual", summary.residual.map { .number($0) } ?? .null),
        ])
    }

    public static func json(_ metrics: [IncidentMetrics], warnings: [ParseWarning]) -> String {
        JSONValue.object([
            ("incidents", .array(metrics.map(jsonValue))), ("warnings", .array(warnings.map(\.jsonValue))),
        ]).serialized()
    }

    /// One row per window (the incident's, then each region's).
    public static func csv(_ metrics: [IncidentMetrics]) -> String {
        var table = CSVTable(header: [
            "incident", "region", "start_utc", "end_utc", "duration_minutes", "method", "first_update_delay_minutes",
            "updates", "median_gap_minutes", "longest_gap_minutes",
        ])
        for item in metrics {
            let windows = (item.window.map { [$0] } ?? []) + item.regionWindows
            for window in windows {
                table.append([
                    item.title, window.region ?? "", window.start.iso8601, window.end.iso8601, String(window.durationMinutes),
                    window.method.rawValue, item.firstUpdateDelayMinutes.map(String.init) ?? "", String(item.cadence.count),
                    item.cadence.medianGapMinutes.map { NumberFormat.fixed($0, decimals: 1, trimZeros: true) } ?? "",
                    item.cadence.longestGapMinutes.map(String.init) ?? "",
                ])
            }
        }
        return table.serialized()
    }

    /// Curve points, one row per point (residuals as a row with no time).
    public static func curvesCSV(_ curves: [RecoveryCurve]) -> String {
        var table = CSVTable(header: ["subject", "origin", "time_utc", "value", "unit", "kind"])
        for curve in curves {
            for point in curve.points {
                table.append([curve.subject, curve.origin, point.time.iso8601, NumberFormat.fixed(point.value, decimals: 4, trimZeros: true), curve.unit.rawValue, "point"])
            }
            if let residual = curve.residual {
                table.append([curve.subject, curve.origin, "", NumberFormat.fixed(residual, decimals: 4, trimZeros: true), curve.unit.rawValue, "residual"])
            }
        }
        return table.serialized()
    }

    /// The metrics as a Markdown summary.
    public static func markdown(_ metrics: [IncidentMetrics], zones: [WrittenZone?], warnings: [ParseWarning]) -> String {
        var out = ""
        for (index, item) in metrics.enumerated() {
            out += "# \(MarkdownText.escape(item.title))\n\n"
            out += summary(item, zone: index < zones.count ? zones[index] : nil)
        }
        return out + MarkdownText.warnings(warnings)
    }

    /// The summary list used by `metrics --format markdown` and the report.
    public static func summary(_ item: IncidentMetrics, zone: WrittenZone?) -> String {
        var out = ""
        if let window = item.window {
            out += "- **Impact window (UTC):** \(MarkdownText.utcShort(window.start)) to \(MarkdownText.utcShort(window.end))\n"
            if let zone {
                out += "- **Impact window (as written, \(zone.token)):** \(MarkdownText.local(window.start, zone)) to \(MarkdownText.local(window.end, zone))\n"
            }
            out += "- **Duration:** \(DurationText.minutes(window.durationMinutes)) (\(window.durationMinutes) minutes), \(window.method.explanation)\n"
            if let start = window.startEvidence { out += "- **Start from:** \"\(MarkdownText.escape(start.clipped(160)))\"\n" }
            if let end = window.endEvidence { out += "- **End from:** \"\(MarkdownText.escape(end.clipped(160)))\"\n" }
        } else {
            out += "- **Impact window:** not determined\n"
        }
        for window in item.regionWindows {
            out += "- **\(MarkdownText.escape(window.region ?? "")):** \(MarkdownText.utcShort(window.start)) to \(MarkdownText.utcShort(window.end)) UTC, \(DurationText.minutes(window.durationMinutes)) (\(window.method.rawValue))\n"
        }
        if let delay = item.firstUpdateDelayMinutes {
            out += "- **First public update:** \(DurationText.minutes(delay)) after impact began\n"
        }
        for milestone in item.timeToStatus {
            out += "- **Time to \(milestone.status):** \(DurationText.minutes(milestone.minutesFromStart))\n"
        }
        if let updates = cadencePhrase(item.cadence) { out += "- **Updates:** \(updates)\n" }
        for note in item.notes { out += "- **Note:** \(MarkdownText.escape(note))\n" }
        return out + "\n"
    }

    /// `24; median gap 21 min, longest gap 1d 2h 7m`; `nil` without updates.
    static func cadencePhrase(_ cadence: UpdateCadence) -> String? {
        guard cadence.count > 0 else { return nil }
        let median = cadence.medianGapMinutes.map { $0 >= 60 ? DurationText.minutes(Int($0.rounded())) : NumberFormat.fixed($0, decimals: 1, trimZeros: true) + " min" } ?? "n/a"
        let longest = cadence.longestGapMinutes.map { DurationText.minutes($0) } ?? "n/a"
        return "\(cadence.count); median gap \(median), longest gap \(longest)"
    }
}

extension String {
    func clipped(_ limit: Int) -> String {
        count <= limit ? self : String(prefix(limit - 1)) + "…"
    }
}
