import Testing
@testable import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage update stamps and zones")
struct StatuspageStampReaderTests {
    static let march2021 = CivilDate(year: 2021, month: 3, day: 2)

    static func reader(_ reference: CivilDate?) -> StatuspageStampReader {
        StatuspageStampReader(reference: reference, inferredFrom: nil, defaultZone: nil, file: "page.html")
    }

    @Test(arguments: [
        ("Mar 2, 14:00 UTC", "2021-03-02T14:00:00Z"),
        ("Mar 2, 14:00 PST", "2021-03-02T22:00:00Z"),
        ("Jul 4, 09:06 PDT", "2021-07-04T16:06:00Z"),
        ("Mar 2, 14:00 EST", "2021-03-02T19:00:00Z"),
        ("Mar 2, 14:00 MST", "2021-03-02T21:00:00Z"),
        ("Mar 2, 14:00 CET", "2021-03-02T13:00:00Z"),
        ("Mar 2, 14:00 JST", "2021-03-02T05:00:00Z"),
        ("Mar 2, 14:00 KST", "2021-03-02T05:00:00Z"),
        ("Mar 2, 14:00 NZDT", "2021-03-02T01:00:00Z"),
        ("Mar 2, 14:00 AEDT", "2021-03-02T03:00:00Z"),
        ("Mar 2, 14:00 IST", "2021-03-02T08:30:00Z"),
        ("Jul 2, 14:00 BST", "2021-07-02T13:00:00Z"),
        ("Mar 2, 14:00 GMT+08:00", "2021-03-02T06:00:00Z"),
        ("Mar 2, 14:00 GMT-03:30", "2021-03-02T17:30:00Z"),
        ("Posted 2 days ago. Mar 2, 14:00 UTC", "2021-03-02T14:00:00Z"),
    ])
    func resolvesEveryZoneStatusPagesWrite(stamp: String, expected: String) throws {
        let reading = Self.reader(Self.march2021).read(stampText: stamp, status: "Resolved", body: "Fixed.", line: 7)
        guard case .event(let event, let warning) = reading else {
            Issue.record("'\(stamp)' was skipped: \(reading)")
            return
        }
        #expect(event.time.iso8601 == expected)
        #expect(event.status == "resolved")
        #expect(warning == nil)
    }

    @Test func stampWithItsOwnYearNeedsNoReference() throws {
        let reading = Self.reader(nil).read(stampText: "Posted 3 days ago. Jan 15, 2025 - 10:30 UTC", status: "In progress", body: "", line: 3)
        guard case .event(let event, _) = reading else {
            Issue.record("skipped: \(reading)")
            return
        }
        #expect(event.time.iso8601 == "2025-01-15T10:30:00Z")
        #expect(event.status == "in progress")
        #expect(event.writtenTime == "Jan 15, 2025 - 10:30 UTC")
    }

    @Test(arguments: [
        ("Mar 2, 14:00 XYZ", "skipped an update: unknown time zone 'XYZ' in 'Mar 2, 14:00 XYZ'"),
        ("Mar 2", "skipped an update: 'Mar 2' holds no time"),
        ("Feb 30, 10:00 UTC", "skipped an update: 'Feb 30, 10:00 UTC' names a day that does not exist"),
    ])
    func unreadableStampsAreSkippedWithAReason(stamp: String, message: String) {
        let reading = Self.reader(Self.march2021).read(stampText: stamp, status: nil, body: "", line: 12)
        #expect(reading == .skipped(ParseWarning(location: SourceLocation(file: "page.html", line: 12), message: message)))
    }

    @Test(arguments: [
        ("Jan 19, 2021", CivilDate(year: 2021, month: 1, day: 19)),
        ("December 31 2020", CivilDate(year: 2020, month: 12, day: 31)),
        ("29 Feb 2024", CivilDate(year: 2024, month: 2, day: 29)),
    ])
    func readsDayHeaders(text: String, expected: CivilDate) {
        #expect(TimeStampScanner.writtenDate(text) == expected)
    }

    @Test func rejectsImpossibleDayHeaders() {
        #expect(TimeStampScanner.writtenDate("Feb 29, 2021") == nil)
        #expect(TimeStampScanner.writtenDate("No incidents reported.") == nil)
    }
}
