import PostmortemMetrics
import PostmortemTimeline

extension ReportPipeline {
    /// The named policies, or the shipped one in force on the incident's first day.
    /// - Throws: `MetricsError` for an unknown or malformed policy.
    static func policies(for incident: Incident, request: ReportRequest) throws -> (policies: [SLAPolicy], notes: [String]) {
        var policies: [SLAPolicy] = []
        for name in request.policies { policies.append(try PolicyLibrary.policy(named: name)) }
        guard policies.isEmpty else { return (policies, []) }
        if let inForce = try PolicyLibrary.policyInForce(for: incident) { return ([inForce], []) }
        let date = incident.firstDate.map { "\($0)" } ?? "an unknown date"
        return ([], ["No shipped SLA policy covers \(incident.services.first ?? incident.title) on \(date); name one with --policy."])
    }

    /// Applies each policy to one incident: the assessments with their windows, the notes, and a
    /// sentence for every policy whose terms do not cover the incident.
    static func assess(_ incident: Incident, metrics: IncidentMetrics, request: ReportRequest) throws -> (
        credits: [(credit: CreditAssessment, window: ImpactWindow)], notes: [String], outOfScope: [String]
    ) {
        let (policies, policyNotes) = try policies(for: incident, request: request)
        var notes = policyNotes
        var credits: [(CreditAssessment, ImpactWindow)] = []
        var outOfScope: [String] = []
        for policy in policies {
            if let warning = policy.scope(of: incident).warning(incident: incident, policy: policy) {
                outOfScope.append(warning)
                continue
            }
            guard let window = metrics.window else {
                notes.append("No impact window was found, so \(policy.id) cannot be applied.")
                continue
            }
            credits.append((try CreditAssessment(incident: incident, window: window, policy: policy, options: request.credit), window))
        }
        return (credits, notes, outOfScope)
    }

    /// Whether the incident is one `--service` and `--region` select.
    static func isSelected(_ incident: Incident, request: ReportRequest) -> Bool {
        func matches(_ names: [String], _ wanted: [String]) -> Bool {
            wanted.isEmpty || names.contains { name in wanted.contains { name.lowercased().contains($0.lowercased()) } }
        }
        let names = incident.services + incident.components
        return matches(names.isEmpty ? [incident.title] : names, request.services) && matches(incident.regions, request.regions)
    }

    /// The credits for every incident, per incident and per policy and measurement period.
    /// - Throws: `MetricsError` for a bad policy or bill file; `PipelineError.strict` when an
    ///   incident is out of a policy's scope and `strict` was asked for.
    public static func creditLedger(_ incidents: [Incident], request: ReportRequest) throws -> CreditLedger {
        let bill = try request.bill.map { path throws(MetricsError) in try Bill.load(path: path) }
        var ledger = CreditLedger()
        var entries: [(policy: SLAPolicy, entries: [PeriodCredit.Entry])] = []
        let selected = incidents.filter { isSelected($0, request: request) }
        if selected.count < incidents.count {
            ledger.notes.append("\(incidents.count - selected.count) of \(incidents.count) incidents are outside --service/--region and not counted.")
        }
        for incident in selected {
            let assessed = try assess(incident, metrics: IncidentMetrics(incident: incident), request: request)
            ledger.notes += assessed.notes
            let location = incident.events.first?.source ?? SourceLocation(file: incident.sources.first ?? incident.title)
            ledger.warnings += assessed.outOfScope.map { ParseWarning(location: location, message: $0) }
            for (credit, window) in assessed.credits {
                ledger.incidents.append(credit)
                let entry = PeriodCredit.Entry(incident: incident, window: window)
                if let index = entries.firstIndex(where: { $0.policy == credit.policy }) {
                    entries[index].entries.append(entry)
                } else {
                    entries.append((credit.policy, [entry]))
                }
            }
        }
        if request.strict, let first = ledger.warnings.first {
            throw PipelineError.strict(file: first.location.file, count: ledger.warnings.count, first: first.description)
        }
        for (policy, group) in entries {
            ledger.periods += try PeriodCredit.assess(group, policy: policy, options: request.credit, bill: bill, regions: request.regions)
        }
        return ledger
    }
}
