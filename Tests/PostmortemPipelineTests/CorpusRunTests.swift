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
        let (files, skipped) = CorpusRun.files(folder: folder, ingest: IngestOptions(), jobs: 2)
        #expect(files.map(\.name) == ["corpus.md", "corpus.csv", "corpus-monthly.csv", "corpus-durations.svg", "corpus-heatmap-aws.svg"])
        #expect(skipped.count == 1)
        #expect(skipped.first?.contains("junk.bin") == true)
        let markdown = files[0].contents
        // 475 minutes (S3 page) and 3,928 minutes (EBS, 12:47 AM April 21 to 6:15 PM April 23).
        #expect(markdown.contains("- **Incidents:** 2 (2 with an impact window)"))
        #expect(markdown.contains("- **Median duration:** 1d 12h 42m"))  // (475 + 3928) / 2 = 2201.5
        #expect(markdown.contains("- **Longest:** 2d 17h 28m, AWS postmortem, April 29, 2011"))
        #expect(abs((CorpusStatistics.percentile([475, 3928], 0.9) ?? 0) - 3582.7) < 1e-9)
    }
}
