import PostmortemTestSupport
import Testing

@testable import PostmortemIngest
@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("SLA credits per measurement period")
struct PeriodCreditTests {
    static func entries(_ path: String) throws -> [PeriodCredit.Entry] {
        let result = try Ingest.read(path: FixturePath.resolve(path))
        return try result.incidents.map { incident in
            PeriodCredit.Entry(incident: incident, window: try #require(IncidentMetrics(incident: incident).window))
        }
    }

    static func window(_ title: String, _ start: String, _ end: String) throws -> PeriodCredit.Entry {
        let from = try #require(Instant(iso8601: start))
        let to = try #require(Instant(iso8601: end))
        return PeriodCredit.Entry(incident: Incident(title: title, sources: ["\(title).txt"]), window: ImpactWindow(start: from, end: to, method: .stated))
    }

    @Test("Three 205-minute S3 outages in July make 25%; the lone August one 10%, priced from the bill")
    func julyAndAugust() throws {
        let bill = try Bill.load(path: FixturePath.resolve("Fixtures/credits/s3-2008-bill.csv"))
        let periods = try PeriodCredit.assess(
            try Self.entries("Fixtures/credits/s3-2008-four-outages.json"), policy: try PolicyLibrary.policy(named: "s3-2008"), bill: bill)
        try #require(periods.count == 2)
        let july = periods[0]
        // July 2008 has 31 x 288 = 8,928 five-minute periods. Each outage is 205 minutes = 41
        // periods, three of them 123: 100 x (1 - 123 / 8928) = 98.6223%, below 99% -> 25%.
        // Each alone would be 100 x (1 - 41 / 8928) = 99.541%, which earns only 10%.
        #expect(july.periodStart.iso8601 == "2008-07-01T00:00:00Z")
        #expect(july.periodEnd.iso8601 == "2008-08-01T00:00:00Z")
        #expect(july.incidents.count == 3)
        #expect(july.downtimeMinutes == 615)
        #expect(july.downtimeUnits == 123)
        #expect(july.totalUnits == 8928)
        #expect(NumberFormat.fixed(july.uptimePercent, decimals: 3) == "98.622")
        #expect(july.creditPercent == 25)
        // 25% of 1,234.57 USD is 308.6425, to the cent 308.64.
        #expect(july.billed == Money(cents: 123_457, currency: "USD"))
        #expect(july.creditAmount == Money(cents: 30_864, currency: "USD"))
        // July's claim is due by the end of the second billing cycle after it: September 30.
        #expect(july.claimDeadline == CivilDate(year: 2008, month: 9, day: 30))

        let august = periods[1]
        // 41 of 8,928 periods: 99.541%, below 99.9% -> 10%. 10% of 987.65 is 98.765, which
        // rounds half up to 98.77 (in binary floating point 987.65 * 0.1 is 98.76499..., 98.76).
        #expect(august.incidents == ["S3 unavailable for the fourth time"])
        #expect(NumberFormat.fixed(august.uptimePercent, decimals: 3) == "99.541")
        #expect(august.creditPercent == 10)
        #expect(august.creditAmount?.amountText == "98.77")
        #expect(august.claimDeadline == CivilDate(year: 2008, month: 10, day: 31))
        #expect(august.billSources.map(\.description) == [FixturePath.resolve("Fixtures/credits/s3-2008-bill.csv") + ":3"])
    }

    @Test("Overlapping windows are counted once")
    func overlap() throws {
        // 10:00-11:00 and 10:30-12:00 overlap by 30 minutes: the union is 10:00-12:00, 120
        // minutes = 24 periods, 100 x (1 - 24 / 8928) = 99.731% -> 10% (not 150 minutes, 99.664%).
        let periods = try PeriodCredit.assess(
            [try Self.window("A", "2008-07-10T10:00:00Z", "2008-07-10T11:00:00Z"), try Self.window("B", "2008-07-10T10:30:00Z", "2008-07-10T12:00:00Z")],
            policy: try PolicyLibrary.policy(named: "s3-2008"))
        let period = try #require(periods.first)
        #expect(periods.count == 1)
        #expect(period.downtimeMinutes == 120)
        #expect(NumberFormat.fixed(period.uptimePercent, decimals: 3) == "99.731")
        #expect(period.reasoning.contains("The windows overlap by 30m, counted once: 2h 0m of downtime in all."))
    }

    @Test("A window across midnight on July 31 is clipped, each month counting its own part")
    func clipped() throws {
        // 23:00 July 31 to 01:00 August 1: 60 minutes (12 periods) in each month,
        // 100 x (1 - 12 / 8928) = 99.866% in both.
        let periods = try PeriodCredit.assess(
            [try Self.window("Midnight", "2008-07-31T23:00:00Z", "2008-08-01T01:00:00Z")], policy: try PolicyLibrary.policy(named: "s3-2008"))
        #expect(periods.map(\.downtimeMinutes) == [60, 60])
        #expect(periods.map { NumberFormat.fixed($0.uptimePercent, decimals: 3) } == ["99.866", "99.866"])
        #expect(periods[0].reasoning.contains { $0.contains("clipped at the period's end 2008-08-01T00:00:00Z, so 1h 0m of it falls in this period") })
        #expect(periods[1].reasoning.contains { $0.contains("clipped at the period's start 2008-08-01T00:00:00Z, so 1h 0m of it falls in this period") })
        // The July part ends at midnight, so its claim is still July's: by September 30.
        #expect(periods.map(\.claimDeadline) == [CivilDate(year: 2008, month: 9, day: 30), CivilDate(year: 2008, month: 10, day: 31)])
    }

    @Test("A calendar quarter (GitHub Enterprise Cloud): 180 minutes of 132,480 is 99.864%, claim within 30 days")
    func quarter() throws {
        // October to December 2020 is 92 days = 132,480 minutes; 100 x (1 - 180 / 132480) =
        // 99.864%, below 99.9% -> 10%. The quarter ends December 31; 30 days later is January 30.
        let periods = try PeriodCredit.assess(
            [try Self.window("Git operations failing", "2020-11-10T09:00:00Z", "2020-11-10T12:00:00Z")],
            policy: try PolicyLibrary.policy(named: "github-enterprise-cloud"))
        let period = try #require(periods.first)
        #expect(period.periodStart.iso8601 == "2020-10-01T00:00:00Z")
        #expect(period.periodEnd.iso8601 == "2021-01-01T00:00:00Z")
        #expect(period.totalUnits == 132_480)
        #expect(NumberFormat.fixed(period.uptimePercent, decimals: 3) == "99.864")
        #expect(period.creditPercent == 10)
        #expect(period.claimDeadline == CivilDate(year: 2021, month: 1, day: 30))
    }

    @Test("Region-unavailable terms: slices touched by overlapping two-zone windows are counted once")
    func regionSlices() throws {
        // ec2-current counts minutes. 10:00:30-10:10:00 touches the 10 minutes 10:00-10:10;
        // 10:05-10:20 touches 10:05-10:20; together 10:00-10:20, 20 of 44,640 minutes in
        // July 2023: 100 x (1 - 20 / 44640) = 99.955%, below 99.99% -> 10%.
        let periods = try PeriodCredit.assess(
            [try Self.window("One", "2023-07-03T10:00:30Z", "2023-07-03T10:10:00Z"), try Self.window("Two", "2023-07-03T10:05:00Z", "2023-07-03T10:20:00Z")],
            policy: try PolicyLibrary.policy(named: "ec2-current"), options: .init(affectedZones: 2))
        let period = try #require(periods.first)
        #expect(period.totalUnits == 44_640)
        #expect(period.downtimeUnits == 20)
        #expect(NumberFormat.fixed(period.uptimePercent, decimals: 3) == "99.955")
        #expect(period.creditPercent == 10)
    }

    @Test("A service year holds the windows of the 365 days before the latest one")
    func serviceYear() throws {
        // Two 2-zone windows 100 days apart under ec2-2008 fall in one service year: the 365 days
        // ending with June 30, 2011. 60 + 60 minutes are 24 five-minute periods of 105,120:
        // 100 x (1 - 24 / 105120) = 99.977%, above 99.95%: no credit. A window in 2009 is
        // more than 365 days earlier and gets a year of its own.
        let periods = try PeriodCredit.assess(
            [
                try Self.window("Old", "2009-03-01T10:00:00Z", "2009-03-01T11:00:00Z"),
                try Self.window("March", "2011-03-22T10:00:00Z", "2011-03-22T11:00:00Z"),
                try Self.window("June", "2011-06-30T10:00:00Z", "2011-06-30T11:00:00Z"),
            ], policy: try PolicyLibrary.policy(named: "ec2-2008"), options: .init(affectedZones: 2))
        #expect(periods.map(\.periodEnd.iso8601) == ["2009-03-02T00:00:00Z", "2011-07-01T00:00:00Z"])
        #expect(periods.map(\.incidents) == [["Old"], ["March", "June"]])
        #expect(periods[1].downtimeUnits == 24)
        #expect(NumberFormat.fixed(periods[1].uptimePercent, decimals: 3) == "99.977")
        #expect(periods[1].creditPercent == 0)
    }

    @Test("Seed figures are unchanged: S3 2008 98.936% / 25% per period, EBS 2011 0% under ec2-2008")
    func seeds() throws {
        // 475 minutes = 95 periods of 8,928: 100 x (1 - 95 / 8928) = 98.936% -> 25%.
        let s3 = try PeriodCredit.assess(
            try Self.entries("Fixtures/status-pages/aws-s3-2008-07-20.html"), policy: try PolicyLibrary.policy(named: "s3-2008"))
        #expect(s3.count == 1)
        #expect(NumberFormat.fixed(s3[0].uptimePercent, decimals: 3) == "98.936")
        #expect(s3[0].creditPercent == 25)
        #expect(s3[0].claimDeadline == CivilDate(year: 2008, month: 9, day: 30))
        // The EBS postmortem says a single Availability Zone was affected; ec2-2008 counts only
        // two or more at once, so nothing counts: 100%, no credit.
        let ebs = try PeriodCredit.assess(
            try Self.entries("Fixtures/postmortems/aws-ebs-2011-04-21.txt"), policy: try PolicyLibrary.policy(named: "ec2-2008"))
        #expect(ebs.count == 1)
        #expect(ebs[0].uptimePercent == 100)
        #expect(ebs[0].creditPercent == 0)
        #expect(ebs[0].windows.first?.excludedBecause?.contains("1 Availability Zone(s) affected") == true)
    }
}
