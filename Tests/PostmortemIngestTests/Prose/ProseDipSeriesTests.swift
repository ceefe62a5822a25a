import PostmortemIngest
import PostmortemTimeline
import Testing

/// Several short outages in one incident, listed in one sentence with their lengths.
@Suite("Prose: several dips in one outage, and what does not end one")
struct ProseDipSeriesTests {
    @Test("Down for 5 minutes from 14:02, 3 at 14:20, 6 at 14:41: the window runs to the last dip's end, 14:47")
    func lastDipEnds() throws {
        // UTC as stated. The dips end at 14:07, 14:23 and 14:47; the provider's block at 16:10 is
        // a later step, not a restoration. Window 14:02Z-14:47Z, 45 minutes.
        let (incident, _) = try ProseFixture.read("dip-series-2021-10-19.md")
        #expect(incident.impactWindowUTC == ["2021-10-19T14:02:00Z", "2021-10-19T14:47:00Z"])
        #expect(incident.impactEnd?.rule == "last of several outages listed with their lengths")
        #expect(incident.impactEnd?.source.line == 7)
    }

    @Test("One time with a length is no series: 'down for 20 minutes from 09:10' with a restoration at 09:40 keeps that end")
    func oneDipIsNoSeries() throws {
        let text = "# Outage, 2021-10-20\n\nAll times are UTC.\n\nThe site was down for 20 minutes from 09:10. At 09:40 the site was restored.\n"
        let (incident, _) = try ProseFixture.parse(text, name: "one-dip.md")
        #expect(incident.impactWindowUTC == ["2021-10-20T09:10:00Z", "2021-10-20T09:40:00Z"])
    }

    @Test("'through' that stands before no time ('a fair way through restarting the pods') is no stated end; 'continued until 10:20' is")
    func throughIsNoEnd() throws {
        // UTC as stated: the hub down at 12:42; the 2:35 PM row still sees the service unavailable;
        // resolved at 4:22 PM. Window 12:42Z-16:22Z.
        let text = """
            # Hub outage, July 11, 2025

            ## Timeline (times in UTC)

            ### 12:42 PM
            The hub is down for all users.

            ### 2:35 PM
            Engineer is a fair way through restarting the pods; the hubs still answer with Service unavailable.

            ### 4:22 PM
            Incident resolved and communicated to the hub admins.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "through.md")
        #expect(incident.impactWindowUTC == ["2025-07-11T12:42:00Z", "2025-07-11T16:22:00Z"])
        #expect(incident.impactEnd?.rule == "last clause closing the incident")
        let until = "# Queue outage, May 2, 2022\n\nAt 09:05 UTC on May 2, 2022 the queue failed. The disruption continued until 10:20 UTC.\n"
        let (stalled, _) = try ProseFixture.parse(until, name: "until.md")
        #expect(stalled.impactEnd?.time.iso8601 == "2022-05-02T10:20:00Z")
        #expect(stalled.impactEnd?.rule == "stated end")
    }
}
