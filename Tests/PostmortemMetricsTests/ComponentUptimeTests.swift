import PostmortemTestSupport
import Testing

@testable import PostmortemIngest
@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("Component uptime under accounting profiles")
struct ComponentUptimeTests {
    static func incidents() throws -> [Incident] {
        try Ingest.read(path: FixturePath.resolve("Fixtures/credits/statuspage-2024-03-components.json")).incidents
    }

    // The fixture's API component in March 2024 (31 days, 44,640 minutes): partial outage
    // 10:00-10:40 and major outage 10:40-11:00 on the 5th, degraded 14:00-15:00 on the 12th,
    // maintenance 02:00-04:00 on the 20th. The Dashboard: partial outage 14:00-16:00 on the 12th.

    @Test("Statuspage: major 100%, partial 30%, degraded 0%")
    func statuspage() throws {
        let uptimes = ComponentUptime.compute(try Self.incidents(), profile: try AccountingProfile.named("statuspage"))
        #expect(uptimes.map(\.component) == ["API", "Dashboard"])
        let api = uptimes[0]
        #expect(api.label == "2024-03")
        #expect(api.measuredMinutes == 44_640)
        #expect(api.statusMinutes.map(\.status) == ["degraded_performance", "partial_outage", "major_outage", "under_maintenance"])
        #expect(api.statusMinutes.map(\.minutes) == [60, 40, 20, 120])
        // 20 x 100% + 40 x 30% + 60 x 0% = 32 minutes: 100 x (1 - 32 / 44640) = 99.928%.
        #expect(api.downtimeMinutes == 32)
        #expect(NumberFormat.fixed(api.uptimePercent, decimals: 3) == "99.928")
        // Dashboard: 120 x 30% = 36 minutes: 100 x (1 - 36 / 44640) = 99.919%.
        #expect(uptimes[1].downtimeMinutes == 36)
        #expect(NumberFormat.fixed(uptimes[1].uptimePercent, decimals: 3) == "99.919")
    }

    @Test("incident.io counts the partial outage as down, and a published 99.866% is explained by it")
    func publishedFigure() throws {
        let published = try #require(PublishedUptime(argument: "API@2024-03=99.866"))
        #expect(published.tolerance == 0.0005)
        let uptimes = ComponentUptime.compute(
            try Self.incidents(), profile: try AccountingProfile.named("statuspage"), published: [published],
            alternatives: try AccountingProfile.shipped())
        let api = try #require(uptimes.first)
        // Under incident.io: 20 + 40 = 60 minutes, 100 x (1 - 60 / 44640) = 99.866%. The
        // Statuspage figure, 99.928315%, is 0.062 points higher: 0.062315% of 44,640 minutes
        // is 27.8 minutes.
        #expect(NumberFormat.fixed(try #require(api.difference), decimals: 3) == "0.062")
        #expect(api.explanation.contains(
            "Published 99.866%: the figure under statuspage is 0.062 points higher: the published figure implies 27.8 minutes more downtime than statuspage counts in the measured time."))
        #expect(api.explanation.contains(
            "Under incident-io the figure is 99.866%, which matches: the provider counts as incident-io does (partial_outage at 100% instead of 30%)."))
        #expect(uptimes[1].published == nil)
    }

    @Test("Service hours and excluded maintenance: 60 of 10,080 business minutes is 99.405%")
    func businessHours() throws {
        let api = try #require(ComponentUptime.compute(try Self.incidents(), profile: try AccountingProfile.named("business-hours")).first)
        // March 2024 has 21 weekdays (Friday the 1st, then four full weeks): 21 x 8 h = 10,080
        // minutes. The outage on Tuesday the 5th is inside them (60 minutes down, partial
        // counted in full); the degraded hour counts 0; the maintenance at 02:00 is outside.
        #expect(api.measuredMinutes == 10_080)
        #expect(api.downtimeMinutes == 60)
        #expect(NumberFormat.fixed(api.uptimePercent, decimals: 3) == "99.405")
    }

    @Test("A profile with an unknown status or a weight out of range names the file and the key", arguments: [
        ("statuses: {major_outage: 100, down: 100}", "statuses.down",
         "is not a component status (known: operational, degraded_performance, partial_outage, major_outage, under_maintenance)"),
        ("statuses: {partial_outage: 130}", "statuses.partial_outage", "must be a percentage between 0 and 100, not 130.0"),
        ("statuses: {}\nserviceHours: {start: '17:00', end: '09:00', weekdays: [1]}", "serviceHours",
         "start and end must be times HH:MM with start before end, not '17:00'-'09:00'"),
    ])
    func invalidProfile(body: String, field: String, message: String) {
        let yaml = "id: mine\nname: Mine\nreference: here\nmaintenance: counted\n" + body + "\n"
        // The body starts on line 5; each failing key is on its first line or the next.
        let line = field == "serviceHours" ? 6 : 5
        #expect(throws: MetricsError.invalidProfile(file: "mine.yaml", line: line, field: field, message: message)) {
            try AccountingProfile.decode(yaml: yaml, file: "mine.yaml")
        }
    }

    @Test("The shipped profiles")
    func shipped() throws {
        let profiles = try AccountingProfile.shipped()
        #expect(profiles.map(\.id) == ["business-hours", "incident-io", "statuspage"])
        #expect(profiles.map { $0.weight(of: "partial_outage") } == [1, 1, 0.3])
        #expect(profiles.map(\.maintenance) == [.excluded, .counted, .counted])
    }
}
