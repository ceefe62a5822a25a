@testable import PostmortemIngest
import PostmortemTimeline
import Testing

/// Shapes found by the third batch of generality probes: month abbreviations written with a
/// full stop, lengths in the compact "3h 12m" form, and traffic "served normally". Every window
/// is worked out by hand in the comments.
@Suite("Prose: abbreviated months with a stop, compact lengths, 'served normally'")
struct ProseHeldOutShapesTests {
    @Test("'Feb. 28, 2017' is a date: the stop after the month does not end the sentence")
    func monthWithStop() throws {
        // PST = UTC-8 on 28 February: 8:52 a.m. -> 16:52Z, 1:54 p.m. -> 21:54Z.
        let text = """
            # Storage outage

            The disruption began at 8:52 a.m. PST on Tuesday, Feb. 28, 2017 and lasted until 1:54 p.m. PST, when requests succeeded again.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "feb.md")
        #expect(incident.impactWindowUTC == ["2017-02-28T16:52:00Z", "2017-02-28T21:54:00Z"])
    }

    @Test("A month abbreviation before anything but a day still ends its sentence")
    func monthStopBeforeWord() {
        #expect(Sentences.split("The rebuild ended in Dec. We moved on.") == ["The rebuild ended in Dec.", "We moved on."])
        #expect(Sentences.split("It began on Sept. 14 at noon.") == ["It began on Sept. 14 at noon."])
    }

    @Test("'down for 3h 12m starting 06:00 UTC' ends at 09:12; '45m' alone is no length")
    func compactLength() throws {
        let text = """
            # Outage report

            We were down for 3h 12m starting 2021-02-15 06:00 UTC. A failed migration left the database read-only.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "compact.md")
        #expect(incident.impactWindowUTC == ["2021-02-15T06:00:00Z", "2021-02-15T09:12:00Z"])
        #expect(ProseDuration.amount(["3h", "12m"], at: 0)?.seconds == 11_520)
        #expect(ProseDuration.amount(["1.5h"], at: 0)?.seconds == 5_400)
        #expect(ProseDuration.amount(["45m", "users"], at: 0) == nil)
        #expect(ProseDuration.mayHoldLength("down for 3h 12m"))
        #expect(!ProseDuration.mayHoldLength("the 5xx rate on 3 hosts"))
    }

    @Test("'by 14:35 UTC all traffic was served normally' ends the window; '70% of traffic was served' does not")
    func servedNormally() throws {
        // 13:20 UTC all connections fail; 14:10 70% served (partial); 14:35 all traffic normal.
        let text = """
            # Certificate expiry

            At 13:20 UTC on 1 Oct 2021, an expired certificate caused all connections to our API to fail. By 14:10 UTC 70% of traffic was served; by 14:35 UTC all traffic was served normally.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "served.md")
        #expect(incident.impactWindowUTC == ["2021-10-01T13:20:00Z", "2021-10-01T14:35:00Z"])
    }
}
