@testable import PostmortemIngest
import PostmortemTimeline
import Testing

/// Shapes found by the fourth batch of generality probes: zone statements in words the finder
/// did not know, places' times and IANA names with their daylight rules, a word after a row's
/// colon, ISO stamps with numeric offsets, timelines relative to a stated T0, a start with a
/// length beside it, and numeric dates. Every window is worked out by hand in the comments.
@Suite("Prose: zone statements, places' zones, offsets, T+ timelines, numeric dates")
struct ProseZoneStatementShapesTests {
    // MARK: Zone statements

    /// The statement a one-sentence document makes, as the finder reads it.
    static func statement(_ sentence: String) -> ProseZoneStatement? {
        ProseZoneStatement.find(in: ProseDocument(text: sentence).sentences)
    }

    @Test(
        "A short sentence or bracket whose subject is the times states the zone",
        arguments: [
            ("All timestamps CET.", "CET"),
            ("Times in this report are US Eastern (EDT).", "EDT"),
            ("Time zone: UK time.", "UK time"),
            ("(all times IST)", "IST"),
            ("Unless noted otherwise, all times are Pacific.", "Pacific"),
            ("All times are Europe/Berlin.", "Europe/Berlin"),
            ("Times are given in America/New_York.", "America/New_York"),
            ("All times in Central European Time.", "Central European Time"),
            ("Times are Sydney local time.", "Sydney local time"),
            ("Timeline (times in PDT)", "PDT"),
            ("Zone: all times PST", "PST"),
        ])
    func statements(sentence: String, token: String) {
        #expect(Self.statement(sentence)?.token == token)
    }

    @Test(
        "Narrative about a clock or about other times zones nothing",
        arguments: [
            "The server's time zone was set to UTC by mistake.",
            "The time zone was set to PST on the new hosts.",
            "We changed the time zone of the database to UTC.",
            "Response times in the EU region were slow.",
            "At times the UTC clock on the hosts drifted.",
            "All times are approximate: the outage began at 14:05 UTC.",
        ])
    func narrative(sentence: String) {
        #expect(Self.statement(sentence) == nil)
    }

    @Test("A server's zone in the narrative leaves --zone in force for the text's clocks")
    func narrativeKeepsZoneOption() throws {
        // 4 March 2024 is before the US change (10 March): PST, UTC-8. 09:00 -> 17:00Z, 09:45 -> 17:45Z.
        let text = """
            # Scheduler outage on 4 March 2024

            The server's time zone was set to UTC by mistake, so the nightly jobs ran early.
            Jobs began failing at 09:00 and were restored at 09:45.
            """
        let options = IngestOptions(defaultZone: WrittenZone(token: "PST", offsetSeconds: -8 * 3600))
        let (incident, _) = try ProseFixture.parse(text, name: "server-zone.md", options: options)
        #expect(incident.impactWindowUTC == ["2024-03-04T17:00:00Z", "2024-03-04T17:45:00Z"])
    }

    @Test(
        "A place's time or an IANA name resolves with its daylight rule",
        arguments: [
            // UK time: BST (UTC+1) in August, GMT in December.
            ("Time zone: UK time.", "12 August 2023", "2023-08-12T07:30:00Z", "2023-08-12T08:10:00Z"),
            ("Time zone: UK time.", "5 December 2023", "2023-12-05T08:30:00Z", "2023-12-05T09:10:00Z"),
            // Berlin in June: CEST, UTC+2.
            ("All times are Europe/Berlin.", "10 June 2022", "2022-06-10T06:30:00Z", "2022-06-10T07:10:00Z"),
            // Central European Time as writers use it: the local time, UTC+2 in July.
            ("All times in Central European Time.", "18 July 2022", "2022-07-18T06:30:00Z", "2022-07-18T07:10:00Z"),
            // New York in January: EST, UTC-5.
            ("Times are given in America/New_York.", "15 January 2021", "2021-01-15T13:30:00Z", "2021-01-15T14:10:00Z"),
            // Tokyo: UTC+9 all year.
            ("All times Asia/Tokyo.", "3 March 2020", "2020-03-02T23:30:00Z", "2020-03-03T00:10:00Z"),
            // Sydney: AEDT (UTC+11) in January, AEST (UTC+10) in July.
            ("Times are Sydney local time.", "10 January 2024", "2024-01-09T21:30:00Z", "2024-01-09T22:10:00Z"),
            ("Times are Sydney local time.", "10 July 2024", "2024-07-09T22:30:00Z", "2024-07-09T23:10:00Z"),
            // US Eastern after the March change (10 March 2024): EDT, UTC-4; the label in brackets agrees.
            ("Times in this report are US Eastern (EDT).", "2 April 2024", "2024-04-02T12:30:00Z", "2024-04-02T13:10:00Z"),
        ])
    func placesWithDaylight(statement: String, day: String, start: String, end: String) throws {
        let text = """
            # Upload outage, \(day)

            \(statement)

            Uploads began failing at 08:30. Service was fully restored at 09:10.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "place.md")
        #expect(incident.impactStart?.time.iso8601 == start)
        #expect(incident.impactEnd?.time.iso8601 == end)
    }

    @Test("A table's time column headed with its zone zones the rows")
    func columnHeadingZone() throws {
        // GMT+2: 11:05 -> 09:05Z, 11:50 -> 09:50Z.
        let text = """
            # Search slow

            | Time (GMT+2) | Event |
            |---|---|
            | 2023-05-06 11:05 | Search latency above 8 s for all users |
            | 2023-05-06 11:50 | Latency back to normal |
            """
        let (incident, _) = try ProseFixture.parse(text, name: "column.md")
        #expect(incident.impactWindowUTC == ["2023-05-06T09:05:00Z", "2023-05-06T09:50:00Z"])
    }

    @Test("Southern daylight rules: Sydney and Auckland change in April and in the spring, Brisbane never")
    func southernRules() {
        func offset(_ token: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12) -> Int? {
            ZoneTable.zone(for: token, on: CivilDate(year: year, month: month, day: day), hour: hour)?.offsetSeconds
        }
        // 2024: Sydney's daylight time ends on Sunday 7 April (03:00) and starts on Sunday 6 October (02:00).
        #expect(offset("Australia/Sydney", 2024, 1, 10) == 11 * 3600)
        #expect(offset("Australia/Sydney", 2024, 4, 7, 2) == 11 * 3600)
        #expect(offset("Australia/Sydney", 2024, 4, 7, 4) == 10 * 3600)
        #expect(offset("Australia/Sydney", 2024, 10, 6, 1) == 10 * 3600)
        #expect(offset("Australia/Sydney", 2024, 10, 6, 3) == 11 * 3600)
        #expect(offset("Australia/Brisbane", 2024, 1, 10) == 10 * 3600)
        // 2005, before the 2008 change: daylight time until the last Sunday of March (27 March).
        #expect(offset("Australia/Melbourne", 2005, 4, 2) == 10 * 3600)
        // Auckland 2024: daylight time until 7 April, again from the last Sunday of September (29th).
        #expect(offset("Pacific/Auckland", 2024, 1, 10) == 13 * 3600)
        #expect(offset("Pacific/Auckland", 2024, 7, 10) == 12 * 3600)
        #expect(offset("Pacific/Auckland", 2024, 9, 30) == 13 * 3600)
        // One word alone is no zone; with "time" after it, it is.
        #expect(ZoneTable.zone(for: "London") == nil)
        #expect(ZoneTable.zone(for: "London time", on: CivilDate(year: 2024, month: 7, day: 1))?.offsetSeconds == 3600)
    }

    // MARK: Words after a clock

    @Test("A word after a row's colon is what happened, not the clock's zone")
    func wordAfterRowColon() throws {
        // IST, UTC+5:30: 10:15 AM -> 04:45Z, 11:02 AM -> 05:32Z.
        let text = """
            # Card payments failing

            Date: 2 June 2024
            (all times IST)

            ## Timeline

            - 10:15 AM: UPI requests time out at the switch
            - 10:50 AM UPI traffic moved to the backup switch
            - 11:02 AM: payments succeed again, incident resolved
            """
        let (incident, warnings) = try ProseFixture.parse(text, name: "colon.md")
        #expect(incident.impactWindowUTC == ["2024-06-02T04:45:00Z", "2024-06-02T05:32:00Z"])
        #expect(incident.event(written: "10:50 AM")?.time.iso8601 == "2024-06-02T05:20:00Z")
        #expect(!warnings.contains { $0.message.contains("unknown time zone") })
    }

    @Test(
        "An unknown capital word after a clock is a zone only where it looks like one",
        arguments: [
            ("10:00 XYZ on 4 April 2022", true),
            ("The job failed at 14:20 ABCT.", true),
            ("11:05 AM UPI payments begin failing", false),
            ("09:10 DB failover starts", false),
            ("11:05 AM: XYZ", false),
        ])
    func unknownCapitalWord(sentence: String, isZone: Bool) {
        let tokens = ProseToken.tokens(sentence)
        let clock = ProseTimeScanner.mentions(in: tokens, sentence: sentence).first { $0.start.clock != nil }
        #expect((clock?.start.zoneToken != nil) == isZone)
    }

    // MARK: ISO stamps with offsets

    @Test(
        "An ISO stamp's numeric offset is its zone, not a second clock",
        arguments: [
            ("-05:00", "2024-02-01T13:00:00Z", "2024-02-01T13:45:00Z"),
            ("+0530", "2024-02-01T02:30:00Z", "2024-02-01T03:15:00Z"),
            ("+05:30", "2024-02-01T02:30:00Z", "2024-02-01T03:15:00Z"),
            ("Z", "2024-02-01T08:00:00Z", "2024-02-01T08:45:00Z"),
        ])
    func isoOffsets(offset: String, start: String, end: String) throws {
        let text = """
            # Queue backlog

            ## Timeline

            - 2024-02-01T08:00:00\(offset) consumers fail to acknowledge messages
            - 2024-02-01T08:20:00\(offset) consumers restarted
            - 2024-02-01T08:45:00\(offset) backlog drained, all queues healthy
            """
        let (incident, _) = try ProseFixture.parse(text, name: "iso.md")
        #expect(incident.impactStart?.time.iso8601 == start)
        #expect(incident.impactEnd?.time.iso8601 == end)
    }

    @Test("A date, then a clock with seconds and its offset, as logs print them")
    func spacedStampOffset() throws {
        // -05:00: 08:00:00 -> 13:00Z, 08:45:00 -> 13:45Z.
        let text = """
            # Queue backlog

            ## Timeline

            - 2024-02-01 08:00:00-05:00 consumers fail to acknowledge messages
            - 2024-02-01 08:45:00-05:00 backlog drained, all queues healthy
            """
        let (incident, _) = try ProseFixture.parse(text, name: "spaced.md")
        #expect(incident.impactWindowUTC == ["2024-02-01T13:00:00Z", "2024-02-01T13:45:00Z"])
    }

    @Test("The hyphen of a stamp's offset stays in its word; a clock range still splits")
    func offsetHyphen() {
        #expect(ProseToken.tokens("2024-02-01T08:00:00-05:00 queue stalls").map(\.text) == ["2024-02-01T08:00:00-05:00", "queue", "stalls"])
        #expect(ProseToken.tokens("at 08:00:00-05:00 the queue").map(\.text) == ["at", "08:00:00-05:00", "the", "queue"])
        #expect(ProseToken.tokens("14:05-14:50 UTC").map(\.text) == ["14:05", "-", "14:50", "UTC"])
        #expect(ProseToken.tokens("09:12:00-09:45:00 UTC").map(\.text) == ["09:12:00", "-", "09:45:00", "UTC"])
        #expect(ProseTimeScanner.offsetClock("08:00:00-05:00")?.offset == "-05:00")
        #expect(ProseTimeScanner.offsetClock("14:05+0530")?.clock.minute == 5)
        #expect(ProseTimeScanner.offsetClock("14:05-14:50") == nil)
    }

    // MARK: Times relative to T0

    @Test(
        "'T+20m' rows read as the stated T0 plus the offset",
        arguments: [
            "Incident start (T0): 2022-11-08 21:15 UTC",
            "T=0 is 2022-11-08 21:15 UTC, when checkout errors were first seen.",
            "T-0 (first alert): 2022-11-08 21:15 UTC",
        ])
    func relativeRows(origin: String) throws {
        // T0 21:15Z; T+1h5m -> 22:20Z, when errors are back to normal.
        let text = """
            # Cache cluster failover

            \(origin)

            ## Timeline

            - T+0: cache misses spike and checkout errors climb
            - T+20m: failover to the replica started
            - T+1h5m: errors back to normal, checkout fully working
            - T+00:50: replica warmed
            """
        let (incident, _) = try ProseFixture.parse(text, name: "tplus.md")
        #expect(incident.impactWindowUTC == ["2022-11-08T21:15:00Z", "2022-11-08T22:20:00Z"])
        #expect(incident.event(written: "T+00:50")?.time.iso8601 == "2022-11-08T22:05:00Z")
    }

    @Test("'(T+0)' after an instant states the origin; the rows count from it")
    func originAfterInstant() throws {
        // T+0 = 09:30 CET = 08:30Z on 9 February 2022; T+1h15m -> 09:45Z; T-2d is a cause.
        let text = """
            # Mirror outage, 9 February 2022

            Downloads failed from the first alert, which fired at 09:30 CET (T+0).

            ## Timeline

            - T-2d: storage upgraded on every node
            - T+0: first alert; most downloads fail
            - T+1h15m: downloads normal again
            """
        let (incident, warnings) = try ProseFixture.parse(text, name: "origin-after.md")
        #expect(incident.impactWindowUTC == ["2022-02-09T08:30:00Z", "2022-02-09T09:45:00Z"])
        #expect(incident.event(written: "T-2d")?.time.iso8601 == "2022-02-07T08:30:00Z")
        #expect(!warnings.contains { $0.message.contains("relative to a T0") })
    }

    @Test("Without a stated T0 a relative time is skipped with a warning")
    func relativeWithoutOrigin() throws {
        let text = """
            # Cache cluster failover on 8 November 2022

            At 21:15 UTC checkout errors began.

            - T+20m: failover to the replica started
            """
        let (incident, warnings) = try ProseFixture.parse(text, name: "no-origin.md")
        #expect(incident.event(written: "T+20m") == nil)
        #expect(warnings.map(\.message).contains("skipped a time: 'T+20m' is written relative to a T0 the text has not stated"))
    }

    @Test(
        "Offsets from T0 as written",
        arguments: [
            ("T+12m", 720), ("T+2h", 7200), ("T+1h30m", 5400), ("T+90min", 5400), ("T+00:38", 2280), ("T+1:02:03", 3723),
            ("T-5m", -300), ("T+0", 0),
        ] as [(String, Int64)])
    func relativeOffsets(text: String, seconds: Int64) {
        #expect(ProseRelativeTime.offset(text) == seconds)
    }

    @Test("Words that are no offset", arguments: ["T-0", "T-shirt", "T+15", "T-1000", "T+", "Tokyo"])
    func notOffsets(text: String) {
        #expect(ProseRelativeTime.offset(text) == nil)
    }

    // MARK: A start with its length

    @Test("'beginning at T, ... served stale prices for about D' is the start, and start plus D the end")
    func startWithLength() throws {
        // 22:40Z plus 1 h 5 min -> 23:45Z.
        let text = """
            # Price cache incident

            Beginning at 22:40 UTC on 3 May 2023, the shop served stale prices for about 1 hour and 5 minutes.
            The cache was rebuilt from the catalogue afterwards.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "stale.md")
        #expect(incident.impactStart?.time.iso8601 == "2023-05-03T22:40:00Z")
        #expect(incident.impactStart?.isStated == true)
        #expect(incident.impactEnd?.time.iso8601 == "2023-05-03T23:45:00Z")
        #expect(incident.impactEnd?.rule == "stated start plus stated duration")
        #expect(incident.impactEnd?.isStated == false)
    }

    // MARK: Numeric dates

    @Test(
        "Dates written with slashes or points place the day and the year",
        arguments: [
            ("03/14/2024", "2024-03-14"),
            ("2023/06/01", "2023-06-01"),
            ("14.02.2022", "2022-02-14"),
            ("18/11/2024", "2024-11-18"),
        ])
    func numericDates(written: String, day: String) throws {
        let text = """
            # Upload failures

            On \(written) from 10:00 to 10:40 UTC, uploads failed for every customer.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "numeric.md")
        #expect(incident.impactStart?.time.iso8601 == day + "T10:00:00Z")
        #expect(incident.impactEnd?.time.iso8601 == day + "T10:40:00Z")
    }

    @Test("Numbers with points that are no date", arguments: ["1.2.3", "10.0.0.1", "4.12", "2024.13.01", "31.02.2021"])
    func notDates(text: String) {
        #expect(ProseTimeScanner.separatedDay(text) == nil)
    }
}
