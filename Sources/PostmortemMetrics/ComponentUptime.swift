import PostmortemTimeline

/// One component's uptime for one calendar month under an accounting profile, with the
/// minutes in each status, and the published figure beside it when one was given.
public struct ComponentUptime: Sendable, Equatable {
    public var component: String
    /// The first day of the month.
    public var month: CivilDate
    public var profile: AccountingProfile
    /// Minutes measured: the month, or its service hours, less excluded maintenance.
    public var measuredMinutes: Double
    /// Minutes in each status that was seen, in the profile's status order.
    public var statusMinutes: [StatusMinutes]
    /// Minutes counted as down: each status's minutes times its weight.
    public var downtimeMinutes: Double
    public var uptimePercent: Double
    /// The provider's figure, when given.
    public var published: PublishedUptime?
    /// Each step, as a sentence, ending with why the published figure differs.
    public var explanation: [String]

    /// The minutes one status took up, and the share of them counted as down.
    public struct StatusMinutes: Sendable, Equatable {
        public var status: String
        public var minutes: Double
        public var weight: Double
    }

    /// `2024-03`.
    public var label: String { "\(month.year)-" + (month.month < 10 ? "0" : "") + "\(month.month)" }

    /// Computed minus published, in percentage points, when a figure was given.
    public var difference: Double? { published.map { uptimePercent - $0.percent } }
}
