import PostmortemIngest
import PostmortemTimeline
import Testing

@Suite("Prose: time expressions")
struct ProseTimeExpressionTests {
    static let forms: [(sentence: String, written: String, utc: String, precision: TimePrecision)] = [
        ("On 2011-04-21 at 14:05 UTC the cache failed.", "2011-04-21 at 14:05 UTC", "2011-04-21T14:05:00Z", .minute),
        ("Errors began at 3:35PM PDT on Apr 24, 2011.", "3:35PM PDT on Apr 24, 2011", "2011-04-24T22:35:00Z", .minute),
        ("Errors began at 8:40am PDT on July 20, 2008.", "8:40am PDT on July 20, 2008", "2008-07-20T15:40:00Z", .minute),
        ("Errors began at 14:05:33Z on 21 April 2011.", "14:05:33Z on 21 April 2011", "2011-04-21T14:05:33Z", .second),
        ("Errors began at midnight UTC on March 1, 2020.", "midnight UTC on March 1, 2020", "2020-03-01T00:00:00Z", .minute),
        ("Errors began at 2 p.m. Pacific time on March 10, 2021.", "2 p.m. Pacific time on March 10, 2021", "2021-03-10T22:00:00Z", .hour),
        ("Errors began at 2 p.m. Pacific time on March 20, 2021.", "2 p.m. Pacific time on March 20, 2021", "2021-03-20T21:00:00Z", .hour),
        ("Errors began at 09:00 GMT+8 on 1 June 2022.", "09:00 GMT+8 on 1 June 2022", "2022-06-01T01:00:00Z", .minute),
        ("Errors began at 10:00 CEST on 1 June 2022.", "10:00 CEST on 1 June 2022", "2022-06-01T08:00:00Z", .minute),
        ("Errors began at 7:30 AM ET on January 5, 2022.", "7:30 AM ET on January 5, 2022", "2022-01-05T12:30:00Z", .minute),
        ("Errors began at 4:15 PM IST on Sept 9, 2019.", "4:15 PM IST on Sept 9, 2019", "2019-09-09T10:45:00Z", .minute),
        ("The API failed from 2023-02-01T09:15:00Z onwards.", "2023-02-01T09:15:00Z", "2023-02-01T09:15:00Z", .second),
        ("Between 14:05 and 14:50 UTC on 2 May 2022 uploads failed.", "14:05 and 14:50 UTC on 2 May 2022", "2022-05-02T14:05:00Z", .minute),
    ]

    @Test("Each written form resolves to its UTC instant", arguments: forms)
    func form(sentence: String, written: String, utc: String, precision: TimePrecision) throws {
        let (incident, warnings) = try ProseFixture.parse(sentence)
        #expect(warnings.isEmpty)
        let event = try #require(incident.events.first)
        #expect(incident.events.count == 1)
        #expect(event.writtenTime == written)
        #expect(event.time.iso8601 == utc)
        #expect(event.precision == precision)
        #expect(event.text == sentence)
    }

    @Test("'between ... and ...' and 'to' spans keep their end")
    func spanEnd() throws {
        let (between, _) = try ProseFixture.parse("Between 14:05 and 14:50 UTC on 2 May 2022 uploads failed.")
        #expect(between.events.first?.endTime?.iso8601 == "2022-05-02T14:50:00Z")
        let (midnight, _) = try ProseFixture.parse("From 11:40 PM to 12:20 AM PST on December 1, 2021 logins failed.")
        #expect(midnight.events.first?.time.iso8601 == "2021-12-02T07:40:00Z")
        #expect(midnight.events.first?.endTime?.iso8601 == "2021-12-02T08:20:00Z")
    }

    @Test("A date in force carries forward; a log passing midnight moves to the next day with a warning")
    func carryForward() throws {
        let log = """
            Worker pool exhaustion

            March 9, 2022
            23:20 UTC Job latency rose sharply.
            23:48 UTC Extra workers were added.
            00:15 UTC Latency returned to normal.
            """
        let (incident, warnings) = try ProseFixture.parse(log)
        #expect(incident.events.map(\.time.iso8601) == ["2022-03-09T23:20:00Z", "2022-03-09T23:48:00Z", "2022-03-10T00:15:00Z"])
        #expect(warnings.map(\.message) == ["'00:15 UTC' is earlier than the time before it and names no date; taken as the next day, 2022-03-10"])
        #expect(warnings.first?.location.line == 6)
        #expect(incident.events.map(\.source.line) == [4, 5, 6])
    }

    @Test("A time that steps back stays on the same day without a warning when the text says so")
    func statedSameDay() throws {
        let text = "At 3:00 PM UTC on June 2, 2022 the fix was deployed. Earlier that day, at 9:00 AM UTC, errors had begun."
        let (incident, warnings) = try ProseFixture.parse(text)
        #expect(warnings.isEmpty)
        #expect(incident.events.map(\.time.iso8601) == ["2022-06-02T09:00:00Z", "2022-06-02T15:00:00Z"])
    }

    @Test("--reference-date gives the year; a weekday resolves to the nearest one")
    func referenceDate() throws {
        let text = "On Tuesday at 10:00 UTC the database failed. It was restored on Wednesday at 01:30 UTC."
        let options = IngestOptions(referenceDate: CivilDate(year: 2022, month: 5, day: 2))
        let (incident, warnings) = try ProseFixture.parse(text, options: options)
        #expect(warnings.isEmpty)
        #expect(incident.events.map(\.time.iso8601) == ["2022-05-03T10:00:00Z", "2022-05-04T01:30:00Z"])
        #expect(incident.events.map(\.status) == ["impact", "restored"])
    }

    @Test("Numbers that are not times are left alone")
    func notTimes() throws {
        let text = "At 10:00 UTC on 4 April 2022, 3 of 12 nodes and 45% of the 1,200 requests failed for 20 minutes."
        let (incident, _) = try ProseFixture.parse(text)
        #expect(incident.events.count == 1)
        #expect(incident.observations.map(\.unit) == [.percent, .minutes, .count, .count])
        #expect(incident.observations.map(\.value) == [45, 20, 12, 1_200])
        #expect(incident.observations.map(\.subject).suffix(2) == ["nodes failed", "requests failed"])
        #expect(incident.observations.first?.subject == "requests failed")
    }
}

@Suite("Prose: text that only looks like times")
struct ProseMalformedTimeTests {
    @Test("Impossible clocks and days are not times, so the text has no timeline", arguments: [
        "The job ran at 25:00 UTC on 4 April 2022.",
        "The job ran at 12:61 PM PDT on 4 April 2022.",
        "The job ran at 10:00 UTC on April 31, 2022, then stopped.",
        "Ratios of 3:1 and 13:0 were seen in 45% of runs — and “quoted” text – too.",
        "At 9 PM the job ran.",
    ])
    func noTimeline(text: String) {
        #expect {
            _ = try Ingest.parse(SourceInput(path: "odd.txt", bytes: Array(text.utf8)))
        } throws: { error in
            guard let error = error as? IngestError, case .noTimeline(let file, _) = error else { return false }
            return file == "odd.txt"
        }
    }

    @Test("An unknown zone is named in a warning and the time is skipped, never guessed")
    func unknownZone() throws {
        let text = "At 10:00 XYZ on 4 April 2022 the job failed. At 11:00 UTC it was restored."
        let (incident, warnings) = try ProseFixture.parse(text)
        #expect(incident.events.map(\.time.iso8601) == ["2022-04-04T11:00:00Z"])
        #expect(warnings.map(\.message) == ["skipped a time: unknown time zone 'XYZ' in '10:00 XYZ on 4 April 2022'"])
    }
}
