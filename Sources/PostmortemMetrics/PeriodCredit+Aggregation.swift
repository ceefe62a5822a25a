import PostmortemTimeline

extension PeriodCredit {
    /// One incident's window, as handed to `assess`.
    public struct Entry: Sendable, Equatable {
        public var incident: Incident
        public var window: ImpactWindow

        public init(incident: Incident, window: ImpactWindow) {
            self.incident = incident
            self.window = window
        }
    }

    /// Groups the windows into the policy's measurement periods and assesses each period.
    ///
    /// A window that crosses a period's edge is split, each part counted in its own period.
    /// For a service year, the period is the 365 days ending with the latest window's last day;
    /// windows that end before it start another period.
    /// - Parameters:
    ///   - regions: the regions bill lines are matched on; empty, every line for the service.
    /// - Throws: `MetricsError.invalidBill` when the matching bill lines mix currencies.
    public static func assess(
        _ entries: [Entry], policy: SLAPolicy, options: CreditAssessment.Options = .init(), bill: Bill? = nil, regions: [String] = []
    ) throws(MetricsError) -> [PeriodCredit] {
        var periods: [(start: Instant, end: Instant, windows: [(CountedWindow, Incident)])] = []
        func add(_ entry: Entry, start: Instant, end: Instant) {
            let clippedStart = max(entry.window.start, start)
            let clippedEnd = min(entry.window.end, end)
            guard clippedStart < clippedEnd else { return }
            let counted = CountedWindow(
                incident: entry.incident.title, sources: entry.incident.sources, window: entry.window, start: clippedStart, end: clippedEnd,
                events: entry.incident.events.filter { (clippedStart...clippedEnd).contains($0.time) })
            if let index = periods.firstIndex(where: { $0.start == start }) {
                periods[index].windows.append((counted, entry.incident))
            } else {
                periods.append((start, end, [(counted, entry.incident)]))
            }
        }
        switch policy.period {
        case .calendarMonth, .calendarQuarter:
            for entry in entries {
                var bounds = policy.period.bounds(containing: entry.window.start)
                while bounds.start < entry.window.end {
                    add(entry, start: bounds.start, end: bounds.end)
                    bounds = policy.period.bounds(containing: bounds.end)
                }
            }
        case .serviceYear:
            var remaining = entries.enumerated().sorted { ($1.element.window.end, $0.offset) < ($0.element.window.end, $1.offset) }.map(\.element)
            while let latest = remaining.first {
                let bounds = policy.period.bounds(containing: latest.window.end)
                for entry in remaining where entry.window.end > bounds.start { add(entry, start: bounds.start, end: bounds.end) }
                remaining = remaining.filter { $0.window.end <= bounds.start }
            }
        }
        var credits: [PeriodCredit] = []
        for period in periods.sorted(by: { $0.start < $1.start }) {
            let windows = period.windows.sorted { ($0.0.start, $0.0.end) < ($1.0.start, $1.0.end) }
            credits.append(
                try PeriodCredit(
                    policy: policy, start: period.start, end: period.end, windows: windows, options: options, bill: bill, regions: regions))
        }
        return credits
    }

    /// Assesses one period over its windows (already clipped to it).
    init(
        policy: SLAPolicy, start: Instant, end: Instant, windows entries: [(CountedWindow, Incident)], options: CreditAssessment.Options,
        bill: Bill?, regions: [String]
    ) throws(MetricsError) {
        self.policy = policy
        periodStart = start
        periodEnd = end
        let unitSeconds = policy.unit.seconds
        totalUnits = start.seconds(until: end) / unitSeconds
        let unitName = policy.unit.name
        var steps = ["Measurement period: the \(policy.period.name) \(start.iso8601) to \(end.iso8601), \(totalUnits) \(unitName)."]

        var windows: [CountedWindow] = []
        let needed = policy.uptime.minimumUnavailableZones ?? 2
        for (window, incident) in entries {
            var counted = window
            let whole = window.window
            var sentence = "'\(window.incident)': impact \(whole.start.iso8601) to \(whole.end.iso8601) (\(DurationText.minutes(whole.durationMinutes))), \(whole.method.explanation)"
            if window.isClipped {
                let edges = [
                    window.start != whole.start ? "at the period's start \(start.iso8601)" : nil,
                    window.end != whole.end ? "at the period's end \(end.iso8601)" : nil,
                ].compactMap { $0 }
                sentence += "; clipped \(edges.joined(separator: " and ")), so \(DurationText.minutes(window.start.minutes(until: window.end))) of it falls in this period"
            }
            if policy.uptime.kind == .regionUnavailable {
                let zones = options.affectedZones ?? CreditAssessment.statedZoneCount(incident)
                if let zones, zones < needed {
                    counted.excludedBecause = "\(zones) Availability Zone(s) affected; the policy counts only \(needed) or more at once"
                    sentence += "; not counted: \(counted.excludedBecause ?? "")"
                }
            }
            steps.append(sentence + ".")
            windows.append(counted)
        }
        self.windows = windows

        let union = Self.union(windows.filter { $0.excludedBecause == nil }.map { ($0.start, $0.end) })
        downtimeSeconds = union.reduce(0) { $0 + $1.0.seconds(until: $1.1) }
        let summed = windows.filter { $0.excludedBecause == nil }.reduce(Int64(0)) { $0 + $1.seconds }
        if summed > downtimeSeconds {
            steps.append(
                "The windows overlap by \(DurationText.minutes(Int((summed - downtimeSeconds) / 60))), counted once: \(DurationText.minutes(Int(downtimeSeconds / 60))) of downtime in all."
            )
        } else if windows.count > 1 {
            steps.append("The windows do not overlap: \(DurationText.minutes(Int(downtimeSeconds / 60))) of downtime in all.")
        }

        switch policy.uptime.kind {
        case .errorRate:
            let counted = policy.errorRateDowntime(seconds: downtimeSeconds, rate: options.errorRate, subject: "the downtime")
            downtimeUnits = counted.units
            steps.append(counted.sentence)
        case .regionUnavailable:
            var slices: Int64 = 0
            var countedUpTo = Int64.min
            for (from, to) in union {
                let first = max(from.secondsSinceEpoch / unitSeconds, countedUpTo)
                let last = (to.secondsSinceEpoch + unitSeconds - 1) / unitSeconds
                slices += max(0, last - first)
                countedUpTo = max(countedUpTo, last)
            }
            downtimeUnits = Double(slices)
            steps.append("Region-unavailable method: every one of the \(unitName) the counted windows touch is unavailable: \(slices) of \(totalUnits).")
        }
        let uptime = 100 * (1 - downtimeUnits / Double(totalUnits))
        uptimePercent = uptime
        tier = policy.tier(forUptime: uptime)
        creditPercent = tier?.credit ?? 0
        steps.append(policy.tierSentence(uptime: uptime, tier: tier))

        let lastDowntime = windows.map(\.end).max() ?? end
        var billRegions = regions
        if billRegions.isEmpty {
            for (_, incident) in entries { billRegions += incident.regions.filter { !billRegions.contains($0) } }
        }
        let months = policy.period == .serviceYear ? [lastDowntime.adding(seconds: -1).civil().date.addingMonths(0)] : MeasurementPeriod.months(from: start, to: end)
        if let bill, let charge = try bill.charge(months: months, policy: policy, regions: billRegions) {
            billed = charge.total
            billSources = charge.lines.map { SourceLocation(file: bill.file, line: $0.line) }
            steps.append(
                "Billed for \(policy.service) in \(months.map { "\($0.year)-" + ($0.month < 10 ? "0" : "") + "\($0.month)" }.joined(separator: ", ")): \(charge.total) (\(billSources.map(\.description).joined(separator: ", ")))."
            )
        } else if let amount = options.bill {
            let given = Money(cents: Int64((amount * 100).rounded()))
            billed = given
            billSources = []
            steps.append("Billed for the period: \(given) (as given).")
        } else {
            billed = nil
            billSources = []
            if bill != nil { steps.append("The bill has no line for \(policy.service) in this period, so no amount is computed.") }
        }
        let percent = creditPercent
        let amount = billed.map { $0.percent(percent) }
        creditAmount = amount
        if let amount, let billed {
            steps.append("The credit is \(NumberFormat.fixed(percent, decimals: 2, trimZeros: true))% of \(billed): \(amount).")
        }
        if let claim = policy.claim {
            let deadline = claim.deadline(lastDowntime: lastDowntime, periodEnd: end)
            claimDeadline = deadline
            steps.append("Claim deadline: \(claim.clause), so by \(deadline).")
        } else {
            claimDeadline = nil
            steps.append("The policy file states no claim rule, so no claim deadline is computed.")
        }
        reasoning = steps
    }

    /// The union of half-open intervals, sorted and merged.
    /// - Complexity: O(n log n).
    static func union(_ intervals: [(Instant, Instant)]) -> [(Instant, Instant)] {
        var merged: [(Instant, Instant)] = []
        for interval in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, interval.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, interval.1)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
