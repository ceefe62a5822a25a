import PostmortemIngest
import PostmortemTimeline
import Testing

/// Short narrative summaries of an outage (one to three paragraphs, a few clock times, a stated
/// length): one fixture per mechanism, each window worked out by hand in the comments.
@Suite("Prose narrative summaries")
struct ProseNarrativeSummaryTests {
    @Test("A stated outage length picks the restoration it reaches over a later full recovery, and warns")
    func lengthPicksRestoration() throws {
        // "a 35-minute outage" that "began at 14:20 UTC": 14:20 + 35 min = 14:55, where search
        // was "largely restored"; the full recovery of emails at 15:40 is 80 minutes out.
        let (incident, warnings) = try ProseFixture.read("outage-length-largely-restored-2021-03-04.txt")
        #expect(incident.impactWindowUTC == ["2021-03-04T14:20:00Z", "2021-03-04T14:55:00Z"])
        #expect(incident.impactEnd?.rule == "restoration at the start plus the stated outage length")
        #expect(warnings.map(\.message) == [
            "the stated outage length (35 minutes) and the window disagree: kept the end 2021-03-04T14:55:00Z, not 2021-03-04T15:40:00Z"
        ])
        #expect(warnings.first?.location.line == 3)
    }

    @Test("A range its stated length confirms is not stretched by a later 'until' about one feature")
    func lengthConfirmsRange() throws {
        // 02:10 to 09:40 UTC is 7 h 30 min, the length the next sentence states; "search
        // also returned errors until 11:05 UTC" would otherwise end the window 85 minutes later.
        let (incident, _) = try ProseFixture.read("outage-length-range-2023-09-12.md")
        #expect(incident.impactWindowUTC == ["2023-09-12T02:10:00Z", "2023-09-12T09:40:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
        #expect(incident.impactEnd?.rule == "end of a range at the start plus the stated outage length")
    }

    @Test("A total downtime before the stated reopening places a start the text gives no clock for")
    func lengthBeforeFirstTime() throws {
        // Reopened at 18:30 UTC after "a total downtime of 250 minutes": 18:30 - 4 h 10 min =
        // 14:20, earlier than the first clock (the failed restart at 15:10). The start is inferred.
        let (incident, warnings) = try ProseFixture.read("outage-length-before-first-time-2019-08-22.txt")
        #expect(incident.impactStart?.time.iso8601 == "2019-08-22T14:20:00Z")
        #expect(incident.impactStart?.rule == "end minus the stated outage length")
        #expect(incident.impactStart?.isStated == false)
        #expect(incident.impactEnd?.time.iso8601 == "2019-08-22T18:30:00Z")
        #expect(warnings.count == 1)
    }

    @Test("With no restoration written, the start plus the outage length anywhere in the text ends the window")
    func lengthWithoutEnd() throws {
        // The partition at 03:05 UTC; "every primary had been re-established" is no restoration of the service,
        // and "degraded service for 6 hours and 20 minutes" ends it at 09:25 UTC (inferred).
        let (incident, _) = try ProseFixture.read("outage-length-no-end-2018-11-30.txt")
        #expect(incident.impactWindowUTC == ["2018-11-30T03:05:00Z", "2018-11-30T09:25:00Z"])
        #expect(incident.impactEnd?.rule == "start plus the stated outage length")
        #expect(incident.impactEnd?.isStated == false)
    }

    @Test("'with another 1.5 hours of queued builds' adds to the stated length; 'non-operational' is impact")
    func lengthWithAnother() throws {
        // Non-operational for 2.5 hours from 08:00 UTC, then 1.5 hours of backlog: 08:00 + 4 h = 12:00.
        let (incident, _) = try ProseFixture.read("outage-length-another-2020-02-11.txt")
        #expect(incident.impactWindowUTC == ["2020-02-11T08:00:00Z", "2020-02-11T12:00:00Z"])
        #expect(incident.impactStart?.rule == "stated start")
    }

    @Test("A clock that restates the one before it in another zone ('which is 07:00 Tokyo time on May 5') is no event")
    func restatedClock() throws {
        // 22:00 UTC on May 4 is the start; the restatement and its day are dropped, so 23:10 UTC
        // stays on May 4: 70 minutes.
        let (incident, warnings) = try ProseFixture.read("restated-clock-2020-05-04.txt")
        #expect(incident.events.map(\.writtenTime) == ["22:00 UTC on May 4, 2020", "23:10 UTC"])
        #expect(incident.impactWindowUTC == ["2020-05-04T22:00:00Z", "2020-05-04T23:10:00Z"])
        #expect(warnings.isEmpty)
    }

    @Test("'non-operational' states impact, 'partially restored' does not end it, 'Full mitigation' does")
    func mitigationWords() throws {
        // 09:12 UTC (non-operational) to 11:20 UTC (full mitigation); 10:00 was partial.
        let (incident, _) = try ProseFixture.read("mitigation-words-2022-08-09.txt")
        #expect(incident.impactWindowUTC == ["2022-08-09T09:12:00Z", "2022-08-09T11:20:00Z"])
        #expect(incident.impactEnd?.rule == "stated end")
    }

    @Test("A partition is impact; 'was brought back' and 'the last to recover' are restorations")
    func lastToRecover() throws {
        // The partition at 04:30 UTC; the file service back at 06:10, the archive tier last at 06:25.
        let (incident, _) = try ProseFixture.read("last-to-recover-2021-01-19.txt")
        #expect(incident.impactWindowUTC == ["2021-01-19T04:30:00Z", "2021-01-19T06:25:00Z"])
        #expect(incident.impactEnd?.rule == "last sentence stating restoration")
    }

    @Test("A range of the responders' troubleshooting that opens a paragraph is not the impact's range")
    func troubleshootingRange() throws {
        // Failing deliveries alerted at 07:40 UTC; 08:00-10:30 is the engineers' work; normal at 11:15 UTC.
        let (incident, _) = try ProseFixture.read("troubleshooting-range-2017-05-16.txt")
        #expect(incident.impactWindowUTC == ["2017-05-16T07:40:00Z", "2017-05-16T11:15:00Z"])
        #expect(incident.impactStart?.rule == "first timeline row stating impact")
    }

    @Test("'in about 25 minutes, completely restoring service' counts from the time told before it")
    func relativeRestoration() throws {
        // The last clock before the restoration is 13:30 UTC: 13:30 + 25 min = 13:55 (inferred).
        let (incident, _) = try ProseFixture.read("relative-restoration-2016-10-03.txt")
        #expect(incident.impactWindowUTC == ["2016-10-03T13:05:00Z", "2016-10-03T13:55:00Z"])
        #expect(incident.impactEnd?.rule == "restoration a stated length after the time before it")
        #expect(incident.impactEnd?.isStated == false)
    }

    @Test("A range that says which things ('machines created or migrated between 09:02 and 10:40') is not the impact's range")
    func objectRange() throws {
        // "an incident began at 09:20 UTC and was fully mitigated by 10:45 UTC" states the window;
        // the creation times of the affected machines only say which were hit. The narrative's
        // 09:02 is 18 minutes before the stated start: kept the stated one, with a warning.
        let (incident, warnings) = try ProseFixture.read("object-range-2017-03-21.txt")
        #expect(incident.impactWindowUTC == ["2017-03-21T09:20:00Z", "2017-03-21T10:45:00Z"])
        #expect(incident.impactStart?.rule == "stated start")
        #expect(warnings.contains { $0.message.hasPrefix("the impact start readings disagree by 18 minutes") })
    }

    @Test("A range far shorter than the stated length ('restoration took 2 days') was one episode of the outage")
    func episodeRange() throws {
        // The split at 16:05-16:09 UTC on June 8; 2 days of restoration: 16:05 on June 10 (inferred).
        let (incident, warnings) = try ProseFixture.read("episode-range-length-2015-06-08.txt")
        #expect(incident.impactWindowUTC == ["2015-06-08T16:05:00Z", "2015-06-10T16:05:00Z"])
        #expect(incident.impactEnd?.rule == "start plus the stated outage length")
        #expect(warnings.map(\.message) == [
            "the stated outage length (2880 minutes) and the window disagree: kept the end 2015-06-10T16:05:00Z, not 2015-06-08T16:09:00Z"
        ])
    }

    @Test("A length stated for most customers is a part's, not the outage's: the last restoration ends the window")
    func lengthOfAPart() throws {
        // 10:05 UTC to the last hosts at 11:20 UTC; "35 minutes for most customers" would pick 10:40.
        let (incident, warnings) = try ProseFixture.read("outage-length-most-customers-2024-04-16.txt")
        #expect(incident.impactWindowUTC == ["2024-04-16T10:05:00Z", "2024-04-16T11:20:00Z"])
        #expect(incident.impactEnd?.rule == "last sentence stating restoration")
        #expect(warnings.isEmpty)
    }

    @Test("A passive verb of the impact before a range ('could not be generated from 9:15 to 10:05') keeps the range")
    func passiveRange() throws {
        // 09:15 to 10:05 UTC on May 9, 2023: 50 minutes, the range itself.
        let (incident, _) = try ProseFixture.read("passive-range-2023-05-09.txt")
        #expect(incident.impactWindowUTC == ["2023-05-09T09:15:00Z", "2023-05-09T10:05:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
    }

    @Test("Publishing malicious versions 'starting at 06:40 UTC' is the stated start of a security incident")
    func maliciousRelease() throws {
        // 06:40 UTC is the stated start. Removing the versions at 08:15 is a clean-up the text
        // never calls a restoration, so no end is invented.
        let (incident, _) = try ProseFixture.read("malicious-release-2019-09-03.txt")
        #expect(incident.impactStart?.time.iso8601 == "2019-09-03T06:40:00Z")
        #expect(incident.impactStart?.rule == "stated start")
        #expect(incident.impactEnd == nil)
    }

    @Test("'the previous Thursday' is the Thursday before, and the clocks after it stay on the outage's day")
    func previousWeekday() throws {
        // Tuesday, February 20, 2024; PST is UTC-8: 10:30 AM to 12:10 PM is 18:30Z to 20:10Z. The
        // Thursday before is February 15; read as the nearest Thursday (the 22nd) it would carry
        // 11:55 AM and 12:10 PM two days on.
        let (incident, _) = try ProseFixture.read("previous-weekday-2024-02-20.txt")
        #expect(incident.impactWindowUTC == ["2024-02-20T18:30:00Z", "2024-02-20T20:10:00Z"])
        #expect(incident.events.first { $0.writtenTime == "Thursday" }?.time.iso8601 == "2024-02-15T08:00:00Z")
        #expect(incident.events.first { $0.writtenTime == "11:55 AM" }?.time.iso8601 == "2024-02-20T19:55:00Z")
    }

    @Test("'requests timed out' states impact, so its range is the window")
    func timedOutRange() throws {
        // Eastern in October 2021 is EDT, UTC-4: 09:10 to 10:02 is 13:10Z to 14:02Z.
        let (incident, _) = try ProseFixture.read("timed-out-eastern-2021-10-04.txt")
        #expect(incident.impactWindowUTC == ["2021-10-04T13:10:00Z", "2021-10-04T14:02:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
    }

    @Test("A numeric date in the title ('- 5/26/21') is the day of the clocks written before any other day")
    func numericTitleDate() throws {
        // May 26, 2021; ET in May is EDT, UTC-4: 3:15 PM is 19:15Z, 4:05 PM is 20:05Z. Before, the
        // title gave only the year and every clock was skipped for want of a day.
        let (incident, warnings) = try ProseFixture.read("numeric-title-date-2021-05-26.txt")
        #expect(incident.impactWindowUTC == ["2021-05-26T19:15:00Z", "2021-05-26T20:05:00Z"])
        #expect(warnings.isEmpty)
    }

    @Test("'Time to resolution: 70 minutes' is the outage's length; 'Time to detection: 15 minutes' is not")
    func timeToResolution() throws {
        // 16:20 at UTC+02:00 is 14:20Z; nothing states the restoration's time, so 14:20 + 70 min
        // = 15:30Z (inferred). Read as the length, the detection time would give 14:35.
        let (incident, _) = try ProseFixture.read("time-to-resolution-2023-11-07.md")
        #expect(incident.impactWindowUTC == ["2023-11-07T14:20:00Z", "2023-11-07T15:30:00Z"])
        #expect(incident.impactEnd?.rule == "start plus the stated outage length")
    }
}
