import Foundation
import Testing

@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("SLA policies as data")
struct SLAPolicyTests {
    @Test("The shipped policies load, with their tiers")
    func shipped() throws {
        let policies = try PolicyLibrary.shipped()
        #expect(
            policies.map(\.id) == [
                "azure-vm-zones", "ec2-2008", "ec2-current", "gce-multizone", "gcs-multiregion", "github-enterprise-cloud", "s3-2008", "s3-current",
            ])
        let github = try #require(policies.first { $0.id == "github-enterprise-cloud" })
        #expect(github.period == .calendarQuarter)
        #expect(github.claim == ClaimRule(kind: .daysAfterPeriodEnd, count: 30, clause: github.claim?.clause ?? ""))
        #expect(policies.first { $0.id == "s3-2008" }?.claim?.kind == .billingCyclesAfterIncident)
        let s3 = try #require(policies.first { $0.id == "s3-current" })
        #expect(s3.tiers == [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99.0, credit: 25), CreditTier(below: 95.0, credit: 100)])
        let ec2 = try #require(policies.first { $0.id == "ec2-current" })
        #expect(ec2.tiers.map(\.credit) == [10, 30, 100])
        #expect(ec2.commitment == 99.99)
        let ec2Old = try #require(policies.first { $0.id == "ec2-2008" })
        #expect(ec2Old.period == .serviceYear)
        #expect(ec2Old.uptime == UptimeMethod(kind: .regionUnavailable, minimumUnavailableZones: 2))
    }

    @Test("A wrong type names the file and the field")
    func wrongType() {
        let yaml = """
            id: broken
            name: Broken
            provider: X
            service: Y
            serviceAliases: []
            effectiveFrom: 2020-01-01
            reference: here
            period: calendar-month
            unit: minutes
            uptime: {kind: error-rate}
            commitment: 99.9
            tiers:
              - {below: 99.9, credit: ten}
            exclusions: []
            """
        #expect(throws: MetricsError.invalidPolicy(file: "mine.yaml", line: 13, field: "tiers[0].credit", message: "has the wrong type (expected Double)")) {
            try SLAPolicy.decode(yaml: yaml, file: "mine.yaml")
        }
    }

    @Test("A missing field and an out-of-range tier are named")
    func missingAndRange() {
        #expect(throws: MetricsError.invalidPolicy(file: "p.yaml", line: 1, field: "id", message: "is missing")) {
            try SLAPolicy.decode(yaml: "name: x", file: "p.yaml")
        }
        let yaml = """
            {id: x, name: x, provider: x, service: x, serviceAliases: [], effectiveFrom: 2020-01-01, reference: r,
             period: calendar-month, unit: minutes, uptime: {kind: error-rate}, commitment: 99.9,
             tiers: [{below: 120, credit: 10}], exclusions: []}
            """
        #expect(throws: MetricsError.invalidPolicy(file: "p.yaml", line: 3, field: "tiers[0].below", message: "must be between 0 and 100, not 120.0")) {
            try SLAPolicy.decode(yaml: yaml, file: "p.yaml")
        }
    }

    @Test("An unknown policy name lists the shipped ones")
    func unknownName() throws {
        let error = #expect(throws: MetricsError.self) { try PolicyLibrary.policy(named: "s3-1999") }
        #expect(error?.description.contains("s3-2008") == true)
    }

    @Test("A missing or empty policy bundle is an error naming the folder, never an empty list (\"unknown policy\")")
    func missingBundle() throws {
        let missing = "/nonexistent-\(UInt64.random(in: 0...UInt64.max))/postmortem_PostmortemMetrics.resources"
        #expect(throws: MetricsError.resourcesUnavailable(path: missing + "/Policies", reason: "no such folder")) {
            try ShippedResources.folder("Policies", inBundleAt: missing)
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("pm-policies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: MetricsError.resourcesUnavailable(path: empty.path, reason: "it holds no policy files")) {
            try PolicyLibrary.shipped(from: empty)
        }
        #expect(throws: MetricsError.resourcesUnavailable(path: empty.path + "/gone", reason: "the folder cannot be listed")) {
            try PolicyLibrary.shipped(from: empty.appendingPathComponent("gone"))
        }
    }

    @Test("A window past the month's end is clipped, and the reasoning says how much was left out")
    func clippedAtPeriodEnd() throws {
        let start = try #require(Instant(iso8601: "2008-07-31T23:00:00Z"))
        let end = try #require(Instant(iso8601: "2008-08-01T01:30:00Z"))
        let incident = Incident(title: "S3", events: [
            TimelineEvent(time: start, text: "Elevated error rates.", source: SourceLocation(file: "x"), kind: .narrative)
        ])
        let window = ImpactWindow(start: start, end: end, method: .stated)
        let credit = try CreditAssessment(incident: incident, window: window, policy: try PolicyLibrary.policy(named: "s3-2008"))
        // July 2008 has 8,928 five-minute periods; 23:00 to midnight is 12 of them at a 100% error rate.
        #expect(credit.totalUnits == 8928)
        #expect(credit.downtimeUnits == 12)
        #expect(NumberFormat.fixed(credit.uptimePercent, decimals: 3) == "99.866")
        #expect(credit.reasoning.contains(
            "The window runs past the end of the period at 2008-08-01T00:00:00Z: its last \(DurationText.minutes(90)) belong to the next period and are not counted here."))
        #expect(DurationText.minutes(90) == "1h 30m")
    }

    @Test("Only a stated single zone counts as one: not 'more than one Availability Zone', not 'at least one'", arguments: [
        ("Instances in a single Availability Zone were impaired.", 1),
        ("Volumes in one Availability Zone became stuck.", 1),
        ("The event affected more than one Availability Zone in the region.", nil),
        ("Errors reached at least one availability zone.", nil),
        ("Customers running in one availability zones group were told.", nil),
        ("The Single AZure console was slow.", nil),
    ] as [(String, Int?)])
    func statedZones(text: String, zones: Int?) throws {
        let start = try #require(Instant(iso8601: "2011-04-21T07:47:00Z"))
        let incident = Incident(title: "EC2", events: [
            TimelineEvent(time: start, text: text, source: SourceLocation(file: "x"), kind: .narrative)
        ])
        #expect(CreditAssessment.statedZoneCount(incident) == zones)
    }

    @Test("Single-AZ outages owe nothing under region-level terms")
    func singleZone() throws {
        let start = try #require(Instant(iso8601: "2011-04-21T07:47:00Z"))
        let end = try #require(Instant(iso8601: "2011-04-24T22:00:00Z"))
        let incident = Incident(title: "EBS", events: [
            TimelineEvent(time: start, text: "in a single Availability Zone", source: SourceLocation(file: "x"), kind: .narrative)
        ])
        let window = ImpactWindow(start: start, end: end, method: .stated)
        let credit = try CreditAssessment(incident: incident, window: window, policy: try PolicyLibrary.policy(named: "ec2-2008"))
        #expect(credit.creditPercent == 0)
        #expect(credit.uptimePercent == 100)
        #expect(credit.reasoning.contains { $0.contains("1 Availability Zone(s) affected") })
        // The same window across two zones: 07:47 to 22:00 three days later touches the 1,035
        // five-minute periods from 07:45, of 105,120 in the service year.
        let twoZones = try CreditAssessment(
            incident: incident, window: window, policy: try PolicyLibrary.policy(named: "ec2-2008"), options: .init(affectedZones: 2))
        #expect(twoZones.downtimeUnits == 1035)
        #expect(NumberFormat.fixed(twoZones.uptimePercent, decimals: 3) == "99.015")
        #expect(twoZones.creditPercent == 10)
    }

    static func policyYAML(tiers: String, id: String = "x", from: String = "2020-01-01", until: String? = nil) -> String {
        """
        {id: \(id), name: x, provider: x, service: Example Service, serviceAliases: [], effectiveFrom: \(from),\(until.map { " effectiveUntil: \($0)," } ?? "")
         reference: r, period: calendar-month, unit: minutes, uptime: {kind: error-rate}, commitment: 99.9,
         tiers: \(tiers), exclusions: []}
        """
    }

    @Test("Tiers out of order name the file and the tier", arguments: [
        ("[{below: 99.0, credit: 25}, {below: 99.9, credit: 10}]", "tiers[1].below",
         "must be below the threshold of the tier before it (99.0): list tiers from the highest threshold down"),
        ("[{below: 99.9, credit: 25}, {below: 99.0, credit: 10}]", "tiers[1].credit",
         "must be larger than the credit of the tier before it (25.0): a lower uptime earns a larger credit"),
    ])
    func unorderedTiers(tiers: String, field: String, message: String) {
        #expect(throws: MetricsError.invalidPolicy(file: "p.yaml", line: 3, field: field, message: message)) {
            try SLAPolicy.decode(yaml: Self.policyYAML(tiers: tiers), file: "p.yaml")
        }
    }

    @Test("Two policies in force on the same day for one service are an error naming the later file")
    func overlappingDates() throws {
        let tiers = "[{below: 99.9, credit: 10}]"
        let old = try SLAPolicy.decode(yaml: Self.policyYAML(tiers: tiers, id: "old", until: "2021-01-01"), file: "old.yaml")
        let new = try SLAPolicy.decode(yaml: Self.policyYAML(tiers: tiers, id: "new", from: "2020-06-01"), file: "new.yaml")
        let next = try SLAPolicy.decode(yaml: Self.policyYAML(tiers: tiers, id: "next", from: "2021-01-01"), file: "next.yaml")
        #expect(
            throws: MetricsError.invalidPolicy(
                file: "new.yaml", field: "effectiveFrom",
                message: "new (2020-06-01 to now) overlaps old in old.yaml (2020-01-01 to 2021-01-01) for Example Service")
        ) {
            try PolicyLibrary.checkEffectiveDates([(old, "old.yaml"), (new, "new.yaml")])
        }
        // The end date is exclusive: terms that start the day the old ones stop do not overlap.
        try PolicyLibrary.checkEffectiveDates([(old, "old.yaml"), (next, "next.yaml")])
    }

    @Test("Claim deadlines: the end of the second billing cycle after the incident, or days after the period")
    func claimDeadlines() throws {
        let aws = ClaimRule(kind: .billingCyclesAfterIncident, count: 2, clause: "c")
        let july20 = try #require(Instant(iso8601: "2008-07-20T16:05:00Z"))
        let august1 = try #require(Instant(iso8601: "2008-08-01T00:00:00Z"))
        let november = try #require(Instant(iso8601: "2008-11-15T00:00:00Z"))
        // July -> August (first cycle after) -> September (second): September 30.
        #expect(aws.deadline(lastDowntime: july20, periodEnd: august1) == CivilDate(year: 2008, month: 9, day: 30))
        // Downtime ending at midnight on August 1 is July's.
        #expect(aws.deadline(lastDowntime: august1, periodEnd: august1) == CivilDate(year: 2008, month: 9, day: 30))
        // November -> December -> January of the next year.
        #expect(aws.deadline(lastDowntime: november, periodEnd: august1) == CivilDate(year: 2009, month: 1, day: 31))
        // 30 days after a quarter that ends on December 31 is January 30.
        let quarterEnd = try #require(Instant(iso8601: "2021-01-01T00:00:00Z"))
        #expect(ClaimRule(kind: .daysAfterPeriodEnd, count: 30, clause: "c").deadline(lastDowntime: july20, periodEnd: quarterEnd) == CivilDate(year: 2021, month: 1, day: 30))
    }

    @Test("Scope: services, components mapped through the policy, and regions")
    func scope() throws {
        let gcs = try PolicyLibrary.policy(named: "gcs-multiregion")
        #expect(gcs.scope(of: Incident(title: "t", services: ["Google Cloud Storage"])) == .covered)
        #expect(gcs.scope(of: Incident(title: "t", services: ["Google App Engine"])) == .otherService("Google App Engine"))
        let github = try PolicyLibrary.policy(named: "github-enterprise-cloud")
        // A status-page incident names only components; "Git Operations" is one of GitHub's.
        #expect(github.scope(of: Incident(title: "Degraded performance", components: ["Git Operations"])) == .covered)
        #expect(github.scope(of: Incident(title: "Degraded performance", components: ["Billing"])) == .otherService("Billing"))
        // Components changed by an update count too; an incident that names nothing is said to.
        let time = try #require(Instant(iso8601: "2023-05-10T12:00:00Z"))
        let changed = TimelineEvent(
            time: time, text: "Investigating", source: SourceLocation(file: "i.json"),
            componentChanges: [ComponentChange(name: "Git Operations", newStatus: "partial_outage")])
        #expect(github.scope(of: Incident(title: "Incident on 2023-05-10", events: [changed])) == .covered)
        #expect(github.scope(of: Incident(title: "Incident on 2023-05-10")) == .unnamed)
        var regional = gcs
        regional.regions = ["us"]
        #expect(regional.scope(of: Incident(title: "t", services: ["Cloud Storage"], regions: ["europe-west9"])) == .otherRegions(["europe-west9"]))
        #expect(regional.scope(of: Incident(title: "t", services: ["Cloud Storage"], regions: ["Multi-region: us"])) == .covered)
    }
}
