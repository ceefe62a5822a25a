import PostmortemIngest
import PostmortemTimeline
import Testing

/// Our own fixtures in the shapes real postmortems take, each with its window worked out by hand.
struct WindowExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String
    var start: String
    var end: String
    var startRule: String
    var endRule: String
    var startStated: Bool
    var endStated: Bool
    /// The lines of the sentences each end was read from.
    var startLine: Int
    var endLine: Int

    var testDescription: String { file }
}

@Suite("Prose: impact windows from ranked evidence")
struct ProseWindowEvidenceTests {
    static let expectations: [WindowExpectation] = [
        // 8:19 AM KST on March 8 is 23:19 UTC on March 7; 9:43 AM KST is 00:43 UTC.
        WindowExpectation(
            file: "login-range-kst-2023-03-08.md", title: "Login failures on March 8, 2023", start: "2023-03-07T23:19:00Z",
            end: "2023-03-08T00:43:00Z", startRule: "explicit range", endRule: "explicit range", startStated: true, endStated: true, startLine: 5, endLine: 5),
        // The summary's range beats the timeline's last row (18:15), with a warning.
        WindowExpectation(
            file: "checkout-timeline-table-2024-02-14.md", title: "Checkout errors on 2024-02-14", start: "2024-02-14T16:58:00Z",
            end: "2024-02-14T18:46:00Z", startRule: "explicit range", endRule: "explicit range", startStated: true, endStated: true, startLine: 12, endLine: 12),
        // PDT is UTC-7: 09:05 -> 16:05Z; the "believed resolved" at 09:40 and the clean-up at 11:15 do not end it, 10:30 does.
        WindowExpectation(
            file: "api-errors-bullets-2022-06-03.md", title: "API errors on June 3, 2022", start: "2022-06-03T16:05:00Z",
            end: "2022-06-03T17:30:00Z", startRule: "first timeline row stating impact", endRule: "stated end", startStated: false,
            endStated: true, startLine: 6, endLine: 9),
        WindowExpectation(
            file: "db-failover-page-2021-05-26.html", title: "Database failover incident", start: "2021-05-26T14:05:00Z",
            end: "2021-05-26T15:20:00Z", startRule: "explicit range", endRule: "explicit range", startStated: true, endStated: true, startLine: 19, endLine: 19),
        WindowExpectation(
            file: "db-failover-2021-05-26.md", title: "Database failover incident", start: "2021-05-26T14:05:00Z",
            end: "2021-05-26T15:20:00Z", startRule: "explicit range", endRule: "explicit range", startStated: true, endStated: true, startLine: 12, endLine: 12),
        WindowExpectation(
            file: "db-failover-2021-05-26.txt", title: "Database failover incident", start: "2021-05-26T14:05:00Z",
            end: "2021-05-26T15:20:00Z", startRule: "explicit range", endRule: "explicit range", startStated: true, endStated: true, startLine: 9, endLine: 9),
        // The deploy three days before, the code block, the follow-up dates and "Time to detection" are noise.
        WindowExpectation(
            file: "queue-noise-2020-11-05.md", title: "Message queue outage, Thursday November 5, 2020", start: "2020-11-05T13:10:00Z",
            end: "2020-11-05T14:02:00Z", startRule: "stated start", endRule: "last sentence stating restoration", startStated: true,
            endStated: false, startLine: 5, endLine: 5),
        // "All times in CET" in June: converted as written, UTC+1.
        WindowExpectation(
            file: "sync-cet-june-2022-06-02.md", title: "Sync delays on 2 June 2022", start: "2022-06-02T09:00:00Z",
            end: "2022-06-02T10:30:00Z", startRule: "stated start", endRule: "stated end", startStated: true, endStated: true, startLine: 5, endLine: 6),
        WindowExpectation(
            file: "notifications-provider-2019-09-10.txt", title: "Delayed notifications on September 10, 2019", start: "2019-09-10T15:02:00Z",
            end: "2019-09-10T15:47:00Z", startRule: "explicit range", endRule: "explicit range", startStated: true, endStated: true, startLine: 3, endLine: 3),
    ]

    @Test("Each fixture's window, with the rule and whether the text states it", arguments: expectations)
    func window(_ expected: WindowExpectation) throws {
        let (incident, _) = try ProseFixture.read(expected.file)
        #expect(incident.title == expected.title)
        let start = try #require(incident.impactStart)
        let end = try #require(incident.impactEnd)
        #expect(start.time.iso8601 == expected.start)
        #expect(end.time.iso8601 == expected.end)
        #expect(start.rule == expected.startRule)
        #expect(end.rule == expected.endRule)
        #expect(start.isStated == expected.startStated)
        #expect(end.isStated == expected.endStated)
        #expect([start.source.line, end.source.line] == [expected.startLine, expected.endLine])
        // Each end carries the sentence of the event it was read from.
        #expect(start.text == incident.events.first { $0.source.line == expected.startLine }?.text)
        // The metrics' window is the same one.
        let window = try #require(ProseImpactWindow.infer(from: incident))
        #expect(window.start == start.time && window.end == end.time)
    }

    @Test("A web page, its Markdown and its plain text give the same events and window")
    func sameAcrossMarkup() throws {
        let (page, _) = try ProseFixture.read("db-failover-page-2021-05-26.html")
        let (markdown, _) = try ProseFixture.read("db-failover-2021-05-26.md")
        let (text, _) = try ProseFixture.read("db-failover-2021-05-26.txt")
        #expect(page.events.map(\.time) == markdown.events.map(\.time))
        #expect(text.events.map(\.time) == markdown.events.map(\.time))
        #expect(page.events.map(\.time.iso8601) == [
            "2021-05-26T14:05:00Z", "2021-05-26T14:05:00Z", "2021-05-26T14:30:00Z", "2021-05-26T15:20:00Z",
        ])
        #expect(page.impactEnd?.time == text.impactEnd?.time)
    }

    @Test("The web page: site name as provider, the year from its publication date, header and footer times dropped, the code block warned")
    func webPage() throws {
        let (incident, warnings) = try ProseFixture.read("db-failover-page-2021-05-26.html")
        #expect(incident.provider == "Example Cloud")
        #expect(incident.events.allSatisfy { $0.time.civil().date == CivilDate(year: 2021, month: 5, day: 26) })
        #expect(warnings.map(\.message) == ["skipped the times in a code block (quoted logs or commands are not the incident's timeline)"])
        #expect(warnings.first?.location.line == 26)
    }

    @Test("A summary range and a timeline's last row 31 minutes apart: the range is kept, both are in the warning")
    func disagreement() throws {
        let (_, warnings) = try ProseFixture.read("checkout-timeline-table-2024-02-14.md")
        #expect(warnings.map(\.message) == [
            "the impact end readings disagree by 31 minutes: kept 2024-02-14T18:46:00Z (line 12: '16:58 to 18:46 UTC'), not 2024-02-14T18:15:00Z (line 22: '2024-02-14 18:15')"
        ])
    }

    @Test("A zone abbreviation against the season is converted as written, with a warning naming the line")
    func seasonWarning() throws {
        let (incident, warnings) = try ProseFixture.read("sync-cet-june-2022-06-02.md")
        #expect(incident.events.first?.zone?.offsetSeconds == 3600)
        #expect(warnings.map(\.message) == ["'CET' (line 3) is stated for 2022-06-02, when CEST was in force; converted as written (UTC+1)"])
    }

    @Test("A time returning into a stated range is not flagged; a range in KST needs no other zone")
    func rangeThenDetail() throws {
        let (incident, warnings) = try ProseFixture.read("login-range-kst-2023-03-08.md")
        #expect(warnings.isEmpty)
        #expect(incident.event(written: "8:21 AM KST")?.time.iso8601 == "2023-03-07T23:21:00Z")
    }

    @Test("Four outages in one write-up are four incidents, one crossing midnight")
    func severalIncidents() throws {
        let result = try Ingest.read(path: ProseFixture.path("recurring-outages-2024-03.md"))
        let windows = result.incidents.map { "\($0.impactStart?.time.iso8601 ?? "-") \($0.impactEnd?.time.iso8601 ?? "-")" }
        #expect(windows == [
            "2024-03-03T09:10:00Z 2024-03-03T09:35:00Z", "2024-03-10T11:00:00Z 2024-03-10T11:42:00Z",
            "2024-03-17T23:40:00Z 2024-03-18T00:25:00Z", "2024-03-24T06:05:00Z 2024-03-24T06:20:00Z",
        ])
        #expect(result.incidents.map(\.title).last == "Recurring cache outages in March 2024: March 24, 2024")
        #expect(result.incidents.map { $0.events.count } == [1, 2, 1, 2])
    }

    @Test("A provider mentioned in passing is not the provider; the title is the first line")
    func providerOnlyWhenTheTextSaysWhoWrites() throws {
        let (incident, _) = try ProseFixture.read("notifications-provider-2019-09-10.txt")
        #expect(incident.provider == nil)
        #expect(incident.title == "Delayed notifications on September 10, 2019")
    }

    @Test("--reference-date contradicted by the text's own date: a warning with both")
    func referenceDateContradicted() throws {
        let (_, warnings) = try ProseFixture.read("login-range-kst-2023-03-08.md", options: IngestOptions(referenceDate: CivilDate(year: 2020, month: 6, day: 1)))
        #expect(warnings.map(\.message) == ["--reference-date 2020-06-01 is contradicted by the text's date 'March 8, 2023' (2023-03-08); kept --reference-date"])
        #expect(warnings.first?.location.line == 1)
    }

    @Test("Stated durations close a stated start: 'lasting two hours and six minutes, beginning at 00:23 UTC'")
    func statedDuration() throws {
        let (incident, _) = try ProseFixture.parse("Power loss on January 28, 2016\n\nThe site had an outage lasting two hours and six minutes, beginning at 00:23 UTC.\n")
        #expect(incident.impactWindowUTC == ["2016-01-28T00:23:00Z", "2016-01-28T02:29:00Z"])
        #expect(incident.impactEnd?.rule == "stated start plus stated duration")
    }

    @Test("A document with no time of day at all: the error names the file")
    func noTimeAtAll() {
        #expect {
            _ = try Ingest.parse(SourceInput(path: "apology.md", bytes: Array("# Sorry\n\nOur site was down on Tuesday for a while.\n".utf8)))
        } throws: { error in
            guard let error = error as? IngestError, case .noTimeline(let file, let expected) = error else { return false }
            return file == "apology.md" && expected.contains("holds no time of day")
        }
    }

    @Test("Chat-log stamps are skipped with one warning per block")
    func chatStamps() throws {
        let text = "Build outage on May 30, 2019\n\nAll times PDT.\n\nThe outage began at 13:26 and ended at 14:10.\n\n[8:27 AM] alice: looking\n[8:29 AM] bob: restarting\n"
        let (incident, warnings) = try ProseFixture.parse(text)
        #expect(incident.events.count == 2)
        #expect(incident.impactWindowUTC == ["2019-05-30T20:26:00Z", "2019-05-30T21:10:00Z"])
        #expect(warnings.map(\.message) == ["skipped chat or log stamps like '[8:27 AM]' (not the incident's timeline)"])
    }
}
