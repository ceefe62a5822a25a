import PostmortemMetrics
import PostmortemTimeline

/// Every credit the `credits` command reports: per incident, and per policy and measurement
/// period over all the incidents in it, with what was left out and why.
public struct CreditLedger: Sendable, Equatable {
    /// One assessment per incident and policy, as before periods were added.
    public var incidents: [CreditAssessment]
    /// One entry per policy and measurement period, in policy order then time order.
    public var periods: [PeriodCredit]
    /// Incidents a policy does not cover, each naming the incident's service and the policy's.
    public var warnings: [ParseWarning]
    /// Why a credit could not be computed (no window, no policy in force).
    public var notes: [String]

    public init(incidents: [CreditAssessment] = [], periods: [PeriodCredit] = [], warnings: [ParseWarning] = [], notes: [String] = []) {
        self.incidents = incidents
        self.periods = periods
        self.warnings = warnings
        self.notes = notes
    }
}
