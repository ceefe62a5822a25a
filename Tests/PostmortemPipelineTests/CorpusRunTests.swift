import Foundation
import PostmortemIngest
import PostmortemTestSupport
import Testing

@testable import PostmortemMetrics
@testable import PostmortemPipeline

@Suite("Corpus statistics")
struct CorpusRunTests {
    @Test("Median, p90 and longest over the S3 and EBS incidents, unreadable files listed")
    func corpus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-corpus-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html"), toPath: folder + "/s3.html")
        try FileManager.default.copyItem(atPath: FixturePath.resolve("Fixtures/postmortems/aws-ebs-2011-04-21.txt"), toPath: folder + "/ebs.txt")
        try Data([0, 1, 2, 3, 255]).write(to: URL(fileURLWithPath: folder + "/junk.bin"))
        // A folder's README and its answer key are not incident material: listed as skipped, not read.
        try "# Our captures\n\nCollected on March 3, 2024 at 14:20 UTC.\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        try "file\tstart\n2024-03-03 14:20\toutage began\n".write(toFile: folder + "/EXPECTED.tsv", atomically: true, encoding: .utf8)
        let (files, skipped) = CorpusRun.files(folder: folder, ingest: IngestOptions(), jobs: 2)
        #expect(files.map(\.name) == ["corpus.md", "corpus.csv", "corpus-monthly.csv", "corpus-durations.svg", "corpus-heatmap-aws.svg", "archive-aws.html", "index.html"])
        // The provider's page: July 2008 lost 475 of 44,640 minutes, April 2011 3,928 of 43,200.
        let page = files[5].contents
        #expect(page.contains("<h1>Incident archive: AWS</h1>"))
        #expect(page.contains("<tr><td>2008-07</td><td class=\"num\">98.936%</td><td class=\"num\">7h 55m</td><td class=\"num\">1</td></tr>"))
        #expect(page.contains("<span class=\"figure\">90.907%</span><span class=\"detail\">2011-04</span>"))
        #expect(files[6].contents.contains("<a href=\"archive-aws.html\">Incident archive: AWS</a>"))
        #expect(skipped.count == 3)
        #expect(skipped.filter { $0.contains("junk.bin") }.count == 1)
        #expect(skipped.contains(folder + "/README.md: skipped: the folder's README, not incident material"))
        #expect(skipped.contains(folder + "/EXPECTED.tsv: skipped: a tab-separated table, no format postmortem reads"))
        let markdown = files[0].contents
        // 475 minutes (S3 page) and 3,928 minutes (EBS, 12:47 AM April 21 to 6:15 PM April 23).
        #expect(markdown.contains("- **Incidents:** 2 (2 with an impact window)"))
        #expect(markdown.contains("- **Median duration:** 1d 12h 42m"))  // (475 + 3928) / 2 = 2201.5
        #expect(markdown.contains("- **Longest:** 2d 17h 28m, AWS postmortem, April 29, 2011"))
        #expect(abs((CorpusStatistics.percentile([475, 3928], 0.9) ?? 0) - 3582.7) < 1e-9)
    }
}
