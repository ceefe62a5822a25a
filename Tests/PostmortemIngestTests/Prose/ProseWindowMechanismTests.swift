import PostmortemIngest
import PostmortemTimeline
import Testing

/// One fixture per mechanism the real postmortems showed: zones nobody wrote, chat appendices,
/// rows whose second sentence states the boundary, a bracketed range after its sentence, and a
/// zone written before the clock. Each window is worked out by hand in the comments.
@Suite("Prose window mechanisms")
struct ProseWindowMechanismTests {
    @Test("No zone written: a chat link's epoch stamp fixes the offset (UTC+1), marked on both ends and warned once")
    func epochAnchor() throws {
        // p1623659407... = 2021-06-14T08:30:07Z, which is the "Incident declared 09:30" row at
        // UTC+1; so "First detected 09:12" is 08:12Z and "Repaired 10:05" is 09:05Z. "Resolved
        // 15:00" closes the incident, it does not end the impact.
        let (incident, warnings) = try ProseFixture.read("key-events-slack-anchor-2021-06-14.md")
        #expect(incident.impactWindowUTC == ["2021-06-14T08:12:00Z", "2021-06-14T09:05:00Z"])
        #expect(incident.impactStart?.isStated == true)
        #expect(incident.impactEnd?.rule == "last timeline row stating restoration")
        #expect(incident.impactStart?.zoneAssumption?.hasPrefix("UTC+1, assumed: an epoch stamp embedded in the text (2021-06-14T08:30:07Z)") == true)
        #expect(incident.impactEnd?.zoneAssumption == incident.impactStart?.zoneAssumption)
        #expect(warnings.filter { $0.message.contains("assumed UTC+1") }.count == 1)
        #expect(warnings.first?.location.line == 4)
    }

    @Test("No zone and no anchor: UTC is assumed with a warning rather than refusing the text")
    func utcAssumed() throws {
        // 9:10 AM and 9:55 AM read as UTC: 09:10Z to 09:55Z, 45 minutes.
        let (incident, warnings) = try ProseFixture.read("no-zone-queue-stall-2019-11-05.txt")
        #expect(incident.impactWindowUTC == ["2019-11-05T09:10:00Z", "2019-11-05T09:55:00Z"])
        #expect(incident.impactEnd?.zoneAssumption == "UTC, assumed: the text names no zone and holds no epoch stamp to place its clocks")
        #expect(warnings.map(\.message) == [
            "'November 5, 2019 at 9:10 AM' and the text's other times without a zone: assumed UTC (the text names no zone and holds no epoch stamp to place its clocks); give --zone to choose another"
        ])
        // --zone still decides when given: 9:10 AM EST is 14:10Z.
        let (zoned, _) = try ProseFixture.read("no-zone-queue-stall-2019-11-05.txt", options: IngestOptions(defaultZone: ZoneTable.zone(for: "EST")))
        #expect(zoned.impactStart?.time.iso8601 == "2019-11-05T14:10:00Z")
        #expect(zoned.impactStart?.zoneAssumption == nil)
    }

    @Test("A row's second sentence states the boundary; chat stamps after a speaker's name are skipped")
    func rowSentencesAndChat() throws {
        // PDT is UTC-7: "[10:05] ... Outage begins." is 17:05Z, "[10:40] ... Outage ends." 17:40Z.
        // The chat log's 10:15 AM and 10:31 AM are messages, not the timeline.
        let (incident, warnings) = try ProseFixture.read("chat-appendix-2020-04-02.md")
        #expect(incident.impactWindowUTC == ["2020-04-02T17:05:00Z", "2020-04-02T17:40:00Z"])
        #expect(incident.impactStart?.rule == "stated start")
        #expect(incident.impactEnd?.rule == "stated end")
        #expect(incident.events.map(\.writtenTime) == ["10:05", "10:22", "10:40"])
        #expect(warnings.map(\.message) == ["skipped chat or log stamps like '[10:15 AM]' (not the incident's timeline)"])
    }

    @Test("A bracketed range after its sentence is the explicit range, the same on the page as in Markdown", arguments: [
        "bracketed-range-pst-2020-01-09.md", "bracketed-range-pst-2020-01-09.html",
    ])
    func bracketedRange(file: String) throws {
        // PST is UTC-8: 2:10pm to 3:25pm on January 9th is 22:10Z to 23:25Z. "Builds got
        // scheduled onto the wrong pool" is not a maintenance schedule.
        let (incident, _) = try ProseFixture.read(file)
        #expect(incident.impactWindowUTC == ["2020-01-09T22:10:00Z", "2020-01-09T23:25:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
        #expect(incident.impactStart?.text == "Builds got scheduled onto the wrong node pool and were not able to start. (Between 2:10pm - 3:25pm)")
    }

    @Test("A zone written before its clock ('UTC 04:20') zones the text's other clocks")
    func zoneBeforeClock() throws {
        // "beginning from UTC 04:20" states the start; the rows' 04:20 and 04:35 take that UTC.
        let (incident, warnings) = try ProseFixture.read("utc-before-clock-2023-02-07.md")
        #expect(incident.impactWindowUTC == ["2023-02-07T04:20:00Z", "2023-02-07T04:35:00Z"])
        #expect(incident.impactStart?.writtenTime == "UTC 04:20")
        #expect(warnings.isEmpty)
    }

    @Test("A comma before 'to' still joins a range: 'from February 4, 2019, 05:35 UTC, to February 5, 2019, 22:09 UTC'")
    func commaBeforeConnector() throws {
        // 05:35Z on the 4th to 22:09Z on the 5th: 40 h 34 min.
        let (incident, _) = try ProseFixture.read("comma-span-2019-02-04.txt")
        #expect(incident.impactWindowUTC == ["2019-02-04T05:35:00Z", "2019-02-05T22:09:00Z"])
        #expect(incident.impactEnd?.rule == "explicit range")
    }

    @Test("A word against an end counts in its own part of the row: 'starts a second call, uploads successfully complete again' ends the window")
    func wordsAgainstAnEndInTheirOwnPart() throws {
        // 14:00 UTC uploads fail; 14:25 a rollback starts (work, not an end); 14:40 uploads
        // succeed again; 15:30 plans a review (no restoration).
        let (incident, _) = try ProseFixture.read("row-parts-2021-09-14.md")
        #expect(incident.impactWindowUTC == ["2021-09-14T14:00:00Z", "2021-09-14T14:40:00Z"])
        #expect(incident.impactEnd?.rule == "last timeline row stating restoration")
        #expect(incident.impactEnd?.isStated == false)
    }

    @Test("A range after a list ('backups, exports, and replication, from ... through ...') is the explicit range of its sentence")
    func rangeAfterAList() throws {
        // US/Pacific is PDT (UTC-7) in July: 19:30 on the 14th is 02:30Z on the 15th, 03:10 on the
        // 15th is 10:10Z. The comma before "through" does not break the range.
        let (incident, _) = try ProseFixture.read("list-clause-range-2022-07-14.txt")
        #expect(incident.impactWindowUTC == ["2022-07-15T02:30:00Z", "2022-07-15T10:10:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
    }

    @Test("With no restoration written, a duration in the sentence after the start closes the window, as an inference")
    func durationInTheNextSentence() throws {
        // 2:05 PM UTC plus "over the next 45 minutes": 14:05Z to 14:50Z.
        let (incident, _) = try ProseFixture.read("duration-next-sentence-2018-05-03.txt")
        #expect(incident.impactWindowUTC == ["2018-05-03T14:05:00Z", "2018-05-03T14:50:00Z"])
        #expect(incident.impactEnd?.rule == "start plus the duration stated beside it")
        #expect(incident.impactEnd?.isStated == false)
    }

    @Test("A start stated days after the timeline's first row of impact does not move the start")
    func laterStatedStart() throws {
        // March 3 09:00 UTC: servers killed (the first row of impact); 10:30 they work again.
        // "A second workshop started" on March 5 is a later event, not this onset.
        let (incident, _) = try ProseFixture.read("later-stated-start-2024-03-03.md")
        #expect(incident.impactWindowUTC == ["2024-03-03T09:00:00Z", "2024-03-03T10:30:00Z"])
        #expect(incident.impactStart?.rule == "first timeline row stating impact, a day before the stated start")
    }
}
