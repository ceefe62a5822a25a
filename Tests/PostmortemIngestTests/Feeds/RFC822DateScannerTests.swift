import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("RFC 822 pubDate scanner")
struct RFC822DateScannerTests {
    @Test(arguments: [
        ("Sun, 20 Jul 2008 16:05:00 PDT", "2008-07-20T23:05:00Z", "PDT"),
        ("Thu, 25 Mar 2021 17:19:42 +0000", "2021-03-25T17:19:42Z", "+0000"),
        ("20 Jul 08 16:05 GMT", "2008-07-20T16:05:00Z", "GMT"),
        ("Mon, 05 Aug 2024 11:14:09 +0900", "2024-08-05T02:14:09Z", "+0900"),
        ("Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02T13:00:00Z", "EST"),
    ])
    func readsDatesAndZones(text: String, expected: String, zone: String) throws {
        let scanned = try #require(RFC822DateScanner.scan(text))
        #expect(scanned.instant.iso8601 == expected)
        #expect(scanned.zone.token == zone)
    }

    @Test(arguments: ["Tue, 31 Nov 2019 18:40:00 +0000", "Sun, 20 Jul 2008 16:05:00 XYZ", "Sun, 20 Jul 2008", "yesterday at noon"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(RFC822DateScanner.scan(text) == nil)
    }
}
