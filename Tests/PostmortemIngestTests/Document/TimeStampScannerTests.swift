import Testing

@testable import PostmortemIngest

@Suite("Written time stamps")
struct TimeStampScannerTests {
    @Test("Forms status pages write", arguments: [
        ("9:05 AM PDT We are", 9, 5, false, "PDT", "9:05 AM PDT"),
        ("July 21, 7:19 PM PDT We wanted", 19, 19, false, "PDT", "July 21, 7:19 PM PDT"),
        ("3:35PM PDT", 15, 35, false, "PDT", "3:35PM PDT"),
        ("8:40am PDT", 8, 40, false, "PDT", "8:40am PDT"),
        ("14:05:33Z done", 14, 5, false, "Z", "14:05:33Z"),
        ("Jan 19, 09:06 PST", 9, 6, false, "PST", "Jan 19, 09:06 PST"),
        ("12:47 a.m. GMT+08:00 text", 0, 47, false, "GMT+08:00", "12:47 a.m. GMT+08:00"),
    ])
    func forms(text: String, hour: Int, minute: Int, hasProblem: Bool, zone: String, written: String) throws {
        let (stamp, _) = try #require(TimeStampScanner.scanPrefix(text))
        #expect(stamp.hour24 == hour)
        #expect(stamp.minute == minute)
        #expect((stamp.problem != nil) == hasProblem)
        #expect(stamp.zoneToken == zone)
        #expect(stamp.written == written)
    }

    @Test("Impossible times and days are reported, not guessed")
    func problems() throws {
        #expect(try #require(TimeStampScanner.scanPrefix("25:99 PM PDT")).stamp.problem == "'25:99 PM PDT' is not a time of day")
        #expect(try #require(TimeStampScanner.scanPrefix("February 30th, 10:00 UTC")).stamp.problem?.contains("does not exist") == true)
    }

    @Test("Text that does not start with a time is not a stamp")
    func notStamps() {
        #expect(TimeStampScanner.scanPrefix("We are investigating") == nil)
        #expect(TimeStampScanner.scanPrefix("May the service return") == nil)
        #expect(TimeStampScanner.scanPrefix("") == nil)
    }
}
