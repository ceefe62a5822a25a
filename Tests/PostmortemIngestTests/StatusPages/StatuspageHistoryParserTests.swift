import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage front and history pages")
struct StatuspageHistoryParserTests {
    static let acme = "statuspage-history-acme-pst.html"
    static let lumen = "statuspage-front-lumen-gmt8.html"
    static let kiwi = "statuspage-front-kiwi-nzdt.html"

    @Test func readsEveryIncidentInPageOrderWithImpactAndLink() throws {
        let result = try StatusPageFixture.parse(Self.acme)
        #expect(result.format == .statuspageHistory)
        #expect(result.incidents.map(\.title) == [
            "Elevated API error rates", "Scheduled database maintenance", "Elevated API error rates", "Delayed webhook deliveries",
        ])
        #expect(result.incidents.map(\.impact) == ["major", "maintenance", "minor", "minor"])
        #expect(result.incidents.map(\.provider) == ["Acme", "Acme", "Acme", "Acme"])
        #expect(result.incidents[0].url == "https://status.acme.example/incidents/k2mtv9x1qz4p")
        #expect(result.incidents[0].sources == [Self.acme])
    }

    @Test func duplicateTitlesStaySeparateIncidents() throws {
        let result = try StatusPageFixture.parse(Self.acme)
        let twins = result.incidents.filter { $0.title == "Elevated API error rates" }
        #expect(twins.map(\.url) == [
            "https://status.acme.example/incidents/k2mtv9x1qz4p", "https://status.acme.example/incidents/7wq1x3c5v0ne",
        ])
        #expect(twins.map(\.events.count) == [6, 2])
        #expect(twins[1].events.map(\.time.iso8601) == ["2021-01-12T21:47:00Z", "2021-01-12T22:20:00Z"])
    }

    @Test func statusGoingBackwardsAndSameMinuteUpdatesKeepTheirOrder() throws {
        let incident = try StatusPageFixture.parse(Self.acme).incidents[0]
        #expect(incident.events.map(\.status) == [
            "investigating", "identified", "monitoring", "investigating", "monitoring", "resolved",
        ])
        #expect(incident.events.map(\.time.iso8601) == [
            "2021-01-19T15:31:00Z", "2021-01-19T15:55:00Z", "2021-01-19T15:55:00Z",
            "2021-01-19T16:12:00Z", "2021-01-19T16:41:00Z", "2021-01-19T17:06:00Z",
        ])
        #expect(incident.events[0].writtenTime == "Jan 19, 07:31 PST")
        #expect(incident.events[0].zone == WrittenZone(token: "PST", offsetSeconds: -28_800))
        #expect(incident.events[0].text == "We are investigating elevated error rates on the REST API.")
        #expect(incident.events[0].source == SourceLocation(file: Self.acme, line: 45))
        #expect(incident.events[5].text == "This incident has been resolved. Error rates have been at baseline for 25 minutes.")
    }

    @Test func decemberUpdatesUnderAJanuaryDayFallInThePreviousYear() throws {
        let incident = try StatusPageFixture.parse(Self.acme).incidents[3]
        #expect(incident.title == "Delayed webhook deliveries")
        #expect(incident.events.map(\.time.iso8601) == [
            "2021-01-01T06:47:00Z", "2021-01-01T07:58:00Z", "2021-01-01T10:10:00Z",
        ])
        #expect(incident.events.map(\.writtenTime) == ["Dec 31, 22:47 PST", "Dec 31, 23:58 PST", "Jan 1, 02:10 PST"])
    }

    @Test func incidentListedUnderALaterDayKeepsItsEarlierFirstUpdate() throws {
        let maintenance = try StatusPageFixture.parse(Self.acme).incidents[1]
        #expect(maintenance.events.map(\.status) == ["scheduled", "in progress", "completed"])
        #expect(maintenance.events.map(\.time.iso8601) == [
            "2021-01-13T18:22:00Z", "2021-01-15T10:00:00Z", "2021-01-15T12:00:00Z",
        ])
    }

    @Test func unreadableStampIsReportedWithItsLine() throws {
        let result = try StatusPageFixture.parse(Self.acme)
        #expect(result.warnings == [
            ParseWarning(
                location: SourceLocation(file: Self.acme, line: 94),
                message: "skipped an update: 'Jan 12, 25:10 PST' is not a time of day"),
        ])
    }

    @Test func frontPageBoxesTakeTheYearFromTheLatestDayAndSaySo() throws {
        let result = try StatusPageFixture.parse(Self.lumen)
        #expect(result.incidents.map(\.title) == [
            "Ledger database upgrade", "Card payments failing in Singapore", "Dashboard login slowness", "Payout delays",
        ])
        #expect(result.incidents.map(\.impact) == ["maintenance", "critical", "none", "major"])
        #expect(result.incidents[0].url == "/incidents/l3d9g8r2u6pq")
        #expect(result.incidents[0].events.map(\.time.iso8601) == ["2024-03-01T10:30:00Z"])
        #expect(result.incidents[0].events.map(\.status) == ["scheduled"])
        #expect(result.warnings.map(\.description) == [
            "\(Self.lumen):36: the year of 'Mar 1, 18:30 GMT+08:00' was inferred from the latest day on the page, 2024-03-04",
        ])
    }

    @Test func unresolvedIncidentShownInItsBoxAndUnderTodayIsReadOnceFromTheDay() throws {
        let result = try StatusPageFixture.parse(Self.lumen)
        let card = result.incidents.filter { $0.url == "/incidents/s9c4r1t7p2aq" }
        #expect(card.count == 1)
        #expect(card.first?.events.map(\.time.iso8601) == ["2024-03-04T01:52:00Z", "2024-03-04T02:15:00Z"])
        #expect(card.first?.events.map(\.source.line) == [59, 54])
        #expect(card.first?.events.map(\.zone) == [
            WrittenZone(token: "GMT+08:00", offsetSeconds: 28_800), WrittenZone(token: "GMT+08:00", offsetSeconds: 28_800),
        ])
    }

    @Test func leapDayUpdatesCrossIntoMarchLocallyButNotInUTC() throws {
        let payouts = try StatusPageFixture.parse(Self.lumen).incidents[3]
        #expect(payouts.events.map(\.time.iso8601) == ["2024-02-29T15:30:00Z", "2024-02-29T16:20:00Z"])
        #expect(payouts.events.map(\.writtenTime) == ["Feb 29, 23:30 GMT+08:00", "Mar 1, 00:20 GMT+08:00"])
    }

    @Test func boxesWithoutAnyDateNeedAReferenceDate() throws {
        #expect(throws: IngestError.noTimeline(
            file: Self.kiwi,
            expected: "a year for the updates in the boxes at the top of the page; the page has no dated days, so give --reference-date")
        ) {
            try StatusPageFixture.parse(Self.kiwi)
        }
    }

    @Test func referenceDateResolvesBoxesAcrossNewYear() throws {
        let result = try StatusPageFixture.parse(Self.kiwi, options: IngestOptions(referenceDate: CivilDate(year: 2025, month: 1, day: 2)))
        let incident = try #require(result.incidents.first)
        #expect(incident.title == "Sync delays for Auckland workspaces")
        #expect(incident.events.map(\.time.iso8601) == ["2024-12-30T10:40:00Z", "2024-12-31T11:15:00Z"])
        #expect(incident.events.map(\.status) == ["investigating", "monitoring"])
        #expect(result.warnings.map(\.message) == [
            "the year of 'Jan 1, 00:15 NZDT' was inferred from --reference-date 2025-01-02",
            "the year of 'Dec 30, 23:40 NZDT' was inferred from --reference-date 2025-01-02",
        ])
    }

    @Test func aBoxStampIsNeverLaterThanThePageWasRendered() throws {
        let name = "statuspage-front-issued-utc.html"
        let result = try StatusPageFixture.parse(name)
        let incident = try #require(result.incidents.first)
        #expect(incident.title == "Tile rendering slow for the southern hemisphere")
        #expect(incident.events.map(\.time.iso8601) == ["2020-03-16T04:38:00Z", "2021-01-21T18:02:00Z"])
        #expect(incident.events.map(\.status) == ["investigating", "monitoring"])
        let inferred = "was inferred from the page's render time (<meta name=\"issued\">), 2021-01-22T08:00:00Z"
        #expect(result.warnings.map(\.message) == [
            "the year of 'Jan 21, 18:02 UTC' \(inferred)",
            "the year of 'Mar 16, 04:38 UTC' \(inferred); 'Mar 16, 04:38 UTC' in 2021 would be after the page was rendered (2021-01-22T08:00:00Z); taken as 2020",
        ])
        #expect(result.warnings.map(\.location.line) == [17, 22])
    }
}
