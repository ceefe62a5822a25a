import PostmortemTimeline

/// Finds impact windows from the strongest evidence an incident has: windows the sources state,
/// then component transitions, then the status updates themselves.
struct WindowFinder {
    var overall: ImpactWindow?
    var regions: [ImpactWindow] = []
    var notes: [String] = []

    static let impactStatuses: Set<String> = ["impact", "impact-start", "outage", "began", "started", "degraded"]
    static let operational = "operational"

    init(incident: Incident) {
        let narrative = incident.events.filter { $0.kind == .narrative }
        let updates = incident.events.filter { $0.kind == .update }
        // Component transitions are the tightest evidence a status page gives (they say when a
        // component left and re-entered 'operational'), then what the sources state, then the
        // updates' own posting times.
        overall = Self.componentTransitions(updates)
            ?? Self.stated(incident, narrative: narrative)
            ?? Self.statusUpdates(updates, notes: &notes)
        guard let overall else {
            notes.append("no dated event, so no impact window")
            return
        }
        regions = Self.regionWindows(incident: incident, overall: overall, narrative: narrative, updates: updates)
    }

    /// The window the sources state: explicit start/end fields, or a postmortem's narrative. A
    /// postmortem whose reader ranked its evidence (`Incident.impactStart`/`impactEnd`) gives its
    /// ends as chosen there; otherwise the first impact sentence and the last restoration count.
    static func stated(_ incident: Incident, narrative: [TimelineEvent]) -> ImpactWindow? {
        var proseStart: (time: Instant, text: String)?
        var proseEnd: (time: Instant, text: String)?
        if let boundary = incident.impactStart {
            proseStart = (boundary.time, boundary.text)
            proseEnd = incident.impactEnd.map { ($0.time, $0.text) }
        } else {
            let startEvent = narrative.first { $0.status.map(impactStatuses.contains) ?? false } ?? narrative.first
            // The whole incident ends when the last region (or the service as a whole) is restored.
            let endEvent = narrative.last { RestorationStatement(event: $0).isRestored }
            proseStart = startEvent.map { ($0.time, $0.text) }
            proseEnd = endEvent.map { ($0.time, $0.text) }
        }
        let start = [incident.statedImpactStart, proseStart?.time].compactMap { $0 }.min()
        let end = [incident.statedImpactEnd, proseEnd?.time].compactMap { $0 }.max()
        guard let start, let end, start < end else { return nil }
        let ranked = incident.impactStart != nil
        let startText = ranked ? (proseStart?.time == start ? proseStart?.text : nil) : narrative.first { $0.time == start }?.text
        let endText = ranked ? (proseEnd?.time == end ? proseEnd?.text : nil) : narrative.last { $0.time == end }?.text
        return ImpactWindow(
            start: start, end: end, method: .stated,
            startEvidence: startText ?? "the impact start the source states as a field (Statuspage started_at, Google begin)",
            endEvidence: endText ?? "the impact end the source states as a field (Statuspage resolved_at, Google end)")
    }

    /// From the first component leaving operational to the last one returning to it.
    static func componentTransitions(_ updates: [TimelineEvent]) -> ImpactWindow? {
        var start: TimelineEvent?
        var end: TimelineEvent?
        for event in updates {
            for change in event.componentChanges {
                if let new = change.newStatus, new != operational, start == nil { start = event }
                if change.newStatus == operational, start != nil { end = event }
            }
        }
        guard let start, let end, start.time < end.time else { return nil }
        return ImpactWindow(start: start.time, end: end.time, method: .componentTransitions, startEvidence: start.text, endEvidence: end.text)
    }

    /// From the first update to the first that says the service as a whole is restored.
    static func statusUpdates(_ updates: [TimelineEvent], notes: inout [String]) -> ImpactWindow? {
        guard let first = updates.first else { return nil }
        let restored = updates.first { event in
            let statement = RestorationStatement(event: event)
            return statement.isRestored && statement.region == nil && event.time > first.time
        }
        if let restored {
            return ImpactWindow(start: first.time, end: restored.time, method: .statusUpdates, startEvidence: first.text, endEvidence: restored.text)
        }
        guard let last = updates.last, last.time > first.time else { return nil }
        notes.append("no update says the service is restored; the window ends at the last update")
        return ImpactWindow(start: first.time, end: last.time, method: .statusUpdates, startEvidence: first.text, endEvidence: last.text)
    }

    /// A window per region named in a restoration statement, ending at that region's restoration
    /// (a postmortem's statement beats an update posted later); regions never singled out end with the whole.
    static func regionWindows(incident: Incident, overall: ImpactWindow, narrative: [TimelineEvent], updates: [TimelineEvent]) -> [ImpactWindow] {
        var order: [String] = []
        var ends: [String: TimelineEvent] = [:]
        for source in [narrative, updates] {
            for event in source {
                let statement = RestorationStatement(event: event)
                guard statement.isRestored, let region = statement.region, event.time > overall.start else { continue }
                if !order.contains(region) { order.append(region) }
                if ends[region] == nil { ends[region] = event }
            }
        }
        guard !order.isEmpty else { return [] }
        for region in incident.regions where !order.contains(region) { order.append(region) }
        return order.map { region in
            if let event = ends[region] {
                return ImpactWindow(
                    start: overall.start, end: event.time, region: region, method: event.kind == .narrative ? .stated : .statusUpdates,
                    startEvidence: overall.startEvidence, endEvidence: event.text)
            }
            return ImpactWindow(
                start: overall.start, end: overall.end, region: region, method: overall.method,
                startEvidence: overall.startEvidence, endEvidence: overall.endEvidence)
        }
    }
}
