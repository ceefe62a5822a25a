@testable import PostmortemIngest
import PostmortemTestSupport
import PostmortemTimeline
import Testing

/// Shapes found by measuring on real public postmortems the project had not seen (company
/// Markdown write-ups with `All times in CET.` tables, several outages under one timeline
/// heading, tab-indented clock lines): each test reads one of the project's own fixtures written
/// in that shape, or one rule on its own. Windows are worked out by hand in the fixtures' EXPECTED.tsv.
@Suite("Prose: held-out shapes, fifth batch")
struct ProseHeldOutShapes5Tests {
    static func incidents(_ name: String) throws -> [Incident] {
        let path = FixturePath.resolve("Fixtures/postmortems/generality/" + name)
        return try Ingest.read(path: path, options: IngestOptions()).incidents
    }

    @Test("Dated headings that name an outage open one incident each, even inside a timeline section")
    func titledDaysUnderTimeline() throws {
        let incidents = try Self.incidents("titled-days-under-timeline.md")
        #expect(incidents.map(\.impactWindowUTC) == [
            ["2024-03-04T09:10:00Z", "2024-03-04T10:02:00Z"],
            ["2024-03-07T14:40:00Z", "2024-03-07T15:25:00Z"],
            ["2024-03-10T23:50:00Z", "2024-03-11T01:15:00Z"],
        ])
    }

    @Test("A permanent fix after an earlier restoration does not end the window")
    func permanentFixAfterWorkaround() throws {
        let incident = try #require(try Self.incidents("permanent-fix-row-cet.md").first)
        #expect(incident.impactWindowUTC == ["2022-11-14T08:05:00Z", "2022-11-14T08:41:00Z"])
    }

    @Test("Tab-indented clock lines under a month-first hyphenated date are timeline rows, not code")
    func tabIndentedClockLines() throws {
        let incident = try #require(try Self.incidents("tab-indented-clock-lines.md").first)
        #expect(incident.impactWindowUTC == ["2023-11-15T05:12:00Z", "2023-11-15T05:22:00Z"])
        #expect(MarkdownBlocks.isIndentedTimeline(["\t9:12 PM - The ledger stalled at block 88120."]))
        #expect(!MarkdownBlocks.isIndentedTimeline(["    let x = 12:30"]))
        #expect(!MarkdownBlocks.isIndentedTimeline(["    2025-09-29T16:54:16Z ERROR pool timed out"]))
        #expect(ProseTimeScanner.separatedDay("01-10-2024") == .init(month: 1, day: 10, year: 2024))
        #expect(ProseTimeScanner.separatedDay("2024-01-10") == nil)
    }

    @Test("A row where a step only 'started' is no impact; a ticket marked resolved is no end")
    func startedStepAndTicket() throws {
        let incident = try #require(try Self.incidents("started-step-row.md").first)
        #expect(incident.impactWindowUTC == ["2023-05-22T07:42:00Z", "2023-05-22T08:51:00Z"])
        #expect(!ProseWindowEvidence.rowStatesImpact(lower: "scheduled node rotation started"))
        #expect(ProseWindowEvidence.rowStatesImpact(lower: "all public endpoints answer 404"))
        #expect(!ProseWindowEvidence.statesEnd(lower: "sev 1 ticket marked as resolved", phrases: ProseWindowEvidence.weakEndPhrasesList))
        #expect(ProseWindowEvidence.statesEnd(lower: "deployment downgraded, which solved the issue", phrases: ProseWindowEvidence.weakEndPhrasesList))
    }
}
