import PostmortemTestSupport
import PostmortemTimeline
import Testing

@testable import PostmortemPipeline

@Suite("--merge refuses inputs that are not one incident")
struct MergeCheckTests {
    static let s3Page = "Fixtures/status-pages/aws-s3-2008-07-20.html"
    static let s3Followup = "Fixtures/postmortems/aws-s3-2008-07-20-followup.txt"
    static let ebs = "Fixtures/postmortems/aws-ebs-2011-04-21.txt"

    static func request(_ inputs: [String], force: Bool = false) -> ReportRequest {
        var request = ReportRequest(inputs: inputs, merge: true, root: FixturePath.packageRoot)
        request.forceMerge = force
        return request
    }

    @Test func aStatusPageAndItsOwnFollowUpMerge() throws {
        let loaded = try ReportPipeline.load(Self.request([Self.s3Page, Self.s3Followup]))
        #expect(loaded.incidents.count == 1)
        #expect(!loaded.warnings.contains { $0.message.contains("--force") })
    }

    @Test func theS3PageAndTheEBSPostmortemAreRefused() throws {
        let error = #expect(throws: PipelineError.self) { try ReportPipeline.load(Self.request([Self.s3Page, Self.ebs])) }
        guard case .mergeRefused(let file, let reasons) = error else {
            Issue.record("expected mergeRefused, got \(String(describing: error))")
            return
        }
        #expect(file == Self.s3Page)
        #expect(reasons.count == 2)
        #expect(reasons.first?.hasSuffix("are 1003 days apart (more than 7)") == true)
        #expect(reasons.last?.contains("name different services (Amazon Simple Storage Service; ") == true)
        #expect(error?.description.hasSuffix("give --force to merge them anyway") == true)
    }

    @Test func forceMergesAndWarns() throws {
        let loaded = try ReportPipeline.load(Self.request([Self.s3Page, Self.ebs], force: true))
        #expect(loaded.incidents.count == 1)
        let forced = loaded.warnings.filter { $0.message.hasPrefix("merged with --force although ") }
        #expect(forced.count == 2)
        #expect(forced.allSatisfy { $0.location == SourceLocation(file: Self.s3Page) })
    }

    @Test("Names of one service", arguments: [
        ("Amazon Simple Storage Service", "S3", true),
        ("Amazon S3 (US)", "S3", true),
        ("Amazon Elastic Compute Cloud", "EC2", true),
        ("Elastic Block Store", "EBS", true),
        ("EBS", "S3", false),
        ("Amazon Simple Storage Service", "EC2", false),
        ("Cloud Storage", "Compute Engine", false),
    ])
    func sameService(left: String, right: String, same: Bool) {
        #expect(MergeCheck.same(left, right) == same)
        #expect(MergeCheck.same(right, left) == same)
    }
}
