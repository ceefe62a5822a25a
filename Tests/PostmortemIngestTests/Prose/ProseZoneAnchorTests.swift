import PostmortemIngest
import PostmortemTimeline
import Testing

/// A zone statement checked against the absolute instants written inside the rows it zones: an
/// absolute anchor beats a label. Windows worked out by hand in the comments.
@Suite("Prose zone statements against UTC anchors")
struct ProseZoneAnchorTests {
    @Test("'times in GMT', but the alert quoted under the 9:15 AM row says 2:15PM UTC: the times read at UTC-5, with a warning naming both")
    func anchorBeatsLabel() throws {
        // 9:15 AM at UTC-5 is 14:15Z, as the alert says; "available again" at 10:05 AM is 15:05Z.
        // Read as GMT the window would be 09:15Z-10:05Z, five hours early.
        let (incident, warnings) = try ProseFixture.read("label-vs-utc-alert-2025-03-04.md")
        #expect(incident.impactStart?.time.iso8601 == "2025-03-04T14:15:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2025-03-04T15:05:00Z")
        #expect(incident.impactEnd?.rule == "last timeline row stating restoration")
        #expect(incident.events.filter { $0.zone?.token == "UTC-5" }.map(\.writtenTime) == ["March 4, 2025, 9:15 AM", "9:40 AM", "10:05 AM"])
        #expect(warnings.map(\.message) == [
            "'Timeline (times in GMT)' (line 7) is contradicted by the UTC time 'March 4, 2025 at 2:15PM UTC' written with 'March 4, 2025, 9:15 AM' (line 9): the text's times read at UTC-5, as that anchor places them"
        ])
        #expect(warnings.first?.location.line == 7)
    }

    @Test("An anchor that agrees with the label confirms it: 5:32 PM BST beside 4:32PM UTC stays BST, no warning")
    func anchorConfirmsLabel() throws {
        let text = """
            # Hub outage, August 12, 2025

            ## Timeline (times in BST)

            ### August 12, 2025, 5:32 PM

            The hub is down. Alert: "Check failed: Aug 12, 2025 at 4:32PM UTC".

            ### 6:11 PM

            The hub is restored.
            """
        // 5:32 PM BST is 16:32Z and 6:11 PM BST 17:11Z.
        let (incident, warnings) = try ProseFixture.parse(text, name: "agreeing.md")
        #expect(incident.impactStart?.time.iso8601 == "2025-08-12T16:32:00Z")
        #expect(incident.impactEnd?.time.iso8601 == "2025-08-12T17:11:00Z")
        #expect(incident.events.first?.zone?.token == "BST")
        #expect(warnings.isEmpty)
    }
}
