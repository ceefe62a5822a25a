import PostmortemMetrics
import PostmortemTimeline
import Testing
@testable import RecoveryModel

@Suite("EBS 2011 cluster model")
struct EBSClusterModelTests {
    /// Full scale (100,000 volumes, 2,000 nodes, four days): each seed runs once for the suite.
    @Test("every published figure lands within tolerance", arguments: [UInt64(1), 7])
    func figures(seed: UInt64) throws {
        let summary = try ScenarioFixtures.ebsFullScale(seed: seed)
        #expect(summary.figures.count == 12)
        for figure in summary.figures {
            #expect(figure.withinTolerance, "\(figure.name): simulated \(figure.computed), published \(figure.published) ±\(figure.tolerance)")
        }
        let storm = try #require(summary.figure(named: "ebs.stuck.storm"))
        #expect(storm.computed > 11 && storm.computed < 15)
        let rdsPeak = try #require(summary.figure(named: "rds.stuck.peak"))
        // Several volumes per instance: the RDS share is about three times the volume share.
        #expect(rdsPeak.computed > 2.8 * storm.computed)
        #expect(summary.eventsProcessed > 1_000_000)
    }

    @Test("the summary carries simulated and published curves for the report")
    func curves() throws {
        let summary = try ScenarioFixtures.ebsFullScale(seed: 1)
        let published = summary.curves.filter { $0.origin == "published" }
        let volumes = try #require(published.first { $0.subject == "EBS volumes stuck in the affected AZ" })
        #expect(volumes.points.map(\.value) == [13, 1.04])
        #expect(volumes.residual == 0.07)
        let rds = try #require(published.first { $0.subject == "single-AZ RDS instances stuck" })
        #expect(rds.points.map(\.value) == [41.0, 23.5, 14.6])
        #expect(summary.curves.contains { $0.origin == "simulated (seed 1)" && $0.subject == "EBS API calls failing region-wide" })
        // 15-minute samples from 07:00Z April 21 to 12:00Z April 25.
        #expect(summary.times.first?.iso8601 == "2011-04-21T07:00:00Z")
        #expect(summary.times.last?.iso8601 == "2011-04-25T12:00:00Z")
        #expect(summary.series(named: "stuckVolumesPercent")?.values.count == summary.times.count)
    }

    @Test("the same scenario and seed give identical results; another seed does not")
    func determinism() throws {
        let small: [(key: String, value: String)] = [("cluster.volumes", "5000"), ("cluster.nodes", "100"), ("rds.instances", "250")]
        let scenario = try ScenarioFixtures.ebs(small)
        let first = try Engine.run(scenario, seed: 3)
        let second = try Engine.run(scenario, seed: 3)
        let other = try Engine.run(scenario, seed: 4)
        #expect(first == second)
        #expect(first.series != other.series)
    }

    @Test("the RDS share exceeds the volume share only because instances use several volumes")
    func rdsGap() throws {
        let small: [(key: String, value: String)] = [("cluster.volumes", "5000"), ("cluster.nodes", "100"), ("rds.instances", "1000")]
        let peaks = { (perInstance: String) throws -> (volumes: Double, rds: Double) in
            let summary = try Engine.run(ScenarioFixtures.ebs(small + [("rds.volumesPerInstance", perInstance)]), seed: 1)
            return (summary.series(named: "stuckVolumesPercent")?.values.max() ?? 0,
                    summary.series(named: "stuckRDSPercent")?.values.max() ?? 0)
        }
        let single = try peaks("1")
        let four = try peaks("4")
        #expect(abs(single.rds - single.volumes) < 3)
        #expect(four.rds > 2.5 * four.volumes)
    }

    @Test("with 50% spare capacity the storm does not form")
    func spareCapacity() throws {
        let summary = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [("cluster.spareCapacityFraction", "0.5")]), seed: 1)
        let storm = try #require(summary.figure(named: "ebs.stuck.storm"))
        #expect(storm.computed < 3)
    }

    @Test("back-off lowers the storm: fewer searches, fewer race crashes", arguments: [
        "exponential-full-jitter", "exponential-equal-jitter", "decorrelated-jitter",
    ])
    func backOff(policy: String) throws {
        let baseline = try ScenarioFixtures.ebsFullScale(seed: 1)
        let jittered = try Engine.run(ScenarioFixtures.ebs([("retry.policy", policy)]), seed: 1)
        // The share stuck when the searches were stopped (11:30 AM PDT), after the storm's growth.
        let stopped = try #require(Instant(iso8601: "2011-04-21T18:30:00Z"))
        let stuck = { (summary: SimulationSummary) -> Double in
            let series = summary.series(named: "stuckVolumesPercent")?.values ?? []
            let index = summary.times.firstIndex(of: stopped) ?? 0
            return index < series.count ? series[index] : 0
        }
        let crashes = { (summary: SimulationSummary) in summary.series(named: "crashedNodes")?.values.last ?? 0 }
        #expect(stuck(jittered) < stuck(baseline) - 2)
        #expect(crashes(jittered) < crashes(baseline) / 2)
        #expect(jittered.figure(named: "api.brownout2.startMinutes")?.computed.isNaN == true)
    }

    @Test("shorter control-plane timeouts avoid the cross-AZ brown-out")
    func shortTimeouts() throws {
        let baseline = try ScenarioFixtures.reducedBaseline.get()
        let short = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [("controlPlane.timeoutSeconds", "60")]), seed: 1)
        let errors = { (summary: SimulationSummary) in summary.series(named: "apiErrorRatePercent")?.values.max() ?? 0 }
        #expect(errors(baseline) > 40)
        #expect(errors(short) == 0)
    }
}
