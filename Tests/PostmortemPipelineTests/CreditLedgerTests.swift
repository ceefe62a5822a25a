import PostmortemTestSupport
import Testing

@testable import PostmortemMetrics
@testable import PostmortemPipeline
@testable import PostmortemTimeline

@Suite("The credit ledger: scope, selection and periods over every input")
struct CreditLedgerTests {
    static let gcp = FixturePath.resolve("Fixtures/credits/gcp-2023-07-three-products.json")
    static let s3 = FixturePath.resolve("Fixtures/credits/s3-2008-four-outages.json")

    static func ledger(_ request: ReportRequest) throws -> CreditLedger {
        try ReportPipeline.creditLedger(try ReportPipeline.load(request).incidents, request: request)
    }

    @Test("gcs-multiregion counts only the Cloud Storage incident and warns about the other two")
    func googleScope() throws {
        let ledger = try Self.ledger(ReportRequest(inputs: [Self.gcp], policies: ["gcs-multiregion"]))
        #expect(ledger.incidents.map(\.incident) == ["Cloud Storage requests failing in the US multi-region"])
        // Only the 60-minute storage window: 12 of 8,928 periods, 100 x (1 - 12 / 8928) = 99.866%
        // -> 10%. Counting the 8-hour Compute Engine and 12-hour App Engine windows too would
        // have made 21 hours: 252 periods, 97.177%, 25%.
        let period = try #require(ledger.periods.first)
        #expect(ledger.periods.count == 1)
        #expect(period.incidents == ["Cloud Storage requests failing in the US multi-region"])
        #expect(period.downtimeMinutes == 60)
        #expect(NumberFormat.fixed(period.uptimePercent, decimals: 3) == "99.866")
        #expect(period.creditPercent == 10)
        #expect(ledger.warnings.map(\.message) == [
            "'App Engine deployments failing' is about Google App Engine, which gcs-multiregion does not cover (it covers Google Cloud Storage): not counted",
            "'Compute Engine instances unreachable' is about Google Compute Engine, which gcs-multiregion does not cover (it covers Google Cloud Storage): not counted",
        ])
        #expect(ledger.warnings.allSatisfy { $0.location.file == Self.gcp })
    }

    @Test("--service selects incidents before any policy sees them")
    func serviceSelection() throws {
        var request = ReportRequest(inputs: [Self.gcp], policies: ["gce-multizone"])
        request.services = ["Compute Engine"]
        request.credit = .init(affectedZones: 2)
        let ledger = try Self.ledger(request)
        // 01:00-09:00 is 480 of July's 44,640 minutes: 100 x (1 - 480 / 44640) = 98.925% -> 25%.
        #expect(ledger.incidents.map(\.incident) == ["Compute Engine instances unreachable"])
        #expect(ledger.warnings.isEmpty)
        #expect(ledger.notes == ["2 of 3 incidents are outside --service/--region and not counted."])
        #expect(NumberFormat.fixed(ledger.periods.first?.uptimePercent ?? 0, decimals: 3) == "98.925")
        #expect(ledger.periods.first?.creditPercent == 25)
        #expect(ledger.periods.first?.claimDeadline == nil)
    }

    @Test("Without --policy each incident takes the policy in force; the bill prices July and August")
    func inForceWithBill() throws {
        var request = ReportRequest(inputs: [Self.s3])
        request.bill = FixturePath.resolve("Fixtures/credits/s3-2008-bill.csv")
        let ledger = try Self.ledger(request)
        #expect(ledger.incidents.count == 4)
        #expect(ledger.periods.map(\.policy.id) == ["s3-2008", "s3-2008"])
        #expect(ledger.periods.map(\.creditPercent) == [25, 10])
        #expect(ledger.periods.map { $0.creditAmount?.description } == ["308.64 USD", "98.77 USD"])
        #expect(ledger.periods.map { $0.claimDeadline?.description } == ["2008-09-30", "2008-10-31"])
    }

    @Test("With --strict an incident outside the policy's scope is an error")
    func strictScope() throws {
        let request = ReportRequest(inputs: [Self.gcp], strict: true, policies: ["gcs-multiregion"])
        let error = #expect(throws: PipelineError.self) { try Self.ledger(request) }
        #expect(error?.description.hasPrefix("\(Self.gcp): 2 warning(s) and --strict was given; first: ") == true)
    }
}
