import Foundation
import PostmortemTestSupport
import Testing

@Suite("postmortem credits: periods, bills and claims", .serialized)
struct CreditsCommandTests {
    static let outages = "Fixtures/credits/s3-2008-four-outages.json"
    static let bill = "Fixtures/credits/s3-2008-bill.csv"

    @Test("--format json keeps incidents and adds periods with amounts and deadlines")
    func json() throws {
        let outcome = try CLI.run(["credits", Self.outages, "--bill", Self.bill])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\"periods\": ["))
        #expect(outcome.stdout.contains("\"uptimePercent\": 98.622"))
        #expect(outcome.stdout.contains("\"creditAmount\": 308.64"))
        #expect(outcome.stdout.contains("\"currency\": \"USD\""))
        #expect(outcome.stdout.contains("\"claimDeadline\": \"2008-09-30\""))
        // The per-incident list is still there: each 205-minute outage alone is 99.541%.
        #expect(outcome.stdout.components(separatedBy: "\"monthlyUptimePercent\": 99.541").count == 5)
    }

    @Test("--claim writes one letter per period that owes a credit")
    func claims() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["credits", Self.outages, "--bill", Self.bill, "--claim", "--output-dir", folder])
        #expect(outcome.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["claim-s3-2008-2008-07.md", "claim-s3-2008-2008-08.md"])
        let july = try String(contentsOfFile: folder + "/claim-s3-2008-2008-07.md", encoding: .utf8)
        #expect(july.contains("- **Amount claimed:** 308.64 USD (25% of 1234.57 USD billed, `Fixtures/credits/s3-2008-bill.csv:2`)."))
        #expect(july.contains("- **Claim deadline:** 2008-09-30"))
        #expect(july.contains("- **Tier:** uptime below 99% earns a credit of 25% of the bill for the period."))
        #expect(july.contains("| 2008-07-05 10:00 | We see every S3 request failing with internal errors. | `Fixtures/credits/s3-2008-four-outages.json@"))
        #expect(july.contains("| 2008-07-05 13:25 | S3 has recovered and requests succeed. | `Fixtures/credits/s3-2008-four-outages.json@"))
        #expect(july.contains("- **Sources:** `Fixtures/credits/s3-2008-four-outages.json`"))
    }

    @Test("A malformed bill row exits 65 naming the file and line, and writes no claim")
    func malformedBill() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-bad-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["credits", Self.outages, "--bill", "Fixtures/credits/bill-malformed.csv", "--claim", "--output-dir", folder])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("postmortem: Fixtures/credits/bill-malformed.csv:3: bill: period '2008-13' is not a month YYYY-MM"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

@Suite("postmortem uptime", .serialized)
struct UptimeCommandTests {
    static let page = "Fixtures/credits/statuspage-2024-03-components.json"

    @Test("--format csv: one row per component and month, with the published figure's difference")
    func csv() throws {
        let outcome = try CLI.run(["uptime", Self.page, "--profile", "incident-io", "--published", "API=99.9", "--format", "csv"])
        #expect(outcome.status == 0)
        let rows = outcome.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.count == 3)
        // incident.io: API 60 of 44,640 minutes down, 99.866%; 99.866 - 99.9 = -0.034 points.
        #expect(rows[1].hasPrefix("API,2024-03,incident-io,44640,60,99.866,99.9,-0.034,"))
        #expect(rows[2].hasPrefix("Dashboard,2024-03,incident-io,44640,120,99.731,,,"))
    }

    @Test("An unknown profile or a malformed --published is a usage error", arguments: [
        ["uptime", page, "--profile", "nope"], ["uptime", page, "--published", "API=101"],
    ])
    func usage(arguments: [String]) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
    }
}
