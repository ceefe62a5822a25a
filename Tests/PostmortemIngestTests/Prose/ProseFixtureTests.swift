import PostmortemIngest
import PostmortemTimeline
import Testing

/// A prose fixture of our own with its hand-worked timeline.
struct ProseExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String
    /// Every event's UTC instant, in time order.
    var times: [String]
    /// Every event's status, in the same order.
    var statuses: [String?]
    /// Every event's source line, in the same order.
    var lines: [Int?]
    var windowStart: String?
    var windowEnd: String?
    var warnings: Int
    var referenceDate: CivilDate? = nil
    var zone: WrittenZone? = nil

    var testDescription: String { file }
}

@Suite("Prose: fixtures in other house styles")
struct ProseFixtureTests {
    static let expectations: [ProseExpectation] = [
        ProseExpectation(
            file: "aws-s3-2008-07-20-followup.txt", title: "Follow-up on the Amazon S3 service event of July 20, 2008",
            times: [
                "2008-07-20T15:40:00Z", "2008-07-20T17:32:00Z", "2008-07-20T18:05:00Z", "2008-07-20T21:20:00Z",
                "2008-07-20T22:10:00Z", "2008-07-20T23:58:00Z",
            ],
            statuses: ["impact", "recovering", "recovering", "recovering", "restored", "restored"], lines: [3, 5, 5, 5, 5, 5],
            windowStart: "2008-07-20T15:40:00Z", windowEnd: "2008-07-20T23:58:00Z", warnings: 0),
        ProseExpectation(
            file: "utc-log-2024-03-05.txt", title: "Storage API incident, 5 March 2024",
            times: ["2024-03-05T14:05:33Z", "2024-03-05T14:11:00Z", "2024-03-05T14:32:00Z", "2024-03-05T15:47:00Z"],
            statuses: ["impact", nil, "recovering", "restored"], lines: [6, 7, 8, 9],
            windowStart: "2024-03-05T14:05:33Z", windowEnd: "2024-03-05T15:47:00Z", warnings: 0),
        ProseExpectation(
            file: "am-pm-dots-2019-06-04.txt", title: "Checkout outage report",
            times: ["2019-06-04T13:12:00Z", "2019-06-04T13:20:00Z", "2019-06-04T14:05:00Z", "2019-06-04T14:40:00Z", "2019-06-04T15:00:00Z"],
            statuses: ["impact", nil, "recovering", "restored", "restored"], lines: [3, 3, 3, 3, 3],
            // Corrected: the window ends when purchases were back to normal (10:40 a.m. ET), not
            // when the incident was declared resolved at 11 a.m.
            windowStart: "2019-06-04T13:12:00Z", windowEnd: "2019-06-04T14:40:00Z", warnings: 0),
        ProseExpectation(
            file: "mixed-zones-2022-07-14.txt", title: "Payments platform degradation, 14 July 2022",
            times: ["2022-07-14T07:55:00Z", "2022-07-14T09:02:00Z", "2022-07-14T09:30:00Z", "2022-07-14T10:20:00Z"],
            statuses: ["impact", "impact", "impact", "restored"], lines: [3, 3, 3, 3],
            // Corrected: 'CET' on 14 July (summer time) is converted as written and now warned about.
            windowStart: "2022-07-14T07:55:00Z", windowEnd: "2022-07-14T10:20:00Z", warnings: 1),
        ProseExpectation(
            file: "year-boundary-2023-12-31.txt", title: "New Year's Eve sign-in failures",
            times: ["2024-01-01T07:42:00Z", "2024-01-01T07:58:00Z", "2024-01-01T08:25:00Z", "2024-01-01T08:40:00Z"],
            statuses: ["impact", "impact", nil, "restored"], lines: [5, 5, 5, 5],
            windowStart: "2024-01-01T07:42:00Z", windowEnd: "2024-01-01T08:40:00Z", warnings: 0),
        ProseExpectation(
            file: "iso-seconds-2023-06-13.txt", title: "Queue backlog on 2023-06-13",
            times: ["2023-06-13T15:02:11Z", "2023-06-13T15:09:40Z", "2023-06-13T15:31:05Z", "2023-06-13T16:04:59Z"],
            statuses: ["impact", nil, "recovering", "restored"], lines: [3, 4, 5, 6],
            windowStart: "2023-06-13T15:02:11Z", windowEnd: "2023-06-13T16:04:59Z", warnings: 0),
        ProseExpectation(
            file: "spans-2021-08-06.txt", title: "Scheduled maintenance overrun",
            times: ["2021-08-07T04:16:00Z", "2021-08-07T06:50:00Z", "2021-08-07T07:35:00Z"],
            statuses: ["impact", nil, "restored"], lines: [3, 3, 3],
            windowStart: "2021-08-07T04:16:00Z", windowEnd: "2021-08-07T07:35:00Z", warnings: 0),
        ProseExpectation(
            file: "parts-of-day-2020-11-09.txt", title: "Search indexing delays",
            times: ["2020-11-09T20:00:00Z", "2020-11-09T23:15:00Z", "2020-11-10T02:00:00Z", "2020-11-11T08:00:00Z", "2020-11-11T20:00:00Z"],
            statuses: ["impact", "recovering", nil, "recovering", nil], lines: [3, 3, 3, 3, 3],
            windowStart: "2020-11-09T20:00:00Z", windowEnd: nil, warnings: 0),
        ProseExpectation(
            file: "asia-zones-2011-04-21.txt", title: "Regional CDN incident report",
            times: ["2011-04-21T03:40:00Z", "2011-04-21T04:25:00Z", "2011-04-21T05:00:00Z", "2011-04-21T10:05:00Z", "2011-04-21T11:30:00Z"],
            statuses: ["impact", nil, "impact", "recovering", "restored"], lines: [3, 3, 3, 3, 3],
            windowStart: "2011-04-21T03:40:00Z", windowEnd: "2011-04-21T11:30:00Z", warnings: 0),
        ProseExpectation(
            // 07:45 names no zone: it takes the UTC the text writes at 08:30, as an assumption.
            file: "zones-missing-2018-10-02.txt", title: "Build farm stall, 2 October 2018",
            times: ["2018-10-02T07:45:00Z", "2018-10-02T08:30:00Z"], statuses: ["impact", "restored"], lines: [3, 3],
            windowStart: "2018-10-02T07:45:00Z", windowEnd: "2018-10-02T08:30:00Z", warnings: 2),
        ProseExpectation(
            file: "zones-missing-2018-10-02.txt", title: "Build farm stall, 2 October 2018",
            times: ["2018-10-02T07:45:00Z", "2018-10-02T08:30:00Z"], statuses: ["impact", "restored"], lines: [3, 3],
            windowStart: "2018-10-02T07:45:00Z", windowEnd: "2018-10-02T08:30:00Z", warnings: 2, zone: .utc),
        ProseExpectation(
            file: "no-year-mail-delays.txt", title: "Mail delivery delays",
            times: ["2017-03-03T14:20:00Z", "2017-03-03T15:05:00Z", "2017-03-03T16:40:00Z"],
            statuses: ["impact", nil, "restored"], lines: [3, 3, 3],
            windowStart: "2017-03-03T14:20:00Z", windowEnd: "2017-03-03T16:40:00Z", warnings: 0,
            referenceDate: CivilDate(year: 2017, month: 3, day: 1)),
    ]

    @Test("Each fixture gives its hand-worked timeline", arguments: expectations)
    func timeline(_ expected: ProseExpectation) throws {
        let options = IngestOptions(referenceDate: expected.referenceDate, defaultZone: expected.zone)
        let (incident, warnings) = try ProseFixture.read(expected.file, options: options)
        #expect(incident.title == expected.title)
        #expect(incident.events.map(\.time.iso8601) == expected.times)
        #expect(incident.events.map(\.status) == expected.statuses)
        #expect(warnings.count == expected.warnings)
        #expect(incident.events.map(\.source.line) == expected.lines)
        #expect(incident.events.allSatisfy { $0.writtenTime.map($0.text.contains) == true })
        let window = ProseImpactWindow.infer(from: incident)
        #expect(window?.start.iso8601 == expected.windowStart)
        #expect(window?.end?.iso8601 == expected.windowEnd)
    }

    @Test("S3 follow-up: regions on the regional restorations, a 498-minute window")
    func s3FollowUp() throws {
        let (incident, _) = try ProseFixture.read("aws-s3-2008-07-20-followup.txt")
        #expect(incident.provider == "AWS")
        #expect(incident.services == ["S3"])
        #expect(incident.regions == ["EU", "US"])
        #expect(incident.events.map(\.region) == [nil, nil, nil, nil, "EU", "US"])
        #expect(incident.events.map(\.writtenTime) == ["8:40 AM PDT", "10:32 AM PDT", "11:05 AM PDT", "2:20 PM PDT", "3:10 PM PDT", "4:58 PM PDT"])
        #expect(incident.events.first?.service == "S3")
        let window = try #require(ProseImpactWindow.infer(from: incident))
        let end = try #require(window.end)
        #expect(window.start.minutes(until: end) == 498)
        #expect(window.endEvent?.text == "In the US, requests returned to normal at 4:58 PM PDT.")
    }

    @Test("Spans keep both ends, across midnight too")
    func spans() throws {
        let (incident, _) = try ProseFixture.read("spans-2021-08-06.txt")
        #expect(incident.events.map { $0.endTime?.iso8601 } == ["2021-08-07T06:16:00Z", "2021-08-07T07:20:00Z", nil])
        #expect(incident.events.first?.writtenTime == "9:16 PM to 11:16 PM PDT")
        #expect(incident.events.first?.zone?.offsetSeconds == -25_200)
    }

    @Test("Parts of days are spans with part-of-day precision in the zone last written")
    func partsOfDay() throws {
        let (incident, _) = try ProseFixture.read("parts-of-day-2020-11-09.txt")
        #expect(incident.events.map(\.precision) == [.minute, .minute, .partOfDay, .minute, .partOfDay])
        #expect(incident.events[2].endTime?.iso8601 == "2020-11-10T20:00:00Z")
        #expect(incident.events[4].writtenTime == "Wednesday afternoon")
        #expect(incident.events[4].endTime?.iso8601 == "2020-11-12T02:00:00Z")
        #expect(incident.events[3].writtenTime == "midnight PST on November 11")
    }

    @Test("Figures in the fixtures become observations with their subjects")
    func observations() throws {
        let (log, _) = try ProseFixture.read("utc-log-2024-03-05.txt")
        #expect(log.observations.map(\.value) == [5])
        #expect(log.observations.first?.subject == "requests")
        #expect(log.observations.first?.time?.iso8601 == "2024-03-05T14:05:33Z")
        let (mixed, _) = try ProseFixture.read("mixed-zones-2022-07-14.txt")
        #expect(mixed.observations.first?.value == 12)
        #expect(mixed.observations.first?.subject == "requests failed")
        #expect(mixed.observations.first?.time?.iso8601 == "2022-07-14T09:30:00Z")
        let (queue, _) = try ProseFixture.read("iso-seconds-2023-06-13.txt")
        #expect(queue.observations.first?.value == 48_000)
        #expect(queue.observations.first?.unit == .count)
        #expect(queue.observations.first?.subject == "messages")
    }

    @Test("A time with no zone takes the zone the text writes elsewhere, as an assumption with a warning, or --zone; an unknown zone is named")
    func zoneWarnings() throws {
        let (assumed, plain) = try ProseFixture.read("zones-missing-2018-10-02.txt")
        #expect(plain.map(\.message) == [
            "'07:45' and the text's other times without a zone: assumed UTC (the zone the text writes at line 3 ('08:30 UTC')); give --zone to choose another",
            "skipped a time: unknown time zone 'NZT' in '08:10 NZT'",
        ])
        #expect(plain.allSatisfy { $0.location.line == 3 })
        #expect(assumed.impactStart?.zoneAssumption == "UTC, assumed: the zone the text writes at line 3 ('08:30 UTC')")
        #expect(assumed.impactEnd?.zoneAssumption == nil)
        let (incident, zoned) = try ProseFixture.read("zones-missing-2018-10-02.txt", options: IngestOptions(defaultZone: .utc))
        #expect(zoned.first?.message == "'07:45' names no zone; used UTC from --zone")
        #expect(incident.events.first?.zone == .utc)
    }

    @Test("A year boundary: December 31 in a January write-up, then 'the next day'")
    func yearBoundary() throws {
        let (incident, warnings) = try ProseFixture.read("year-boundary-2023-12-31.txt")
        #expect(warnings.isEmpty)
        #expect(incident.events.first?.writtenTime == "11:42 PM PST on December 31")
        #expect(incident.events.first?.region == "US West")
        #expect(incident.regions == ["US West"])
        #expect(incident.events[2].writtenTime == "12:25 AM PST")
        #expect(incident.events[2].time.civil(offsetSeconds: -28_800).date == CivilDate(year: 2024, month: 1, day: 1))
    }

    @Test("Without a year in the text or --reference-date, the error names the file and the fix")
    func noYear() {
        let path = ProseFixture.path("no-year-mail-delays.txt")
        #expect {
            _ = try Ingest.read(path: path)
        } throws: { error in
            guard let error = error as? IngestError, case .noTimeline(let file, let expected) = error else { return false }
            return file == path && expected.contains("--reference-date") && error.description.hasPrefix(path + ": no timeline found")
        }
    }

    @Test("Text with no time at all is a clear error naming the file")
    func noTime() {
        let path = ProseFixture.path("no-time-apology.txt")
        #expect {
            _ = try Ingest.read(path: path)
        } throws: { error in
            guard let error = error as? IngestError, case .noTimeline(let file, _) = error else { return false }
            return file == path && error.description.contains("no-time-apology.txt: no timeline found; expected postmortem prose")
        }
    }

    @Test("Detection: the S3 status page still goes to the AWS parser with 24 events; text goes to prose")
    func detection() throws {
        let page = ProseFixture.root + "/Fixtures/status-pages/aws-s3-2008-07-20.html"
        let result = try Ingest.read(path: page)
        #expect(result.format == .awsHealthDashboard)
        #expect(result.incidents.first?.events.count == 24)
        #expect(Ingest.parsers.last.map { $0.format } == .prose)
        let text = SourceInput(path: "note.txt", bytes: Array("At 14:05 UTC on 2 May 2022 uploads failed.".utf8))
        #expect(try Ingest.detect(text).format == .prose)
    }
}
