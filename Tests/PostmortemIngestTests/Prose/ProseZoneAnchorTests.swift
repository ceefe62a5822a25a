import PostmortemIngest
import PostmortemTimeline
import Testing

/// A zone statement checked against the absolute instants written inside the rows it zones (an
/// absolute anchor beats a label), and a month the body writes wrong against a date the document
/// confirms twice. Windows worked out by hand in the comments.
@Suite("Prose zone statements against UTC anchors, and slips of the month or year")
struct ProseZoneAnchorTests {
    @Test("'times in GMT', but the alert quoted under the 9:15 AM row says 2:15PM UTC: the times read at UTC-5, with a warning naming both")
    func anchorBeatsLabel() throws {
        // 9:15 AM at UTC-5 is 14:15Z, as the alert says; "available again" at 10:05 AM is 15:05Z.
        // Read as GMT the window would be 09:15Z-10:05Z, five hours early.
        let (incident, warnings) = try ProseFixture.read("label-vs-utc-alert-2025-03-04.md")
        #expect(incident.impactWindowUTC == ["2025-03-04T14:15:00Z", "2025-03-04T15:05:00Z"])
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
        #expect(incident.impactWindowUTC == ["2025-08-12T16:32:00Z", "2025-08-12T17:11:00Z"])
        #expect(incident.events.first?.zone?.token == "BST")
        #expect(warnings.isEmpty)
    }

    @Test("A month slip: the body's May 13-14 under a 'June 14th, 2022' title in a file dated 2022-06-14 reads as June, warned; '2.14 to 2.16' after 'version' is no time")
    func monthSlip() throws {
        // UTC: 22:10 on June 13 to 01:40 on June 14 (3 h 30 min), not a month earlier.
        let (incident, warnings) = try ProseFixture.read("month-slip-2022-06-14.md")
        #expect(incident.impactWindowUTC == ["2022-06-13T22:10:00Z", "2022-06-14T01:40:00Z"])
        #expect(incident.events.map(\.writtenTime) == ["2022-05-13 22:10 and 2022-05-14 01:40"])
        #expect(warnings.map(\.message) == [
            "'2022-05-13 22:10 and 2022-05-14 01:40' names month 5 but the document is dated 2022-06-14 ('June 14th, 2022', confirmed by the file name); read as June, a slip of the month"
        ])
        #expect(warnings.first?.location.line == 7)
    }

    @Test("No slip without a second witness, nor for a date weeks away; an epoch stamp in a link is a witness", arguments: [
        // The title alone (file name undated, no link): the body's month stands.
        ("notes.md", "", "2022-05-13T22:10:00Z"),
        // The file name agrees with the title, but the body also writes May 2 (a cause weeks
        // before): no slip, every May date stands.
        ("outage-2022-06-14.md", " A config change on 2022-05-02 10:00 set this up.", "2022-05-02T10:00:00Z"),
        // An undated file, but a dashboard link stamped 2022-06-13T21:00:00Z (1655154000): June.
        ("notes.md", " Graphs: https://grafana.example.com/d/x?from=1655154000000&to=1655170000000", "2022-06-13T22:10:00Z"),
    ] as [(String, String, String)])
    func monthSlipNeedsWitnesses(name: String, extra: String, start: String) throws {
        let text = "# June 14th, 2022 Artifact Store Outage\n\nAll times in UTC.\n\nAll uploads failed between 2022-05-13 22:10 and 2022-05-14 01:40.\(extra)\n"
        let (incident, _) = try ProseFixture.parse(text, name: name)
        #expect(incident.events.first?.time.iso8601 == start)
    }

    @Test("A monitor's 'Violation started' is when the check noticed: the earlier row stating the outage is the onset, with the disagreement warned")
    func alertAfterOnset() throws {
        // UTC as stated: the volume deleted and the hub down at 13:05, the uptime check's alert at
        // 13:41 (36 minutes later), restored at 14:10. Window 13:05Z-14:10Z.
        let (incident, warnings) = try ProseFixture.read("alert-after-onset-2024-09-09.md")
        #expect(incident.impactWindowUTC == ["2024-09-09T13:05:00Z", "2024-09-09T14:10:00Z"])
        #expect(incident.impactStart?.rule == "first timeline row stating impact, before the first report")
        #expect(warnings.map(\.message) == [
            "the impact start readings disagree by 36 minutes: kept 2024-09-09T13:05:00Z (line 5: '13:05'), not 2024-09-09T13:41:00Z (line 11: 'Sep 9, 2024 at 1:41PM UTC')"
        ])
    }

    @Test("A slip of the year: a report filed as 2024-01-03 under 'January 3, 2024' whose body says 2023-01-03 reads in 2024, warned")
    func yearSlip() throws {
        // UTC as stated: 09:10 to 09:55 on 3 January 2024, not a year earlier.
        let text = "# January 3, 2024 login outage\n\nAll times in UTC.\n\nLogins failed between 2023-01-03 09:10 and 2023-01-03 09:55.\n"
        let (incident, warnings) = try ProseFixture.parse(text, name: "2024-01-03-login-outage.md")
        #expect(incident.impactWindowUTC == ["2024-01-03T09:10:00Z", "2024-01-03T09:55:00Z"])
        #expect(warnings.map(\.message) == [
            "'2023-01-03 09:10 and 2023-01-03 09:55' names 2023 but the document is dated 2024-01-03 ('January 3, 2024', confirmed by the file name); read as 2024, a slip of the year"
        ])
    }

    @Test("'[04-09 02:10]' stamps are a month and a day in the document's year; a cause row three months earlier is not the onset")
    func monthDayStamps() throws {
        // UTC as stated. The rows read 2021-01-14 11:05 (the bug merged, a cause), 2021-04-08
        // 18:30, and 2021-04-09 02:10 to 05:40; the stated range 02:10-05:40 is the window, and
        // the January row, 84 days before it, does not move the start.
        let (incident, warnings) = try ProseFixture.read("month-day-stamps-2021-04-09.md")
        #expect(incident.events.filter { $0.writtenTime?.hasPrefix("0") == true }.map(\.time.iso8601) == [
            "2021-01-14T11:05:00Z", "2021-04-08T18:30:00Z", "2021-04-09T02:10:00Z", "2021-04-09T03:15:00Z", "2021-04-09T05:40:00Z",
        ])
        #expect(incident.impactWindowUTC == ["2021-04-09T02:10:00Z", "2021-04-09T05:40:00Z"])
        #expect(incident.impactStart?.rule == "explicit range")
        #expect(warnings.count == 1)
    }

    @Test("'Times are London time (BST).': a place's name for its time, then the label in brackets, states the zone")
    func placeTimeThenLabel() throws {
        // BST is UTC+1: 10:15am is 09:15Z and 11:40am 10:40Z.
        let text = "# Checkout errors (2023-07-04)\n\nTimes are London time (BST).\n\n- 10:15am: checkout fails for customers\n- 11:40am: checkout working again\n"
        let (incident, _) = try ProseFixture.parse(text, name: "london-time.md")
        #expect(incident.impactWindowUTC == ["2023-07-04T09:15:00Z", "2023-07-04T10:40:00Z"])
        #expect(incident.events.first?.zone?.token == "BST")
    }

    @Test("Zones written out in words: '(Pacific Standard Time)' after a range, 'Eastern Daylight Time' after a clock")
    func longZoneNames() throws {
        // PST is UTC-8: 11pm on March 8 is 07:00Z on the 9th, 1:30am on March 9 is 09:30Z.
        let overnight = "# Portal outage, March 8, 2021\n\nThe portal was unavailable from 11pm on March 8 to 1:30am on March 9 (Pacific Standard Time).\n"
        let (portal, _) = try ProseFixture.parse(overnight, name: "overnight.md")
        #expect(portal.impactWindowUTC == ["2021-03-09T07:00:00Z", "2021-03-09T09:30:00Z"])
        // EDT is UTC-4: 9:05 AM is 13:05Z, 10:20 AM is 14:20Z.
        let morning = "# Login errors, June 3, 2022\n\nLogins failed at 9:05 AM Eastern Daylight Time on June 3, 2022. Logins were restored at 10:20 AM Eastern Daylight Time.\n"
        let (logins, _) = try ProseFixture.parse(morning, name: "morning.md")
        #expect(logins.impactWindowUTC == ["2022-06-03T13:05:00Z", "2022-06-03T14:20:00Z"])
        #expect(logins.events.first?.zone?.token == "EDT")
    }
}
