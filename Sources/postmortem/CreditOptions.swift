import ArgumentParser
import PostmortemMetrics
import PostmortemTimeline

/// Options that turn an impact window into an SLA credit.
struct CreditOptions: ParsableArguments {
    @Option(help: "An SLA policy: a shipped name (see --list-policies) or a YAML file. Repeatable.")
    var policy: [String] = []

    @Option(help: "How many Availability Zones were unavailable at once.")
    var affectedAzs: Int?

    @Option(help: "The bill for the measurement period, to turn the credit percentage into money.")
    var monthlyBill: Double?

    @Option(help: "The error rate during the window, in percent (default 100: every request failed).")
    var errorRate: Double = 100

    /// The assessments for one incident: the named policies, or the one in force on its date.
    func assessments(for incident: Incident, metrics: IncidentMetrics) throws -> (credits: [CreditAssessment], notes: [String]) {
        guard (0...100).contains(errorRate) else { throw UsageError(message: "--error-rate must be between 0 and 100") }
        let options = CreditAssessment.Options(affectedZones: affectedAzs, bill: monthlyBill, errorRate: errorRate / 100)
        var policies: [SLAPolicy] = []
        for name in policy { policies.append(try PolicyLibrary.policy(named: name)) }
        var notes: [String] = []
        if policies.isEmpty {
            if let inForce = try PolicyLibrary.policyInForce(for: incident) {
                policies = [inForce]
            } else {
                let date = incident.firstDate.map { "\($0)" } ?? "an unknown date"
                notes.append("No shipped SLA policy covers \(incident.services.first ?? incident.title) on \(date); name one with --policy.")
            }
        }
        var credits: [CreditAssessment] = []
        for policy in policies {
            guard metrics.window != nil else {
                notes.append("No impact window was found, so \(policy.id) cannot be applied.")
                continue
            }
            credits.append(try CreditAssessment(incident: incident, window: metrics.window, policy: policy, options: options))
        }
        return (credits, notes)
    }
}
