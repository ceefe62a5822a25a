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

    @Option(help: "A bill CSV (period YYYY-MM, service, region, amount, optional currency) to price each period's credit.")
    var bill: String?

    @Option(help: "Credit only incidents naming this service or component. Repeatable.")
    var service: [String] = []

    @Option(help: "Credit only incidents in this region. Repeatable.")
    var region: [String] = []

    /// The credit inputs these options describe.
    func options() throws -> CreditAssessment.Options {
        guard (0...100).contains(errorRate) else { throw UsageError(message: "--error-rate must be between 0 and 100") }
        if let affectedAzs, affectedAzs < 1 { throw UsageError(message: "--affected-azs must be at least 1") }
        if let monthlyBill, monthlyBill < 0 { throw UsageError(message: "--monthly-bill must not be negative") }
        return CreditAssessment.Options(affectedZones: affectedAzs, bill: monthlyBill, errorRate: errorRate / 100)
    }
}
