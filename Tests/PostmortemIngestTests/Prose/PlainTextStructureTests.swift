@testable import PostmortemIngest
import PostmortemTimeline
import Foundation
import Testing

/// Plain text keeps a timeline's shapes without markup: bullets, `|` rows, a time on a line of
/// its own over its entry, key-event lines. The reader recovers the blocks Markdown would give,
/// and a text that names no zone is placed by the jurisdiction or city it names. Each window is
/// worked out by hand in the comments.
@Suite("Plain-text structure and location zones")
struct PlainTextStructureTests {
    @Test("Plain text: bullets (marker dropped, indented lines continue the item), | rows with a header, rules and grid borders dropped, a clock line is a row")
    func blocks() {
        let text = """
            Key events
              - First detected 2024-07-09 09:12
                by the uptime check
              - Repaired 2024-07-09 10:05
            -----
            Resolved 2024-07-09 16:30

            +------+-------+
            | Time | Event |
            |------|-------|
            | 09:12 | Alerts fire |
            +------+-------+
            """
        // (The `|---|` row would make `BlockDocument.read` take the text for Markdown; a text
        // export without it is plain text, and the plain-text splitter still knows the row.)
        let document = BlockDocument(markup: .plainText, blocks: PlainTextBlocks.blocks(lines: BlockDocument.lines(text)))
        #expect(BlockDocument.read(text: text.replacingOccurrences(of: "|------|-------|\n", with: "")).markup == .plainText)
        #expect(document.blocks.map(\.kind) == [.heading, .listItem, .listItem, .listItem, .tableRow, .tableRow])
        #expect(document.blocks.map(\.text) == [
            "Key events", "First detected 2024-07-09 09:12\nby the uptime check", "Repaired 2024-07-09 10:05", "Resolved 2024-07-09 16:30",
            "Time | Event", "09:12 | Alerts fire",
        ])
        #expect(document.blocks.map(\.line) == [1, 2, 4, 6, 9, 11])
        #expect(document.blocks.map(\.isTableHeader) == [false, false, false, false, true, false])
        #expect(document.blocks[5].cells == ["09:12", "Alerts fire"])
    }

    @Test("A bullet's line cut mid-sentence goes on into the next line even without indentation; a finished line does not")
    func lazyContinuation() {
        let text = """
            - 8:02 AM: the on-call engineer reports that the webhooks look healthy on their side,
            first report that 503 responses are served to the webhooks.
            - 8:27 AM: resolution confirmed.
            Resolved 2019-01-23 08:40
            """
        let blocks = PlainTextBlocks.blocks(lines: BlockDocument.lines(text))
        #expect(blocks.map(\.kind) == [.listItem, .listItem, .listItem])
        #expect(blocks.map(\.line) == [1, 3, 4])
        #expect(blocks[0].text.hasSuffix("side,\nfirst report that 503 responses are served to the webhooks."))
    }

    @Test("Key events as plain text with a .gov.uk address and no zone: UK time assumed (BST in July), warned once")
    func keyEventsGovUK() throws {
        // BST is UTC+1 on 9 July 2024: "First detected 09:12" is 08:12Z, "Repaired 10:05" is
        // 09:05Z (55 minutes). "Resolved 16:30" closes the incident after the clean-up; it is not
        // the end of impact.
        let (incident, warnings) = try ProseFixture.read("plain-key-events-gov-2024-07-09.txt")
        #expect(incident.impactWindowUTC == ["2024-07-09T08:12:00Z", "2024-07-09T09:05:00Z"])
        #expect(incident.impactStart?.rule == "stated start")
        #expect(incident.impactEnd?.rule == "last timeline row stating restoration")
        #expect(incident.impactEnd?.zoneAssumption == "Europe/London, assumed: the text names no zone and holds no epoch stamp to place its clocks, but names 'gov.uk': local time there")
        #expect(incident.events.first?.zone?.token == "BST")
        let assumed = warnings.filter { $0.message.contains("assumed Europe/London") }
        #expect(assumed.count == 1)
        #expect(assumed.first?.location.line == 4)
    }

    @Test("A time on a line of its own over bullet items is one row with them, as its heading was in Markdown")
    func loneTimeOverItems() throws {
        // "All times in PST": 14:02 PST is 22:02Z, 14:40 PST is 22:40Z (38 minutes).
        let (incident, _) = try ProseFixture.read("plain-time-lines-2019-11-20.txt")
        #expect(incident.events.map(\.time.iso8601) == ["2019-11-20T22:02:00Z", "2019-11-20T22:40:00Z"])
        #expect(incident.events.first?.text == "2019-11-20 14:02 Search requests start timing out for users The latency alert pages the on-call engineer")
        #expect(incident.events.first?.source.line == 11)
        #expect(incident.impactWindowUTC == ["2019-11-20T22:02:00Z", "2019-11-20T22:40:00Z"])
    }

    @Test("Dot clocks with a .gov.au address and no zone: Australian eastern summer time (UTC+11 in January), so the UTC day is the one before")
    func locationAustralia() throws {
        // 9.05 and 9.31 AEDT on 14 January 2021 are 22:05Z and 22:31Z on 13 January.
        let (incident, _) = try ProseFixture.read("plain-location-gov-au-2021-01-14.txt")
        #expect(incident.impactWindowUTC == ["2021-01-13T22:05:00Z", "2021-01-13T22:31:00Z"])
        #expect(incident.impactStart?.zoneAssumption?.hasPrefix("Australia/Sydney, assumed:") == true)
        #expect(incident.events.first?.zone?.token == "AEDT")
        #expect(incident.events.first?.zone?.offsetSeconds == 39_600)
    }

    @Test("Location cues: a domain or a place where someone is counts; a place in the story or a cloud region does not", arguments: [
        ("Our team in Sydney saw the queue stall.", "Australia/Sydney"),
        ("Alerts reached the London office at once.", "Europe/London"),
        ("Forms at apply.example.gov.uk failed; a Paris team helped.", "Europe/London"),
        ("A New York switch reset and the fault spread.", nil),
        ("Instances in the Sydney region were replaced.", nil),
        ("Traffic moved to eu-west-2 (London) at once.", nil),
        ("Nothing here names a place.", nil),
    ] as [(String, String?)])
    func locationCues(text: String, identifier: String?) {
        #expect(ProseLocationZone.find(in: text)?.identifier == identifier)
    }

    @Test("A place's zone follows its own daylight rules: GMT/BST in London, AEDT/AEST in Sydney")
    func locationRules() throws {
        let london = try #require(ProseLocationZone.find(in: "based in London"))
        #expect(london.zone(on: CivilDate(year: 2022, month: 1, day: 22), hour: 12) == WrittenZone(token: "GMT", offsetSeconds: 0))
        #expect(london.zone(on: CivilDate(year: 2026, month: 3, day: 30), hour: 9) == WrittenZone(token: "BST", offsetSeconds: 3600))
        let sydney = try #require(ProseLocationZone.find(in: "status.example.gov.au"))
        #expect(sydney.zone(on: CivilDate(year: 2016, month: 2, day: 11), hour: 10) == WrittenZone(token: "AEDT", offsetSeconds: 39_600))
        #expect(sydney.zone(on: CivilDate(year: 2016, month: 8, day: 12), hour: 10) == WrittenZone(token: "AEST", offsetSeconds: 36_000))
    }

    @Test("Bullets a renderer ran into one paragraph ('• 13:02 — ... • 14:05 — ...') are one row each, on a page as in plain text", arguments: [
        "page.html", "notes.txt",
    ])
    func inlineBullets(name: String) throws {
        // PST is UTC-8: customers hit at 13:10 (21:10Z), search normal again at 14:05 (22:05Z);
        // 14:30 only closes the incident after monitoring.
        let body = "• 13:02 — Alert: search latency above target • 13:10 — Customers report search timeouts • 14:05 — Search latency normal again • 14:30 — Incident resolved after monitoring"
        let text = name.hasSuffix(".html")
            ? "<html><head><title>Search timeouts, Feb 20, 2023</title></head><body><article><h1>Search timeouts, Feb 20, 2023</h1><p>All times PST.</p><p>\(body)</p></article></body></html>"
            : "Search timeouts, Feb 20, 2023\n\nAll times PST.\n\n\(body)\n"
        let (incident, _) = try ProseFixture.parse(text, name: name)
        #expect(incident.events.map(\.writtenTime) == ["13:02", "13:10", "14:05", "14:30"])
        #expect(incident.impactEnd?.time.iso8601 == "2023-02-20T22:05:00Z")
        #expect(incident.impactEnd?.rule == "last timeline row stating restoration")
    }
}
