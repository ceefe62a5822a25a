import PostmortemTimeline

/// A provider's service-level agreement as data: what is measured, over which period, and the
/// credit tiers. Read from YAML so users can add and correct policies without touching code.
public struct SLAPolicy: Sendable, Equatable, Codable {
    /// Short name used on the command line: `s3-2008`.
    public var id: String
    public var name: String
    public var provider: String
    /// The service as the provider names it.
    public var service: String
    /// Other names the service goes by in incident titles (`Amazon Simple Storage Service`, `S3`).
    public var serviceAliases: [String]
    /// First day the terms applied (`YYYY-MM-DD`).
    public var effectiveFrom: String
    /// First day they no longer applied, if superseded.
    public var effectiveUntil: String?
    /// Where the terms were published.
    public var reference: String
    public var period: MeasurementPeriod
    public var unit: MeasurementUnit
    public var uptime: UptimeMethod
    /// The committed uptime, in percent.
    public var commitment: Double
    /// Credit tiers; the highest credit whose threshold the uptime falls below applies.
    public var tiers: [CreditTier]
    public var exclusions: [String]
    /// Anything a reader should know about how faithfully the terms are captured.
    public var notes: String?
    /// Status-page components that stand for the service (`Storage API`), so an incident that
    /// names only components can still be matched to the terms.
    public var components: [String]?
    /// The regions the terms cover; absent, every region. An incident that names regions, none
    /// of them listed here, is outside the terms.
    public var regions: [String]?
    /// When a claim must reach the provider.
    public var claim: ClaimRule?

    /// The date range the policy was in force, as civil dates.
    public var effectiveRange: (from: CivilDate?, until: CivilDate?) {
        (CivilDate(iso: effectiveFrom), effectiveUntil.flatMap { CivilDate(iso: $0) })
    }

    /// Whether the policy was in force on `date` and covers a service with one of `names`.
    public func applies(to names: [String], on date: CivilDate) -> Bool {
        let range = effectiveRange
        if let from = range.from, date < from { return false }
        if let until = range.until, date >= until { return false }
        return covers(names)
    }

    /// Whether one of `names` is the service, one of its aliases, or contains one of them
    /// (`Amazon S3 (US)`), ignoring case.
    public func covers(_ names: [String]) -> Bool {
        let known = ([service] + serviceAliases).map { $0.lowercased() }
        return names.contains { name in
            let lower = name.lowercased()
            return known.contains { lower == $0 || lower.contains($0) }
        }
    }
}

/// The span over which uptime is measured.
public enum MeasurementPeriod: String, Sendable, Equatable, Codable, DataFileKeyword {
    case calendarMonth = "calendar-month"
    /// The 365 days before the claim (EC2's 2008 "Service Year").
    case serviceYear = "service-year-365"
    /// A calendar quarter: January to March, April to June, and so on (GitHub Enterprise Cloud).
    case calendarQuarter = "calendar-quarter"

    /// The period's name in a sentence.
    public var name: String {
        switch self {
        case .calendarMonth: return "calendar month"
        case .serviceYear: return "service year (365 days)"
        case .calendarQuarter: return "calendar quarter"
        }
    }
}

/// The slices uptime is counted in.
public enum MeasurementUnit: String, Sendable, Equatable, Codable, DataFileKeyword {
    case fiveMinutePeriods = "5-minute-periods"
    case minutes = "minutes"

    var seconds: Int64 { self == .fiveMinutePeriods ? 300 : 60 }

    /// The unit's name in a sentence, plural.
    public var name: String { self == .fiveMinutePeriods ? "5-minute periods" : "minutes" }
}

/// How the contract turns an outage into an uptime percentage.
public struct UptimeMethod: Sendable, Equatable, Codable {
    public var kind: Kind
    /// For `region-unavailable`: how many Availability Zones must be unavailable at once.
    public var minimumUnavailableZones: Int?

    public enum Kind: String, Sendable, Equatable, Codable, DataFileKeyword {
        /// 100% minus the mean error rate over the period's slices (S3).
        case errorRate = "error-rate"
        /// The share of slices in which the region was unavailable (EC2).
        case regionUnavailable = "region-unavailable"
    }

    public init(kind: Kind, minimumUnavailableZones: Int? = nil) {
        self.kind = kind
        self.minimumUnavailableZones = minimumUnavailableZones
    }
}

/// One row of a credit table: below `below` percent uptime, `credit` percent of the bill.
public struct CreditTier: Sendable, Equatable, Codable {
    public var below: Double
    public var credit: Double

    public init(below: Double, credit: Double) {
        self.below = below
        self.credit = credit
    }
}
