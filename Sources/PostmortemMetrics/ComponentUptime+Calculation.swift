import PostmortemTimeline

extension ComponentUptime {
    /// Per component and month, the uptime under `profile` over every incident's status spans;
    /// for a published figure, the same under each of `alternatives`, to say which convention
    /// the provider's number follows.
    public static func compute(
        _ incidents: [Incident], profile: AccountingProfile, published: [PublishedUptime] = [], alternatives: [AccountingProfile] = []
    ) -> [ComponentUptime] {
        let spans = incidents.flatMap(ComponentStatusSpan.spans(of:))
        var components: [String] = []
        for span in spans where !components.contains(span.component) { components.append(span.component) }
        var results: [ComponentUptime] = []
        for component in components.sorted() {
            let own = spans.filter { $0.component == component }
            var months: [CivilDate] = []
            for span in own {
                for month in MeasurementPeriod.months(from: span.start, to: span.end) where !months.contains(month) { months.append(month) }
            }
            for month in months.sorted() {
                let figure = Figure(spans: own, month: month, profile: profile)
                var explanation = figure.sentences
                let given = published.first { $0.component.lowercased() == component.lowercased() && ($0.month == nil || $0.month == month) }
                if let given {
                    explanation.append(contentsOf: Self.why(given, figure: figure, spans: own, month: month, profile: profile, alternatives: alternatives))
                }
                results.append(
                    ComponentUptime(
                        component: component, month: month, profile: profile, measuredMinutes: figure.measuredMinutes,
                        statusMinutes: figure.statusMinutes, downtimeMinutes: figure.downtimeMinutes, uptimePercent: figure.uptimePercent,
                        published: given, explanation: explanation))
            }
        }
        return results
    }

    /// The published figures no computed month took up (a component the inputs never name, a
    /// month they do not cover), so none is dropped without a word.
    public static func unmatched(_ published: [PublishedUptime], in uptimes: [ComponentUptime]) -> [PublishedUptime] {
        published.filter { figure in !uptimes.contains { $0.published == figure } }
    }

    /// Why the published figure differs: the gap in points and minutes, then the profiles
    /// whose convention reproduces it.
    static func why(
        _ given: PublishedUptime, figure: Figure, spans: [ComponentStatusSpan], month: CivilDate, profile: AccountingProfile,
        alternatives: [AccountingProfile]
    ) -> [String] {
        let gap = figure.uptimePercent - given.percent
        let publishedText = NumberFormat.fixed(given.percent, decimals: 3, trimZeros: true)
        guard abs(gap) > given.tolerance + 1e-9 else {
            return ["Published \(publishedText)%: the figure under \(profile.id) matches it."]
        }
        let minutes = abs(gap) / 100 * figure.measuredMinutes
        var sentences = [
            "Published \(publishedText)%: the figure under \(profile.id) is \(NumberFormat.fixed(abs(gap), decimals: 3)) points \(gap > 0 ? "higher" : "lower"): the published figure implies \(NumberFormat.fixed(minutes, decimals: 1, trimZeros: true)) minutes \(gap > 0 ? "more" : "less") downtime than \(profile.id) counts in the measured time."
        ]
        let matching = alternatives.filter { $0.id != profile.id }.filter {
            abs(Figure(spans: spans, month: month, profile: $0).uptimePercent - given.percent) <= given.tolerance + 1e-9
        }
        if matching.isEmpty {
            sentences.append(
                "No shipped profile reproduces it: the provider may count incidents these sources do not hold, another period, or other weights.")
        }
        for other in matching {
            let weights = AccountingProfile.knownStatuses.filter { other.weight(of: $0) != profile.weight(of: $0) }.map {
                "\($0) at \(NumberFormat.fixed(other.weight(of: $0) * 100, decimals: 1, trimZeros: true))% instead of \(NumberFormat.fixed(profile.weight(of: $0) * 100, decimals: 1, trimZeros: true))%"
            }
            var differences = weights
            if other.maintenance != profile.maintenance { differences.append("maintenance \(other.maintenance.rawValue)") }
            if other.serviceHours != profile.serviceHours { differences.append(other.serviceHours == nil ? "every hour measured" : "service hours only") }
            sentences.append(
                "Under \(other.id) the figure is \(NumberFormat.fixed(Figure(spans: spans, month: month, profile: other).uptimePercent, decimals: 3))%, which matches: the provider counts as \(other.id) does (\(differences.joined(separator: "; ")))."
            )
        }
        return sentences
    }

    /// The arithmetic for one component, month and profile.
    struct Figure {
        var measuredMinutes: Double
        var statusMinutes: [StatusMinutes]
        var downtimeMinutes: Double
        var uptimePercent: Double
        var sentences: [String]

        /// Statuses by severity, for the one that holds where spans overlap at equal weight.
        static let severity = ["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"]

        init(spans: [ComponentStatusSpan], month: CivilDate, profile: AccountingProfile) {
            let start = MeasurementPeriod.midnight(month).secondsSinceEpoch
            let end = MeasurementPeriod.midnight(month.addingMonths(1)).secondsSinceEpoch
            var measured = Self.measured(from: start, to: end, month: month, hours: profile.serviceHours)
            let segments = Self.segments(spans, from: start, to: end, profile: profile)
            var excludedSeconds: Int64 = 0
            if profile.maintenance == .excluded {
                for segment in segments where segment.status == AccountingProfile.maintenanceStatus {
                    excludedSeconds += Self.overlap(segment.range, measured)
                    measured = Self.subtract(segment.range, from: measured)
                }
            }
            var seconds: [String: Int64] = [:]
            for segment in segments where !(profile.maintenance == .excluded && segment.status == AccountingProfile.maintenanceStatus) {
                seconds[segment.status, default: 0] += Self.overlap(segment.range, measured)
            }
            measuredMinutes = Double(measured.reduce(Int64(0)) { $0 + $1.upperBound - $1.lowerBound }) / 60
            statusMinutes = AccountingProfile.knownStatuses.compactMap { status in
                seconds[status].map { StatusMinutes(status: status, minutes: Double($0) / 60, weight: profile.weight(of: status)) }
            }
            downtimeMinutes = statusMinutes.reduce(0) { $0 + $1.minutes * $1.weight }
            uptimePercent = measuredMinutes > 0 ? 100 * (1 - downtimeMinutes / measuredMinutes) : 100
            var text: [String] = []
            let hours = profile.serviceHours.map { "service hours \($0.start)-\($0.end) UTC on weekdays \($0.weekdays.map(String.init).joined(separator: ","))" }
            text.append(
                "Measured: \(NumberFormat.fixed(measuredMinutes, decimals: 1, trimZeros: true)) minutes (\(hours ?? "every minute of the month")"
                    + (excludedSeconds > 0 ? ", less \(NumberFormat.fixed(Double(excludedSeconds) / 60, decimals: 1, trimZeros: true)) minutes of maintenance" : "") + ").")
            if !statusMinutes.isEmpty {
                text.append(
                    statusMinutes.map {
                        "\($0.status): \(NumberFormat.fixed($0.minutes, decimals: 1, trimZeros: true)) minutes at \(NumberFormat.fixed($0.weight * 100, decimals: 1, trimZeros: true))% = \(NumberFormat.fixed($0.minutes * $0.weight, decimals: 1, trimZeros: true))"
                    }.joined(separator: "; ") + ".")
            }
            if spans.contains(where: \.fromImpactGrade) {
                text.append("Some statuses come from the incident's impact grade, as its updates published no component status changes.")
            }
            text.append(
                "Uptime under \(profile.id): 100 x (1 - \(NumberFormat.fixed(downtimeMinutes, decimals: 1, trimZeros: true)) / \(NumberFormat.fixed(measuredMinutes, decimals: 1, trimZeros: true))) = \(NumberFormat.fixed(uptimePercent, decimals: 3))%."
            )
            sentences = text
        }

        /// The measured seconds of the month: all of it, or its service hours.
        static func measured(from start: Int64, to end: Int64, month: CivilDate, hours: AccountingProfile.ServiceHours?) -> [Range<Int64>] {
            guard let hours, let range = hours.minuteRange else { return [start..<end] }
            var ranges: [Range<Int64>] = []
            var day = month
            while day.month == month.month {
                if hours.weekdays.contains(day.weekday) {
                    let midnight = MeasurementPeriod.midnight(day).secondsSinceEpoch
                    ranges.append((midnight + Int64(range.start) * 60)..<(midnight + Int64(range.end) * 60))
                }
                day = day.adding(days: 1)
            }
            return ranges
        }

        /// The spans cut into pieces that do not overlap, each with the status weighted highest
        /// among the spans covering it (the more severe one at equal weight), inside the month.
        static func segments(_ spans: [ComponentStatusSpan], from start: Int64, to end: Int64, profile: AccountingProfile) -> [(range: Range<Int64>, status: String)] {
            let clipped = spans.compactMap { span -> (Range<Int64>, String)? in
                let from = max(start, span.start.secondsSinceEpoch)
                let to = min(end, span.end.secondsSinceEpoch)
                return from < to ? (from..<to, span.status) : nil
            }
            let bounds = Array(Set(clipped.flatMap { [$0.0.lowerBound, $0.0.upperBound] })).sorted()
            var segments: [(range: Range<Int64>, status: String)] = []
            for (from, to) in zip(bounds, bounds.dropFirst()) {
                let covering = clipped.filter { $0.0.lowerBound <= from && to <= $0.0.upperBound }.map(\.1)
                let status = covering.max {
                    (profile.weight(of: $0), severity.firstIndex(of: $0) ?? 0) < (profile.weight(of: $1), severity.firstIndex(of: $1) ?? 0)
                }
                if let status { segments.append((from..<to, status)) }
            }
            return segments
        }

        static func overlap(_ range: Range<Int64>, _ ranges: [Range<Int64>]) -> Int64 {
            ranges.reduce(0) { $0 + max(0, min(range.upperBound, $1.upperBound) - max(range.lowerBound, $1.lowerBound)) }
        }

        static func subtract(_ range: Range<Int64>, from ranges: [Range<Int64>]) -> [Range<Int64>] {
            ranges.flatMap { piece -> [Range<Int64>] in
                guard piece.overlaps(range) else { return [piece] }
                var rest: [Range<Int64>] = []
                if piece.lowerBound < range.lowerBound { rest.append(piece.lowerBound..<range.lowerBound) }
                if range.upperBound < piece.upperBound { rest.append(range.upperBound..<piece.upperBound) }
                return rest
            }
        }
    }
}
