import PostmortemTimeline
import Testing

@testable import PostmortemIngest

/// Inputs the fuzzers stopped on, kept with the outcome they must have.
@Suite("Inputs found by fuzzing")
struct FuzzFindingTests {
    /// fuzz-ingest reported this 80 KB input (timeline CSV rows spliced with fixture bytes) as a
    /// timeout at 10 s while the machine was saturated; alone it takes about a second, and twice
    /// the input takes twice as long. It reads as prose with hundreds of dated lines.
    /// Its `###` lines make it Markdown since the prose reader reads blocks, and bare clocks take
    /// the zone last written, so the figures moved from 506 times, one incident and 235 warnings.
    @Test("A mangled timeline CSV read as prose: 690 dated lines, 66 warnings (two: figures of its credit sentences), charset guessed")
    func csvAsProse() throws {
        let result = try Hostile.read("fuzz-ingest-csv-as-prose.bin")
        #expect(result.format == .prose)
        // Its first Markdown heading (a spliced line) is the title now, and its dated headings
        // far apart make it six entries.
        #expect(result.incidents.count == 6)
        #expect(result.incidents.first?.title.hasPrefix("April 29, 2011). Times are UTC (the postmortem") == true)
        let times = Hostile.times(result)
        #expect(times.count == 690)
        #expect(times.first == "2008-07-20T07:00:00Z")
        #expect(times.last == "2011-04-24T22:00:00Z")
        // 75: a clock that steps back from one in another section or list is no longer flagged.
        // 66 since prose-zones4's table-column zone and T+0 origin rules (75 with them taken
        // out). Compared warning by warning with the tree before them: of the bare clocks that
        // step back, 32 are now taken as the next day (3 before) and 30 kept on the day in force
        // (68 before), so fewer step back again; the first and last times are the same.
        #expect(result.warnings.count == 66)
        #expect(result.warnings.filter { $0.message.contains("in a sentence about credits") }.count == 2)
        #expect(result.warnings.first?.description
            == "fuzz-ingest-csv-as-prose.bin:37: the file declares no charset and byte 9668 is not UTF-8; decoded as Windows-1252 (best effort)")
    }
}
