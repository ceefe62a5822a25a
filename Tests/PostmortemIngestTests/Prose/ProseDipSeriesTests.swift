import PostmortemIngest
import PostmortemTimeline
import Testing

/// Several short outages in one incident, listed in one sentence with their lengths.
@Suite("Prose: several dips in one outage")
struct ProseDipSeriesTests {
    @Test("Down for 5 minutes from 14:02, 3 at 14:20, 6 at 14:41: the window runs to the last dip's end, 14:47")
    func lastDipEnds() throws {
        // UTC as stated. The dips end at 14:07, 14:23 and 14:47; the provider's block at 16:10 is
        // a later step, not a restoration. Window 14:02Z-14:47Z, 45 minutes.
        let (incident, _) = try ProseFixture.read("dip-series-2021-10-19.md")
        #expect(incident.impactStart?.time.iso8601 == "2021-10-19T14:02:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2021-10-19T14:47:00Z")
        #expect(incident.impactEnd?.rule == "last of several outages listed with their lengths")
        #expect(incident.impactEnd?.source.line == 7)
    }

    @Test("One time with a length is no series: 'down for 20 minutes from 09:10' with a restoration at 09:40 keeps that end")
    func oneDipIsNoSeries() throws {
        let text = "# Outage, 2021-10-20\n\nAll times are UTC.\n\nThe site was down for 20 minutes from 09:10. At 09:40 the site was restored.\n"
        let (incident, _) = try ProseFixture.parse(text, name: "one-dip.md")
        #expect(incident.impactStart?.time.iso8601 == "2021-10-20T09:10:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2021-10-20T09:40:00Z")
    }
}
