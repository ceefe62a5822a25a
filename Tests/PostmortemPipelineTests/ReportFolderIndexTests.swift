import Foundation
import Testing

@testable import PostmortemPipeline

@Suite("The reports folder's own index")
struct ReportFolderIndexTests {
    @Test("--update writes Reports/index.html linking each report folder; check covers it byte for byte")
    func folderIndex() throws {
        let root = try DriftCheckTests.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try ReportRegeneration.update(folder: root + "/Reports")
        let index = try String(contentsOfFile: root + "/Reports/index.html", encoding: .utf8)
        #expect(index.contains("<td><a href=\"s3/index.html\">s3</a></td><td>incident reports</td><td>Fixtures/s3.html</td>"))
        let check = try DriftCheck(folder: root + "/Reports")
        #expect(check.passed)
        #expect(check.results.map(\.name) == ["s3", "index.html"])

        try index.replacingOccurrences(of: "s3/index.html", with: "elsewhere.html").write(toFile: root + "/Reports/index.html", atomically: true, encoding: .utf8)
        let drifted = try DriftCheck(folder: root + "/Reports")
        #expect(!drifted.passed)
        #expect(drifted.results.last?.drifted.first?.path == root + "/Reports/index.html")
        #expect(drifted.results.last?.drifted.first?.diff.contains("+<tr><td></td><td><a href=\"s3/index.html\">s3</a></td>") == true)
    }
}
