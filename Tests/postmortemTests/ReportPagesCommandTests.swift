import Foundation
import PostmortemTestSupport
import Testing

@Suite("report writes HTML pages and one index per folder")
struct ReportPagesCommandTests {
    @Test("A scenario and an incident source in one run give both pages and a single index listing them")
    func scenarioAndSource() throws {
        let folder = try CLI.temporaryFolder("pages")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run([
            "report", "Fixtures/scenarios/s3-2008-gossip.yaml", "Fixtures/status-pages/aws-s3-2008-07-20.html", "--output-dir", folder,
        ])
        #expect(outcome.status == 0)
        let written = outcome.stdout.split(separator: "\n").map { String($0.dropFirst("wrote \(folder)/".count)) }
        #expect(written.filter { $0 == "index.html" }.count == 1)
        #expect(written.last == "index.html")
        #expect(written.contains("2008-07-20-amazon-simple-storage-service-us-event-july-20-2008.html"))
        #expect(written.contains("s3-2008-gossip-seed1.html"))
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        // The S3 page alone (no follow-up): 9:05 AM to 5:00 PM PDT, 7h 55m, 25% under the 2008 terms in force.
        #expect(index.contains("<td>2008-07-20</td><td><a href=\"2008-07-20-amazon-simple-storage-service-us-event-july-20-2008.html\">Amazon Simple Storage Service (US) Event: July 20, 2008</a></td><td>incident</td><td>7h 55m impact; EU 6h 18m; US 7h 55m; 25% credit (s3-2008)</td>"))
        #expect(index.contains("<a href=\"s3-2008-gossip-seed1.html\">Simulation: s3-2008-gossip (seed 1)</a>"))
    }
}
