@testable import PostmortemIngest
import PostmortemTimeline
import Testing

/// One test per mechanism that reads postmortems in shapes the development corpus lacks (the
/// generality probes under `Fixtures/postmortems/generality` hold one of each as a whole
/// document). The texts are written here; every window is worked out by hand in the comments.
@Suite("Prose generality: shapes beyond the development corpus")
struct ProseGeneralityTests {
    @Test("A restoration written as what works again ends the window: 'requests succeeded again', 'reachable again'")
    func worksAgain() throws {
        // 02:10 UTC requests fail; 03:55 UTC nodes restarted and requests succeeded again: 105 min.
        let text = """
            # API nodes out of memory

            On 6 March 2024 at 02:10 UTC requests began failing. By 03:55 UTC all nodes had been restarted and requests succeeded again.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "again.md")
        #expect(incident.impactWindowUTC == ["2024-03-06T02:10:00Z", "2024-03-06T03:55:00Z"])
        #expect(incident.impactEnd?.rule == "last sentence stating restoration")
    }

    @Test("'upload errors stopped at 10:31' ends the window; a deploy line followed by 'began failing immediately' starts it")
    func errorsStoppedAndUntimedImpact() throws {
        // The deploy at 10:00 UTC states no impact itself; the next sentence (no time of its
        // own) says uploads failed at once, so the start is 10:00. Errors stopped at 10:31.
        let text = """
            # Broken uploads (5 July 2022)

            At 10:00 UTC on 5 July 2022 we deployed version 4.18. Uploads began failing immediately for every customer. Later the deploy was rolled back, and upload errors stopped at 10:31 UTC.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "stopped.md")
        #expect(incident.impactWindowUTC == ["2022-07-05T10:00:00Z", "2022-07-05T10:31:00Z"])
        #expect(incident.impactStart?.rule == "first sentence stating impact")
    }

    @Test("'Remaining errors cleared; all systems operational' ends the window; 'for most customers' does not")
    func remainingCleared() throws {
        // UTC: 11:05 errors for all users; 11:30 back for most (partial); 11:48 the rest.
        let text = """
            # Outage on 2023-05-02

            All times are UTC.

            - 11:05 Dashboards fail to load for all users.
            - 11:30 Cache flushed; dashboards load again for most customers.
            - 11:48 Remaining errors cleared; all systems operational.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "remaining.md")
        #expect(incident.impactWindowUTC == ["2023-05-02T11:05:00Z", "2023-05-02T11:48:00Z"])
        #expect(incident.impactEnd?.rule == "last timeline row stating restoration")
    }

    @Test("'the last VMs were back by 09:45' is a restoration; a sentence's qualifier does not reach its other part")
    func wereBack() throws {
        // GMT = UTC: 08:17 maintenance, the next sentence states the impact; 09:10 most
        // customers back (partial); 09:45 the rest were back.
        let text = """
            Network disruption

            On 3 February 2025 at 08:17 GMT a maintenance caused a routing loop. Virtual machines lost connectivity. Connectivity was restored for most customers by 09:10 GMT; a few VMs needed a restart and were back by 09:45 GMT.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "back.txt")
        #expect(incident.impactWindowUTC == ["2025-02-03T08:17:00Z", "2025-02-03T09:45:00Z"])
    }

    @Test("A range under an 'Impact' heading is the explicit range even when its sentence names no failure")
    func rangeUnderImpactHeading() throws {
        // "All times Pacific." in January is PST, UTC-8: 9:15 am to 11:02 am is 17:15Z to 19:02Z.
        let text = """
            # Search outage - January 15, 2019

            All times Pacific.

            ## Impact

            Search returned empty results from 9:15 am to 11:02 am.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "impact-heading.md")
        #expect(incident.impactWindowUTC == ["2019-01-15T17:15:00Z", "2019-01-15T19:02:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
    }

    @Test("Years from a title's month and year ('(March 2024)') and '21st of August 2021'; clocks '4.30pm'")
    func titleYears() throws {
        // March 2024 places "Wednesday 6 March" in 2024: 02:10Z to 03:55Z.
        let (march, _) = try ProseFixture.parse(
            "# Leak (March 2024)\n\nOn Wednesday 6 March at 02:10 UTC requests began failing. At 03:55 UTC service was restored.\n", name: "month-year.md")
        #expect(march.impactWindowUTC == ["2024-03-06T02:10:00Z", "2024-03-06T03:55:00Z"])
        // BST = UTC+1: 3pm to 4.30pm is 14:00Z to 15:30Z.
        let (august, _) = try ProseFixture.parse(
            "# Payments down, 21st of August 2021\n\nCustomers were unable to pay from 3pm BST until 4.30pm BST.\n", name: "ordinal-of.md")
        #expect(august.impactWindowUTC == ["2021-08-21T14:00:00Z", "2021-08-21T15:30:00Z"])
    }

    @Test("Zones in brackets after a clock or a range's day: '17:05 (UTC+2)', '2am on Saturday 4 March (CET)'")
    func bracketedZones() throws {
        // UTC+2: 17:05 to 18:20 is 15:05Z to 16:20Z.
        let (offset, offsetWarnings) = try ProseFixture.parse(
            "# Sync delays on 2021-06-10\n\nBetween 17:05 (UTC+2) and 18:20 (UTC+2) document changes were delayed.\n", name: "offset.md")
        #expect(offset.impactWindowUTC == ["2021-06-10T15:05:00Z", "2021-06-10T16:20:00Z"])
        #expect(offsetWarnings.isEmpty)
        // CET = UTC+1 in March: 21:00 on the 3rd to 02:00 on the 4th is 20:00Z to 01:00Z.
        let (night, _) = try ProseFixture.parse(
            "# Reports, March 2023\n\nReports could not be generated from 9pm on Friday 3 March to 2am on Saturday 4 March (CET).\n", name: "night.md")
        #expect(night.impactWindowUTC == ["2023-03-03T20:00:00Z", "2023-03-04T01:00:00Z"])
    }

    @Test("Clocks written '14h05' under a CET statement")
    func hClocks() throws {
        // CET = UTC+1 in February: 14h05 is 13:05Z, 14h45 is 13:45Z.
        let text = "# Latency on 7 February 2023\n\nAll times are CET.\n\n- 14h05: checkout latency rises above four seconds\n- 14h45: latency back to normal\n"
        let (incident, _) = try ProseFixture.parse(text, name: "h-clocks.md")
        #expect(incident.events.map(\.writtenTime) == ["14h05", "14h45"])
        #expect(incident.impactWindowUTC == ["2023-02-07T13:05:00Z", "2023-02-07T13:45:00Z"])
    }

    @Test("Start:/End: fields are stated boundaries, in their own lines or run into one paragraph; a later review is not the start")
    func fieldLabels() throws {
        // 08:30Z to 09:53Z; the review on 15 April is a follow-up.
        for text in [
            "# Incident 2021-014\n\n**Start:** 2021-04-12 08:30 UTC\n**End:** 2021-04-12 09:53 UTC\n\nMessages were delayed. Incident review on 2021-04-15 at 16:00 UTC.\n",
            "Incident 2021-014\n\nStart: 2021-04-12 08:30 UTC End: 2021-04-12 09:53 UTC Severity: major\n\nMessages were delayed. Incident review on 2021-04-15 at 16:00 UTC.\n",
        ] {
            let (incident, _) = try ProseFixture.parse(text, name: "fields.md")
            #expect(incident.impactWindowUTC == ["2021-04-12T08:30:00Z", "2021-04-12T09:53:00Z"])
            #expect(incident.impactStart?.rule == "stated start")
            #expect(incident.impactEnd?.rule == "stated end")
        }
    }

    @Test("A Duration field closes a stated start; Start/End columns of a summary table are stated boundaries")
    func durationFieldAndSummaryTable() throws {
        // 11:20Z plus 47 minutes is 12:07Z.
        let duration = "# Webhooks delayed\n\n| | |\n|---|---|\n| Started | 2023-02-14 11:20 UTC |\n| Duration | 47 minutes |\n\nWebhook deliveries were delayed.\n"
        let (delayed, _) = try ProseFixture.parse(duration, name: "duration.md")
        #expect(delayed.impactWindowUTC == ["2023-02-14T11:20:00Z", "2023-02-14T12:07:00Z"])
        #expect(delayed.impactEnd?.rule == "stated start plus stated duration")
        // 13:10Z to 14:02Z from the columns; 2022-10-11 is a follow-up.
        let table = "# Registry read-only\n\n| Start | End | Impact |\n|---|---|---|\n| 2022-10-04 13:10 UTC | 2022-10-04 14:02 UTC | Publishing failed |\n\nAn alert follows by 2022-10-11.\n"
        let (registry, _) = try ProseFixture.parse(table, name: "table.md")
        #expect(registry.impactWindowUTC == ["2022-10-04T13:10:00Z", "2022-10-04T14:02:00Z"])
        #expect(registry.impactEnd?.rule == "stated end")
    }

    @Test("A status history written newest first reads each stamp with the entry above it", arguments: [
        // Markdown: each entry's stamp on the line under it.
        "# Dashboard errors - March 3, 2023\n\n**Resolved** - This incident has been resolved.\nMar 3, 15:41 UTC\n\n**Monitoring** - A fix has been deployed and error rates have returned to normal. We are monitoring.\nMar 3, 15:20 UTC\n\n**Investigating** - Some users are seeing errors on the dashboard. We are investigating.\nMar 3, 14:48 UTC\n",
        // Plain text: the stamps on lines of their own.
        "Dashboard errors - March 3, 2023\n\nResolved - This incident has been resolved.\n\nMar 3, 15:41 UTC\n\nMonitoring - A fix has been deployed and error rates have returned to normal. We are monitoring.\n\nMar 3, 15:20 UTC\n\nInvestigating - Some users are seeing errors on the dashboard. We are investigating.\n\nMar 3, 14:48 UTC\n",
        // A web page's paragraph: the stamp is the entry's last sentence.
        "<html><body><article><h1>Dashboard errors - March 3, 2023</h1><p><strong>Resolved</strong> - This incident has been resolved. Mar 3, 15:41 UTC</p><p><strong>Monitoring</strong> - A fix has been deployed and error rates have returned to normal. We are monitoring. Mar 3, 15:20 UTC</p><p><strong>Investigating</strong> - Some users are seeing errors on the dashboard. We are investigating. Mar 3, 14:48 UTC</p></article></body></html>",
    ])
    func newestFirstHistory(text: String) throws {
        // 14:48Z users see errors; 15:20Z error rates returned to normal; 15:41Z only closes it.
        let name = text.hasPrefix("<html") ? "history.html" : text.hasPrefix("#") ? "history.md" : "history.txt"
        let (incident, _) = try ProseFixture.parse(text, name: name)
        #expect(incident.impactWindowUTC == ["2023-03-03T14:48:00Z", "2023-03-03T15:20:00Z"])
    }

    @Test("Headings that number incidents make one incident each, the second crossing midnight")
    func numberedIncidents() throws {
        // UTC. Incident 1: 10:05 to 10:40 on 9 April. Incident 2: 23:50 on 11 April to 00:35 on 12 April.
        let text = """
            # Weekly report: April 2024

            All times are UTC.

            ## Incident 1: provisioning stalled (Tuesday 9 April)

            Jobs waited for a runner from 10:05 until 10:40.

            ## Incident 2: uploads failing (Thursday 11 April)

            Starting at 23:50, uploads returned errors. A new certificate was deployed at 00:30 on Friday 12 April and uploads succeeded again from 00:35.
            """
        let result = try Ingest.parse(SourceInput(path: "weekly.md", bytes: Array(text.utf8)))
        #expect(result.incidents.count == 2)
        #expect(result.incidents.map { $0.impactStart?.time.iso8601 } == ["2024-04-09T10:05:00Z", "2024-04-11T23:50:00Z"])
        #expect(result.incidents.map { $0.impactEnd?.time.iso8601 } == ["2024-04-09T10:40:00Z", "2024-04-12T00:35:00Z"])
        #expect(result.incidents.map(\.title) == ["Weekly report: April 2024: Incident 1: provisioning stalled (Tuesday 9 April)", "Weekly report: April 2024: Incident 2: uploads failing (Thursday 11 April)"])
    }

    @Test("A time earlier than one in another section is not flagged; within one list it still is; a newest-first list is not")
    func stepBackWarnings() throws {
        // The summary's 14:40 comes before the timeline's 14:20: a new section, no warning.
        let sections = "# Outage on 2022-09-01\n\nAll times are UTC.\n\nService was restored at 14:40.\n\n## Timeline\n\n- 14:20 Errors begin\n- 14:40 Service restored\n"
        let (_, quiet) = try ProseFixture.parse(sections, name: "sections.md")
        #expect(!quiet.contains { $0.message.contains("earlier than the time before it") })
        // Inside one list, 14:10 after 14:30 (not newest first throughout) is flagged.
        let list = "# Outage on 2022-09-01\n\nAll times are UTC.\n\n- 14:20 Errors begin\n- 14:30 Rollback\n- 14:10 Alert fired\n- 14:40 Service restored\n"
        let (_, flagged) = try ProseFixture.parse(list, name: "list.md")
        #expect(flagged.map(\.message) == ["'14:10' is earlier than the time before it and names no date; kept on 2022-09-01"])
        // Newest first: 10:02 restored, 09:31, 08:47 impact; nothing flagged, window 08:47Z to 10:02Z.
        let newest = "# Delays - 2024-01-22\n\nAll times are UTC.\n\n- 10:02 Emails are delivered on time again\n- 09:31 Relay capacity added\n- 08:47 Relay throttles our traffic; emails delayed\n"
        let (incident, none) = try ProseFixture.parse(newest, name: "newest.md")
        #expect(none.isEmpty)
        #expect(incident.impactWindowUTC == ["2024-01-22T08:47:00Z", "2024-01-22T10:02:00Z"])
    }

    @Test("'between 2 and 4 pm': a bare hour takes the end's meridiem; 'emails were not sent' states the impact")
    func bareHourSpanAndNegatedWork() throws {
        // GMT = UTC: 14:00Z to 16:00Z.
        let (incident, _) = try ProseFixture.parse("# Invoices on 2021-02-02\n\nAll times are in GMT.\n\nInvoice emails were not sent between 2 and 4 pm.\n", name: "bare.md")
        #expect(incident.impactWindowUTC == ["2021-02-02T14:00:00Z", "2021-02-02T16:00:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
        // A negated verb of the service's work is impact; one of noticing or losing is not.
        #expect(ProseFailureClause.states("invoice emails were not sent"))
        #expect(ProseFailureClause.states("builds didn't start"))
        #expect(!ProseFailureClause.states("data was not lost and the alert was not noticed"))
        #expect(!ProseFailureClause.states("emails were sent"))
    }

    @Test("An offset written with a minus sign (U+2212): 'UTC\u{2212}5' is UTC-5")
    func unicodeMinus() throws {
        // 13:05 to 13:50 at UTC-5 is 18:05Z to 18:50Z.
        let (incident, _) = try ProseFixture.parse("# Writes refused on 2020-10-10\n\nFrom 13:05 to 13:50 UTC\u{2212}5 the database refused writes.\n", name: "minus.md")
        #expect(incident.impactWindowUTC == ["2020-10-10T18:05:00Z", "2020-10-10T18:50:00Z"])
    }

    @Test("'from 9pm on the 3rd to 2am on the 4th' takes the month and year of the title")
    func dayOfMonthOrdinals() throws {
        // UTC, March 2023: 21:00Z on 3 March to 02:00Z on 4 March.
        let (incident, _) = try ProseFixture.parse("# Queue outage, March 2023\n\nAll times UTC.\n\nJobs failed to start from 9pm on the 3rd to 2am on the 4th.\n", name: "ordinals.md")
        #expect(incident.impactWindowUTC == ["2023-03-03T21:00:00Z", "2023-03-04T02:00:00Z"])
    }

    @Test("A blog page: nav, header and footer dropped, the year from <time datetime>, the provider from the site name")
    func blogPage() throws {
        // Tuesday May 17 in 2022 (from the byline's datetime): 14:10Z to 14:55Z. The nav's
        // "Posted 10:00 UTC" and the footer's update stamp are not the incident's.
        let page = """
            <!DOCTYPE html><html><head><title>Why builds stalled | Example Blog</title><meta property="og:site_name" content="Example Blog"></head>
            <body><header><nav><a href="/">Home</a> Posted 10:00 UTC</nav></header><main><article>
            <h1>Why builds stalled</h1><p>By the build team, <time datetime="2022-05-19">May 19</time></p>
            <p>On Tuesday, May 17, builds were stuck in the queue between 14:10 and 14:55 UTC.</p>
            </article></main><footer>Updated 2022-06-01 09:00 UTC.</footer></body></html>
            """
        let (incident, _) = try ProseFixture.parse(page, name: "blog.html")
        #expect(incident.impactWindowUTC == ["2022-05-17T14:10:00Z", "2022-05-17T14:55:00Z"])
        #expect(incident.provider == "Example Blog")
        #expect(incident.events.count == 1)
    }

    @Test("A timeline heading whose bracket ends with a zone ('## Timeline (newest first, UTC)') states the zone")
    func zoneInTimelineHeading() throws {
        // PDT in June is UTC-7: 09:02 to 09:40 is 16:02Z to 16:40Z; no zone is assumed, so no warning.
        let text = "# Sync outage on 2021-06-03\n\n## Timeline (newest first, PDT)\n\n- 09:40 Sync works again\n- 09:20 Cause found\n- 09:02 Sync fails for all users\n"
        let (incident, warnings) = try ProseFixture.parse(text, name: "heading-zone.md")
        #expect(incident.impactWindowUTC == ["2021-06-03T16:02:00Z", "2021-06-03T16:40:00Z"])
        #expect(warnings.isEmpty)
    }

    @Test("Restorations as levels and states: 'returned to pre-incident levels', 'latency normal again', 'payments succeed', 'error rate back below 0.1%'")
    func levelsAndStates() throws {
        // Each text: impact at 10:03 UTC, restoration at 10:26 UTC, closed at 11:15 UTC (not the end).
        for restoration in ["Error rates returned to pre-incident levels", "Search latency normal again", "Failover finished, payments succeed", "Error rate back below 0.1%"] {
            let text = "# Errors on 2024-02-27\n\nAll times are UTC.\n\n- 10:03 Checkout 5xx at 30%\n- 10:26 \(restoration)\n- 11:15 Incident closed\n"
            let (incident, _) = try ProseFixture.parse(text, name: "levels.md")
            #expect(incident.impactWindowUTC == ["2024-02-27T10:03:00Z", "2024-02-27T10:26:00Z"], "\(restoration)")
        }
        // An engineer's check that "succeeds" is work, not the service coming back.
        #expect(!ProseRestorationClause.states("logs in to check everything is okay and succeeds"))
    }

    @Test("'Times are UK time (BST)': the zone in brackets after a place's time states it")
    func bracketedZoneStatement() throws {
        // BST = UTC+1: 10:42am is 09:42Z, 12:20pm is 11:20Z.
        let text = "# Basket failures (2022-08-03)\n\nTimes are UK time (BST).\n\n| Time | Event |\n|---|---|\n| 10:42am | Basket page failing |\n| 12:20pm | Basket page working again |\n"
        let (incident, warnings) = try ProseFixture.parse(text, name: "uk-time.md")
        #expect(incident.impactWindowUTC == ["2022-08-03T09:42:00Z", "2022-08-03T11:20:00Z"])
        #expect(warnings.isEmpty)
    }

    @Test("A restoration in a clause of its own 'a few minutes later' is at the sentence's one time; 'two hours later' is not")
    func restorationSoonAfter() throws {
        // 02:35 UTC impact; fixed at 03:50 and reachable a few minutes later: the end is 03:50 (the
        // 05:00 closing only closes). With "two hours later" the sentence states no end at its time.
        let text = "# DNS failures\n\nAt 02:35 UTC on 19 March 2023 the DNS provider started returning errors. The provider fixed the problem at 03:50 UTC, and our site was reachable again a few minutes later. We closed the incident at 05:00 UTC.\n"
        let (incident, _) = try ProseFixture.parse(text, name: "soon.md")
        #expect(incident.impactWindowUTC == ["2023-03-19T02:35:00Z", "2023-03-19T03:50:00Z"])
        #expect(!ProseRestorationClause.statesSoonAfter("The provider fixed the problem at 03:50 UTC, and our site was reachable again two hours later."))
    }
}
