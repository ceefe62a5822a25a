import Testing

@testable import PostmortemTimeline

@Suite("Instants and civil dates")
struct InstantTests {
    @Test("A PDT wall-clock time is seven hours behind UTC")
    func pdtToUTC() {
        let date = CivilDate(year: 2008, month: 7, day: 20)
        let instant = Instant(date: date, hour: 9, minute: 5, offsetSeconds: -7 * 3600)
        #expect(instant.iso8601 == "2008-07-20T16:05:00Z")
        #expect(instant.iso8601(in: WrittenZone(token: "PDT", offsetSeconds: -25_200)) == "2008-07-20T09:05:00-07:00")
    }

    @Test("Days since the epoch round-trip", arguments: [
        (1970, 1, 1, 0), (2008, 7, 20, 14_080), (2011, 4, 21, 15_085), (2000, 2, 29, 11_016), (1969, 12, 31, -1),
    ])
    func daysRoundTrip(year: Int, month: Int, day: Int, days: Int) {
        let date = CivilDate(year: year, month: month, day: day)
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    @Test("Impossible dates are invalid")
    func invalidDates() {
        #expect(!CivilDate(year: 2011, month: 2, day: 30).isValid)
        #expect(!CivilDate(year: 2011, month: 2, day: 29).isValid)
        #expect(CivilDate(year: 2012, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 2011, month: 13, day: 1).isValid)
    }

    @Test("Weekdays: April 23, 2011 was a Saturday")
    func weekday() {
        #expect(CivilDate(year: 2011, month: 4, day: 23).weekday == 6)
        #expect(CivilDate(year: 2008, month: 7, day: 20).weekday == 0)
    }

    @Test("ISO 8601 with an offset keeps the zone as written")
    func isoWithOffset() throws {
        let scanned = try #require(ISO8601Scanner.scan(Array("2019-02-20T12:00:19.418-06:00".utf8)))
        #expect(scanned.instant.iso8601 == "2019-02-20T18:00:19Z")
        #expect(scanned.zone.token == "-06:00")
        #expect(scanned.zone.offsetSeconds == -21_600)
        #expect(Instant(iso8601: "2011-04-21T07:47:00Z")?.secondsSinceEpoch == 1_303_372_020)
        #expect(Instant(iso8601: "2011-02-30T07:47:00Z") == nil)
        #expect(Instant(iso8601: "yesterday") == nil)
    }

    @Test("Minutes between instants")
    func minutesBetween() throws {
        let start = try #require(Instant(iso8601: "2008-07-20T16:05:00Z"))
        let end = try #require(Instant(iso8601: "2008-07-21T00:00:00Z"))
        #expect(start.minutes(until: end) == 475)
    }
}
