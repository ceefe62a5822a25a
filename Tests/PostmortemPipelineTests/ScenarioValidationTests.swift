import PostmortemMetrics
import PostmortemPipeline
import PostmortemReports
import PostmortemTestSupport
import RecoveryModel
import Testing

@Suite("Validation on unseen seeds")
struct ScenarioValidationTests {
    static let gossip = FixturePath.resolve("Fixtures/scenarios/s3-2008-gossip.yaml")
    /// The gossip scenario with a small spread experiment, so a validation runs in seconds.
    static let small = ["spread.runs=1"]

    @Test("mean, sample SD and hits are worked out per figure")
    func arithmetic() {
        let figure = ValidationSummary.Figure(name: "f", role: "predicted", published: 10, tolerance: 1, unit: "percent",
                                              precision: nil, values: [9, 10, 11, 12, .nan])
        #expect(figure.runs == 5)
        #expect(figure.within == 3)
        #expect(figure.mean == 10.5)
        // Deviations -1.5, -0.5, 0.5, 1.5: squares sum to 5, over n - 1 = 3.
        #expect(abs(figure.standardDeviation - (5.0 / 3).squareRoot()) < 1e-12)
    }

    @Test("each figure is scored on the unseen seeds; the fit figure is refitted without itself")
    func gossipValidation() throws {
        let summary = try ScenarioValidation.run(path: Self.gossip, seeds: [11, 12, 13], overrides: Self.small, leaveOneOut: true, jobs: 2)
        #expect(summary.seeds == [11, 12, 13])
        #expect(summary.calibrationSeeds == [1, 7])
        #expect(summary.calibrated.map(\.key) == ["recovery.gossipBytesPerSecond"])
        let us = try #require(summary.figures.first { $0.name == "incident.us.restoredMinutes" })
        #expect(us.role == "predicted")
        #expect(us.runs == 3)
        #expect(us.within == 3)
        #expect(abs(us.mean - 498) < 15)
        #expect(us.leaveOneOut == nil)
        let eu = try #require(summary.figures.first { $0.name == "incident.eu.restoredMinutes" })
        let loo = try #require(eu.leaveOneOut)
        // With its only fit figure left out nothing pulls the gossip bandwidth back from the 20%
        // low start (29.2 -> 23.36 bytes/s, rounds of 5 + 1400 / 23.36 = 64.9 s instead of 52.9 s):
        // the EU restore is then predicted about 11 minutes late, an honest miss the table shows.
        #expect(loo.refitted.first?.value == "23.36")
        #expect(loo.mean > eu.mean + 5)
        let text = summary.markdown
        #expect(text.hasPrefix("# Validation: s3-2008-gossip on seeds 11-13\n"))
        #expect(text.contains("1 parameter is calibrated (`recovery.gossipBytesPerSecond` = 29.2) on seeds 1, 7 against 1 fit figure."))
        #expect(text.contains("| incident.us.restoredMinutes | predicted | 498 | ±15 |"))
    }

    @Test("a calibration seed is refused: validation is on unseen seeds only")
    func refusesCalibrationSeeds() {
        #expect(throws: ScenarioError.invalidValue(file: Self.gossip, line: nil, key: "--seeds",
                                                   message: "seed 7 is a calibration seed (calibration.seeds); validate on unseen seeds only")) {
            try ScenarioValidation.run(path: Self.gossip, seeds: [6, 7], overrides: Self.small, leaveOneOut: false, jobs: 1)
        }
    }

    @Test("the vulnerability sweep measures growth per grid point and draws the region")
    func vulnerabilityRegion() throws {
        let ebs = FixturePath.resolve("Fixtures/scenarios/ebs-2011.yaml")
        let sweep = try VulnerabilitySweep(
            scenario: ebs, x: "trigger.isolatedNodeFraction=0.01,0.066", y: "cluster.spareCapacityFraction=0.005,0.3",
            overrides: ["cluster.volumes=5000", "cluster.nodes=100", "rds.instances=100", "interventions.searchesStopped=none"],
            seeds: "11", series: "stuckVolumesPercent", from: "2011-04-21T09:00:00Z", to: "2011-04-22T08:00:00Z", threshold: 0.5)
        let region = try sweep.run(jobs: 2)
        #expect(region.xValues == [0.01, 0.066])
        #expect(region.yValues == [0.005, 0.3])
        // A large trigger in a full cluster keeps growing; with 30% spare capacity it does not.
        #expect(region.isVulnerable(x: 1, y: 0))
        #expect(!region.isVulnerable(x: 1, y: 1))
        #expect(!region.isVulnerable(x: 0, y: 1))
        let svg = VulnerabilityChart.svg(region)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 4)
        #expect(svg.contains("fill=\"#d62728\""))
    }
}
