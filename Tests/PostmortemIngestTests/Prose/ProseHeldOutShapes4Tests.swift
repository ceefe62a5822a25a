@testable import PostmortemIngest
import PostmortemTimeline
import Testing

/// Shapes found by the fourth batch of generality probes: status-update stamps with a dash,
/// European dotted dates, a weekday with its date in brackets, a weekday aside into the past,
/// a service that "stopped moving", restorations written "normally", "as usual", "back to the
/// usual", "the last to come back", and a `Duration:` field holding the window as a range.
/// Every window is worked out by hand in the comments.
@Suite("Prose: held-out shapes, fourth batch")
struct ProseHeldOutShapes4Tests {
    @Test("'Posted Jul 01, 2023 - 00:25 UTC' is a day and a clock; a clock above it before any date takes its day")
    func postedStampWithDash() throws {
        // Newest first. The ticket queue fails from 22:40 on 3 March; replies flow normally from
        // 00:15 on 4 March (the top entry, posted 00:50, is read before any date).
        let text = """
            # Slow ticket replies

            **Resolved**
            Replies have been sent normally since 00:15 UTC.
            Posted Mar 04, 2024 - 00:50 UTC

            **Investigating**
            Ticket replies are failing since 22:40 UTC.
            Posted Mar 03, 2024 - 22:55 UTC
            """
        let (incident, _) = try ProseFixture.parse(text, name: "posted.md")
        #expect(incident.impactStart?.time.iso8601 == "2024-03-03T22:40:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2024-03-04T00:15:00Z")
        let tokens = ProseToken.tokens("Posted Mar 04, 2024 - 00:50 UTC")
        let mention = try #require(ProseTimeScanner.mentions(in: tokens, sentence: "Posted Mar 04, 2024 - 00:50 UTC").first)
        #expect(mention.start.day == .init(month: 3, day: 4, year: 2024))
        #expect(mention.start.clock?.hour == 0 && mention.start.clock?.minute == 50)
        #expect(mention.end == nil)
    }

    @Test("The entry's stamp gives the day before when the clock is later in the day than the stamp")
    func entryStampDayBefore() throws {
        let sentences = ProseDocument(text: "Errors since 23:40 UTC.\nPosted Sep 10, 2022 - 00:05 UTC").sentences
        let mention = try #require(sentences.first?.mentions.first)
        #expect(ProseReading.entryStampDate(for: mention, at: 0, in: sentences) == CivilDate(year: 2022, month: 9, day: 9))
    }

    @Test("'02.11.2021' is 2 November 2021, day first; a version number or a dotted clock is no day")
    func dottedEuropeanDate() throws {
        // CET = UTC+1 in November: 14:07 -> 13:07Z, 15:40 -> 14:40Z.
        let text = """
            # Mirror outage, 02.11.2021

            On 02.11.2021 the mirror failed from 14:07 to 15:40 CET.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "dots.md")
        #expect(incident.impactStart?.time.iso8601 == "2021-11-02T13:07:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2021-11-02T14:40:00Z")
        #expect(ProseTimeScanner.dottedDay("02.11.2021") == .init(month: 11, day: 2, year: 2021))
        #expect(ProseTimeScanner.dottedDay("31.02.2021") == nil)
        #expect(ProseTimeScanner.dottedDay("1.2.3") == nil)
        #expect(ProseTimeScanner.dottedDay("14.05") == nil)
    }

    @Test("'7:40 PM Eastern on Saturday (January 22)': the bracketed date is the weekday's, and a later 'on Thursday' aside keeps Saturday")
    func weekdayWithBracketedDateAndAside() throws {
        // EST = UTC-5 in January: Saturday 22 January 7:40 PM -> 00:40Z on the 23rd; 10:05 PM -> 03:05Z.
        let text = """
            # About Saturday's outage

            *January 24, 2022*

            At 7:40 PM Eastern on Saturday (January 22), the matchmaking queue stopped moving. The build we shipped on Thursday had doubled the writes per match. By 10:05 PM every player could join matches again.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "weekday.md")
        #expect(incident.impactStart?.time.iso8601 == "2022-01-23T00:40:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2022-01-23T03:05:00Z")
    }

    @Test("'stopped moving' is impact; 'we stopped sending traffic' and 'errors stopped occurring' are not")
    func stoppedWork() {
        #expect(ProseFailureClause.states("the login queue stopped moving"))
        #expect(ProseFailureClause.states("dns stopped resolving for internal names"))
        #expect(!ProseFailureClause.states("we stopped sending traffic to the region"))
        #expect(!ProseFailureClause.states("errors stopped occurring"))
    }

    @Test("Restorations written 'normally', 'as usual', 'back to the usual', 'the last to come back'")
    func restorationWords() {
        #expect(ProseRestorationClause.states("form submissions have been processed normally since 00:25 utc"))
        #expect(ProseRestorationClause.states("from 14:20 utc all regions served requests normally"))
        #expect(ProseRestorationClause.states("queue empty, builds picking up within seconds as usual"))
        #expect(ProseRestorationClause.states("load time back to the usual 300 ms"))
        #expect(ProseRestorationClause.states("ap-south was the last to come back, at 14:20 utc"))
        #expect(!ProseRestorationClause.states("pages were not loading normally"))
        #expect(!ProseRestorationClause.states("the api worked normally until the deploy"))
        #expect(!ProseRestorationClause.states("the api returned errors as usual for a cold start"))
        #expect(!ProseRestorationClause.states("we came back to the old build"))
    }

    @Test("Regions recovering one at a time: the last region back ends the window")
    func lastRegionBack() throws {
        // 09:10 UTC all three regions fail; EU back 09:40, US 10:05, the last (APAC) 10:30.
        let text = """
            # Queue errors in three regions

            On 2023-05-09, starting at 09:10 UTC, publishing to the queue failed in every region.

            - EU recovered at 09:40 UTC.
            - US recovered at 10:05 UTC.
            - APAC was the last to come back, at 10:30 UTC.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "regions.md")
        #expect(incident.impactStart?.time.iso8601 == "2023-05-09T09:10:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2023-05-09T10:30:00Z")
    }
}
