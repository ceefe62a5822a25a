import PostmortemIngest
import PostmortemTimeline
import Testing

/// A status entry headed by two days in a row ("October 3 - 4th, 2019") whose updates carry no
/// date: the updates fall in the night between the two days.
@Suite("Prose: a heading naming two days in a row")
struct ProseNightHeadingTests {
    @Test("Under 'October 3 - 4th, 2019', 23:10 is on the 3rd and 6:45 on the 4th; the next entry keeps its own day")
    func nightBetweenTwoDays() throws {
        // Newest first: "(6:45 UTC) working normally again" is the end, "(23:10 UTC) fail" the
        // start: 2019-10-03T23:10Z to 2019-10-04T06:45Z, 7 h 35 min. The September entry is its own
        // incident, 09:50Z-10:20Z on the 12th.
        let result = try Ingest.read(path: ProseFixture.path("night-heading-2019-10-03.md"))
        #expect(result.incidents.count == 2)
        let night = try #require(result.incidents.first)
        #expect(night.impactWindowUTC == ["2019-10-03T23:10:00Z", "2019-10-04T06:45:00Z"])
        let september = try #require(result.incidents.last)
        #expect(september.impactWindowUTC == ["2019-09-12T09:50:00Z", "2019-09-12T10:20:00Z"])
        let nightWarnings = result.warnings.filter { $0.message.contains("night between them") }
        #expect(nightWarnings.map(\.message) == [
            "'6:45 UTC' names no day under 'October 3 - 4th, 2019': read in the night between them, a morning time on 2019-10-04 and a later one on 2019-10-03"
        ])
        #expect(nightWarnings.first?.location.line == 5)
    }
}
