@testable import PostmortemIngest
import PostmortemTimeline
import Testing

/// Shapes found by the fourth batch of generality probes: status-update stamps with a dash,
/// a weekday with its date in brackets, a weekday aside into the past,
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
        #expect(incident.impactWindowUTC == ["2024-03-03T22:40:00Z", "2024-03-04T00:15:00Z"])
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

    @Test("'7:40 PM Eastern on Saturday (January 22)': the bracketed date is the weekday's, and a later 'on Thursday' aside keeps Saturday")
    func weekdayWithBracketedDateAndAside() throws {
        // EST = UTC-5 in January: Saturday 22 January 7:40 PM -> 00:40Z on the 23rd; 10:05 PM -> 03:05Z.
        let text = """
            # About Saturday's outage

            *January 24, 2022*

            At 7:40 PM Eastern on Saturday (January 22), the matchmaking queue stopped moving. The build we shipped on Thursday had doubled the writes per match. By 10:05 PM every player could join matches again.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "weekday.md")
        #expect(incident.impactWindowUTC == ["2022-01-23T00:40:00Z", "2022-01-23T03:05:00Z"])
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
        #expect(incident.impactWindowUTC == ["2023-05-09T09:10:00Z", "2023-05-09T10:30:00Z"])
    }

    @Test("'Duration: 10:52 AM - 12:18 PM PST' gives the window, also when a web page runs the fields into one paragraph")
    func durationFieldRange() throws {
        // PST = UTC-8 on 7 December: 10:52 AM -> 18:52Z, 12:18 PM -> 20:18Z; 11:47 AM is a partial fix.
        let body = "At 10:52 AM PST on 7 December 2022 invoices stopped rendering. At 11:47 AM new invoices rendered again; the queue of old ones drained by 12:18 PM."
        for fields in ["**Date:** 2022-12-07\n**Duration:** 10:52 AM - 12:18 PM PST\n**Severity:** SEV-2", "Date: 2022-12-07 Duration: 10:52 AM - 12:18 PM PST Severity: SEV-2"] {
            let (incident, _) = try ProseFixture.parse("# Invoice rendering outage\n\n\(fields)\n\n\(body)\n", name: "duration.md")
            #expect(incident.impactWindowUTC == ["2022-12-07T18:52:00Z", "2022-12-07T20:18:00Z"])
        }
        let sentence = "Date: 2022-12-07 Duration: 10:52 AM - 12:18 PM PST Severity: SEV-2"
        let tokens = ProseToken.tokens(sentence)
        let mentions = ProseTimeScanner.mentions(in: tokens, sentence: sentence)
        let span = try #require(mentions.firstIndex { $0.end != nil })
        #expect(ProseFieldLabel.label(of: span, in: mentions, tokens: tokens, sentence: sentence) == .window)
        // A single time under the same label is no window.
        let single = "Duration: 10:52 AM PST"
        let singleTokens = ProseToken.tokens(single)
        #expect(ProseFieldLabel.label(of: 0, in: ProseTimeScanner.mentions(in: singleTokens, sentence: single), tokens: singleTokens, sentence: single) == nil)
    }

    @Test("A timeline row of the first customer tickets states the start; a later row that only drops the load is no start")
    func firstCustomerTickets() throws {
        // 06:12 UTC slow pages and the first tickets; 06:55 job stopped, partly better; 07:20 back to the usual.
        let text = """
            # Slow order pages, 2022-09-18

            | Time (UTC) | Event |
            |---|---|
            | 2022-09-18 05:40 | Nightly job starts re-indexing the orders table |
            | 2022-09-18 06:12 | Order page load time above 10 s; first customer tickets |
            | 2022-09-18 06:55 | Job stopped; load time drops to about 2 s |
            | 2022-09-18 07:20 | Load time back to the usual 300 ms |
            """
        let (incident, _) = try ProseFixture.parse(text, name: "tickets.md")
        #expect(incident.impactWindowUTC == ["2022-09-18T06:12:00Z", "2022-09-18T07:20:00Z"])
    }

    @Test("Lines that each open with a clock are one entry each, even when one is long and has no full stop")
    func clockLinesWithoutStops() {
        let long = "09:20 queue length starts to climb; no new runner machines come up at all"
        let lines: [Substring] = [Substring(long), "09:34 first report in the contributors chat", "10:47 queue empty, builds start within seconds as usual"]
        #expect(PlainTextBlocks.isWrapped(long))
        let blocks = PlainTextBlocks.blocks(lines: lines)
        #expect(blocks.map(\.line) == [1, 2, 3])
        #expect(blocks.allSatisfy { $0.kind == .listItem })
        // Wrapped prose whose next line opens with a number is still one paragraph.
        let prose: [Substring] = ["During the migration we were upgrading the clusters from Kubernetes", "1.11 to 1.13 in place."]
        #expect(PlainTextBlocks.blocks(lines: prose).count == 1)
        #expect(PlainTextBlocks.opensWithClock("9:05 alert"))
        #expect(!PlainTextBlocks.opensWithClock("1.11 to 1.13"))
    }

    @Test("'12 October: stale search results' on a line of its own is a heading in plain text; a date line alone is not")
    func dayOfMonthHeading() throws {
        #expect(PlainTextBlocks.isHeading("12 October: stale search results"))
        #expect(!PlainTextBlocks.isHeading("12 October 2023"))
        #expect(!PlainTextBlocks.isHeading("12 servers failed"))
        // Two incidents a week apart, each under its day heading (CEST = UTC+2).
        let text = """
            Availability report, October 2023

            12 October: stale search results

            From 09:14 to 10:02 CEST, search served results hours old.

            19 October: exports unavailable

            From 16:50 to 17:25 CEST, exports failed.
            """
        let result = try Ingest.parse(SourceInput(path: "report.txt", bytes: Array(text.utf8)), options: IngestOptions())
        #expect(result.incidents.map { $0.impactStart?.time.iso8601 } == ["2023-10-12T07:14:00Z", "2023-10-19T14:50:00Z"])
        #expect(result.incidents.map { $0.impactEnd?.time.iso8601 } == ["2023-10-12T08:02:00Z", "2023-10-19T15:25:00Z"])
    }

    @Test("A first row saying the impact 'has been' going on 'for several hours' leaves the onset unstated; the end stands")
    func onsetNotStated() throws {
        // The first row of impact (08:10 UTC) says uploads had already failed for hours: no start.
        // 08:55 uploads succeed again.
        let text = """
            # Upload outage, 2021-06-03

            ## Timeline (UTC)

            - 08:10 Uploads have been failing for several hours; on-call paged
            - 08:30 Storage node drained
            - 08:55 Uploads succeed again
            """
        let (incident, warnings) = try ProseFixture.parse(text, name: "onset.md")
        #expect(incident.impactStart == nil)
        #expect(incident.impactEnd?.time.iso8601 == "2021-06-03T08:55:00Z")
        #expect(warnings.contains { $0.message.contains("onset is not stated") })
        #expect(ProseWindowEvidence.startsEarlierUnstated("the api had been down for some time"))
        #expect(!ProseWindowEvidence.startsEarlierUnstated("the api was down for two hours"))
        #expect(!ProseWindowEvidence.startsEarlierUnstated("we waited for hours"))
    }

    @Test("In narrative, 'the first customer ticket arrived at 4:38 PM' yields to the earlier sentence of impact")
    func firstTicketAfterNarrativeImpact() throws {
        // PST = UTC-8 on 16 January: 4:10 PM -> 00:10Z on the 17th; 6:25 PM -> 02:25Z.
        let text = """
            # Mobile API outage

            On January 16, 2023 at 4:10 PM PST, a job replaced the API's signing key and every app request failed from then on. The first customer ticket arrived at 4:38 PM. By 6:25 PM PST requests succeeded again.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "ticket.md")
        #expect(incident.impactWindowUTC == ["2023-01-17T00:10:00Z", "2023-01-17T02:25:00Z"])
    }
}
