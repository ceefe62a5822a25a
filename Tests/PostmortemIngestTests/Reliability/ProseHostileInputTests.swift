import PostmortemTimeline
import Testing

@testable import PostmortemIngest

@Suite("Hostile prose: damaged text is still prose")
struct ProseHostileInputTests {
    @Test("Windows-1252 prose with a NUL, a BEL and an unknown zone: three times, clean text, two warnings")
    func damagedProse() throws {
        let result = try Hostile.read("prose-hostile-1252.txt")
        #expect(result.format == .prose)
        #expect(result.incidents.first?.title == "Storage API incident in Zürich, 5 March 2024")
        #expect(Hostile.times(result) == ["2024-03-05T14:05:00Z", "2024-03-05T14:11:00Z", "2024-03-05T15:47:00Z"])
        #expect(Hostile.texts(result) == [
            "14:05 UTC Error rates on the storage API rose above 5% of requests in Zürich.",
            "14:11 UTC On-call engineer paged; investigation started.",
            "15:47 UTC Error rates returned to normal.",
        ])
        #expect(result.warnings.map(\.description) == [
            "prose-hostile-1252.txt:1: the file declares no charset and byte 25 is not UTF-8; decoded as Windows-1252 (best effort)",
            "prose-hostile-1252.txt:9: skipped a time: unknown time zone 'XYZT' in '14:32 XYZT'",
        ])
    }

    @Test("Binary files forced to prose have no timeline", arguments: ["random-bytes.bin", "binary-named.html"])
    func binaryAsProse(name: String) {
        let error = #expect(throws: IngestError.self) { try Hostile.read(name, options: IngestOptions(formatHint: .prose)) }
        #expect(error?.description.hasPrefix("\(name): no timeline found; expected postmortem prose") == true)
    }

    @Test("Control characters are taken out of text, tab and line feed kept", arguments: [
        ("a\u{0}b\u{7}c\u{1B}[0md\u{7F}", "abc[0md"), ("tab\there\nline", "tab\there\nline"), ("Zürich\r", "Zürich"),
    ])
    func removingControls(text: String, clean: String) {
        #expect(TextFolding.removingControls(text) == clean)
    }
}
