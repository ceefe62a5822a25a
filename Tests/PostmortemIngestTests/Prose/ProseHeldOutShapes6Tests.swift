@testable import PostmortemIngest
import PostmortemTestSupport
import PostmortemTimeline
import Testing

/// Shapes found by measuring on a second, larger batch of real public postmortems the project had
/// not seen (template write-ups with a Stats block, one write-up of several outages that refer to
/// each other by day): each test reads one of the project's own fixtures written in that shape, or
/// one rule on its own. Windows are worked out by hand in the fixtures' EXPECTED.tsv.
@Suite("Prose: held-out shapes, sixth batch")
struct ProseHeldOutShapes6Tests {
    static func read(_ name: String) throws -> IngestResult {
        let path = FixturePath.resolve("Fixtures/postmortems/generality/" + name)
        return try Ingest.read(path: path, options: IngestOptions())
    }

    @Test("A day that names another entry ('the same as on March 9') does not move this entry's bare times")
    func crossReferencedDays() throws {
        let result = try Self.read("recurring-outages-cross-reference.md")
        #expect(result.incidents.map(\.impactWindowUTC) == [
            ["2023-03-02T14:05:00Z", "2023-03-02T14:52:00Z"],
            ["2023-03-09T09:31:00Z", "2023-03-09T10:18:00Z"],
            ["2023-03-16T22:47:00Z", "2023-03-16T23:06:00Z"],
        ])
        let references = result.warnings.filter { $0.message.contains("names the day of another entry") }
        #expect(references.map(\.location.line) == [12, 25, 38, 38])
    }

    @Test("Stats whose time to detection and recovery fit three rows place the window on them")
    func statsFitRows() throws {
        let result = try Self.read("stats-fit-cause-row.md")
        let incident = try #require(result.incidents.first)
        #expect(incident.impactWindowUTC == ["2023-05-08T06:40:00Z", "2023-05-08T10:05:00Z"])
        #expect(incident.impactStart?.rule == "timeline row the stated time to detection and recovery count from")
        #expect(incident.impactStart?.isStated == false)
        #expect(result.warnings.contains { $0.message.contains("fits the timeline rows") && $0.location.line == 26 })
    }

    @Test("The stats fields: detection and recovery read, a time to mitigate is not a recovery")
    func statsFields() {
        let fields = ProseStatsFields.find(in: [("- Time to detection: 7 hours", 3), ("- Time to recovery: 54 hours 10 minutes", 4)])
        #expect(fields == ProseStatsFields(detection: 7 * 3600, recovery: 54 * 3600 + 600, line: 4))
        #expect(ProseStatsFields.find(in: [("Stats: time to detect 7 minutes, time to mitigate 42 minutes.", 1)]) == nil)
        #expect(ProseStatsFields.find(in: [("Time to detection: ?", 1), ("Time to recovery: ?", 2)]) == nil)
    }

    @Test("A row where the thing 'stops forwarding' is the failure; 'started forwarding again' and 'Log forwarding operational.' end it")
    func stopsActivityRows() throws {
        let incident = try #require(try Self.read("stops-forwarding-rows-cet.md").incidents.first)
        #expect(incident.impactWindowUTC == ["2023-01-17T09:05:00Z", "2023-01-17T14:12:00Z"])
        #expect(ProseWindowEvidence.rowStatesImpact(lower: "first node stops forwarding logs"))
        #expect(ProseWindowEvidence.rowStatesImpact(lower: "consumers stopped acknowledging messages"))
        #expect(!ProseWindowEvidence.rowStatesImpact(lower: "the two nodes started forwarding logs again"))
        #expect(!ProseWindowEvidence.rowStatesImpact(lower: "scheduled node rotation started"))
        #expect(!ProseWindowEvidence.rowStatesImpact(lower: "we stopped rolling out the new version"))
        #expect(ProseRestorationClause.states("Log forwarding operational."))
        #expect(!ProseRestorationClause.states("The API was not operational."))
        #expect(!ProseRestorationClause.states("Gateway non-operational."))
    }

    @Test("A status page's incident file states its window in the front matter: date: with resolvedWhen:")
    func frontMatterWindow() throws {
        let incident = try #require(try Self.read("status-file-front-matter.md").incidents.first)
        #expect(incident.title == "Package mirror unreachable")
        #expect(incident.impactWindowUTC == ["2023-02-06T20:14:00Z", "2023-02-06T21:02:30Z"])
        #expect(incident.impactStart?.source.line == 3)
        #expect(incident.impactEnd?.source.line == 5)
        // A blog post's `date:` alone is its day of publication, never a start.
        let post = MarkdownBlocks.windowFields(["title: Outage review", "date: 2023-02-08T09:00:00Z"])
        #expect(post.isEmpty)
        let status = MarkdownBlocks.windowFields(["date: 2023-02-06T21:14:00+01:00", "resolvedWhen: 2023-02-06T22:02:30+01:00"])
        #expect(status.map(\.text) == ["Started: 2023-02-06T21:14:00+01:00", "Resolved: 2023-02-06T22:02:30+01:00"])
    }

    @Test("A timeline row's range is the outage's only when the row states impact; a fall in availability is impact")
    func rowRangesAndAvailability() throws {
        let text = """
            # Editor outage, 2024-03-12

            ## Timeline

            All times in UTC.

            - 2024-03-12 01:00-03:30 - The new base image was published to the registry.
            - 2024-03-12 04:10 - Availability of the editor drops to 20%; the uptime graph shows a drop in availability.
            - 2024-03-12 05:05 - Nodes rolled back to the old image.
            - 2024-03-12 05:20 - Editor fully restored.
            """
        let result = try Ingest.parse(SourceInput(path: "editor.md", bytes: Array(text.utf8)))
        let incident = try #require(result.incidents.first)
        #expect(incident.impactWindowUTC == ["2024-03-12T04:10:00Z", "2024-03-12T05:20:00Z"])
        #expect(ProseWindowEvidence.statesImpact(lower: "the uptime graph shows a drop in availability"))
    }
}
