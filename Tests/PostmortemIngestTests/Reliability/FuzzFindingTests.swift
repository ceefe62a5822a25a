import PostmortemTimeline
import Testing

@testable import PostmortemIngest

/// Inputs the fuzzers stopped on, kept with the outcome they must have.
@Suite("Inputs found by fuzzing")
struct FuzzFindingTests {
    /// fuzz-ingest reported this 80 KB input (timeline CSV rows spliced with fixture bytes) as a
    /// timeout at 10 s while the machine was saturated; alone it takes about a second, and twice
    /// the input takes twice as long. It reads as prose with hundreds of dated lines.
    @Test("A mangled timeline CSV read as prose: 506 dated lines, 237 warnings, charset guessed")
    func csvAsProse() throws {
        let result = try Hostile.read("fuzz-ingest-csv-as-prose.bin")
        #expect(result.format == .prose)
        #expect(result.incidents.map(\.title) == ["AWS postmortem"])
        let times = Hostile.times(result)
        #expect(times.count == 506)
        #expect(times.first == "2007-10-01T00:00:00Z")
        #expect(times.last == "2023-06-13T15:02:11Z")
        #expect(result.warnings.count == 237)
        // Two of them are the figures of its credit sentences, left out of the observations.
        #expect(result.warnings.filter { $0.message.contains("in a sentence about credits") }.map(\.location.line) == [314, 322])
        #expect(result.warnings.first?.description
            == "fuzz-ingest-csv-as-prose.bin:37: the file declares no charset and byte 9668 is not UTF-8; decoded as Windows-1252 (best effort)")
    }
}
