import Foundation
import Testing

/// Postmortem prose the reader cannot place, run as a user would: the message names the file
/// (and the line, where one time is the trouble), the exit status is 65, and no report is left.
@Suite("Prose that cannot be read, on the command line", .serialized)
struct ProseBadInputCommandTests {
    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pm-prose-\(name)-\(UUID().uuidString)").path
    }

    @Test("A postmortem with no time at all: exit 65, the file named, no report folder")
    func noTime() throws {
        let folder = Self.scratch("no-time")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "Fixtures/postmortems/no-time-apology.txt"
        let outcome = try CLI.run(["report", file, "--output-dir", folder])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("postmortem: \(file): no timeline found; expected postmortem prose"))
        #expect(outcome.stderr.contains("(the text holds no time of day)"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("Times that cannot be placed in a year: exit 65, the line and --reference-date named, no report; with it, the report is written", arguments: [
        "Fixtures/postmortems/no-year-mail-delays.txt", "markdown",
    ])
    func noYear(source: String) throws {
        var file = source
        if source == "markdown" {
            // The same shape as Markdown: a heading, then the day without a year on line 5.
            file = Self.scratch("no-year") + ".md"
            try Data("# Mail delivery delays\n\n## What happened\n\n**March 3, 14:20 UTC**: outbound mail began queueing.\n".utf8)
                .write(to: URL(fileURLWithPath: file))
        }
        defer { if source == "markdown" { try? FileManager.default.removeItem(atPath: file) } }
        let line = source == "markdown" ? 5 : 3
        let folder = Self.scratch("no-year")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try CLI.run(["report", file, "--output-dir", folder])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("postmortem: \(file): no timeline found"))
        #expect(refused.stderr.contains("line \(line): skipped a time:"))
        #expect(refused.stderr.contains("names no year and the text gives none (give --reference-date)"))
        #expect(refused.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder))
        let json = try CLI.run(["timeline", file, "--format", "json"])
        #expect(json.status == 65)
        #expect(json.stdout.isEmpty)
        // With the date the text leaves out, the same file reads: 14:20 UTC on 2017-03-03.
        let read = try CLI.run(["timeline", file, "--reference-date", "2017-03-01", "--format", "json"])
        #expect(read.status == 0)
        #expect(read.stdout.contains("\"time\": \"2017-03-03T14:20:00Z\""))
    }
}
