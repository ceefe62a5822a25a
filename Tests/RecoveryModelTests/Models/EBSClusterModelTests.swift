import PostmortemMetrics
import PostmortemTimeline
import Testing
@testable import RecoveryModel

@Suite("EBS 2011 cluster model")
struct EBSClusterModelTests {
    /// Full scale (100,000 volumes, 10,000 nodes, four days) on seeds 11 and 12, which the
    /// calibration (seeds 1 to 5) never saw; each seed runs once for the suite. Only the figures
    /// `postmortem validate --seeds 11-30` finds within tolerance on all 20 seeds are asserted to
    /// the published tolerance here; the others are asserted to what the model does.
    @Test("on unseen seeds the figures that validate land within tolerance", arguments: [UInt64(11), 12])
    func figures(seed: UInt64) throws {
        let summary = try ScenarioFixtures.ebsFullScale(seed: seed)
        #expect(summary.figures.count == 14)
        for name in ["ebs.stuck.initial", "ebs.stuck.storm", "ebs.race.addedPercent", "ebs.stuck.apr24", "ebs.lost",
                     "rds.stuck.peak", "rds.stuck.24h", "rds.stuck.36h", "rds.stuck.48h", "rds.lost",
                     "api.brownout2.startMinutes"] {
            let figure = try #require(summary.figure(named: name))
            #expect(figure.withinTolerance, "\(name): simulated \(figure.computed), published \(figure.published) ±\(figure.tolerance)")
        }
        #expect(summary.figures.filter { $0.role == "predicted" }.map(\.name)
                == ["ebs.race.addedPercent", "rds.stuck.peak", "rds.stuck.24h", "rds.stuck.48h", "rds.lost"])
        // The RDS curve falls as the volumes recover: peak > 24 h (re-mirroring goes on overnight
        // where the writable copy survived) > 36 h > 48 h.
        let rds = ["rds.stuck.peak", "rds.stuck.24h", "rds.stuck.36h", "rds.stuck.48h"].compactMap { summary.figure(named: $0)?.computed }
        #expect(rds.count == 4 && rds[0] > rds[1] && rds[1] > rds[2] + 10 && rds[2] > rds[3])
        #expect(summary.eventsProcessed > 1_000_000)
    }

    @Test("the race condition's added share is predicted from connection attempts, not set", arguments: [UInt64(11), 12])
    func raceAddsStuckVolumes(seed: UInt64) throws {
        let summary = try ScenarioFixtures.ebsFullScale(seed: seed)
        let added = try #require(summary.figure(named: "ebs.race.addedPercent"))
        #expect(added.role == "predicted")
        // Validation over seeds 11-30 gives a mean of 4.58 (sd 0.45) against the published 5 ±1.5,
        // within tolerance on all 20 seeds; these two give 4.16 and 4.24.
        #expect(added.computed > 3.5 && added.computed < 6.5)
        // Each crashed node held 20 or 21 replicas (2 x 100,000 volumes on 10,000 nodes, 1.04% spare),
        // each 0.001% of the volumes: the added share is at most the crashed nodes' replicas, and at
        // least half of them.
        let crashed = try #require(summary.series(named: "crashedNodes")?.values.last)
        #expect(added.computed <= crashed * 21 / 1000 + 0.01)
        #expect(added.computed >= crashed * 10 / 1000)
    }

    @Test("the calibrated parameters are fewer than the fit figures")
    func fewerKnobsThanFigures() throws {
        let scenario = try ScenarioFixtures.ebs()
        let fit = scenario.figures.filter { $0.role == .fit }
        #expect(scenario.calibratedKeys.count == 6)
        #expect(fit.count == 7)
        // Every parameter says where it comes from: 14 from the postmortem, 23 assumed, 6 calibrated.
        let sources = scenario.parameters.map { $0.provenance?.source }
        #expect(Provenance.Source.allCases.map { source in sources.filter { $0 == source }.count } == [14, 0, 23, 6])
        #expect(sources.count == 43)
        #expect(scenario.calibrationSeeds == [1, 2, 3, 4, 5])
    }

    @Test("the summary carries simulated and published curves for the report")
    func curves() throws {
        let summary = try ScenarioFixtures.ebsFullScale(seed: 11)
        let published = summary.curves.filter { $0.origin == "published" }
        let volumes = try #require(published.first { $0.subject == "EBS volumes stuck in the affected AZ" })
        #expect(volumes.points.map(\.value) == [13, 13, 1.04])
        #expect(volumes.residual == 0.07)
        let rds = try #require(published.first { $0.subject == "single-AZ RDS instances stuck" })
        #expect(rds.points.map(\.value) == [41.0, 23.5, 14.6])
        #expect(summary.curves.contains { $0.origin == "simulated (seed 11)" && $0.subject == "EBS API calls failing region-wide" })
        // 15-minute samples from 07:00Z April 21 to 12:00Z April 25.
        #expect(summary.times.first?.iso8601 == "2011-04-21T07:00:00Z")
        #expect(summary.times.last?.iso8601 == "2011-04-25T12:00:00Z")
        #expect(summary.series(named: "stuckVolumesPercent")?.values.count == summary.times.count)
    }

    @Test("the RDS figures after the storm are predicted on unseen seeds", arguments: [UInt64(11), 12])
    func rdsPredicted(seed: UInt64) throws {
        let summary = try ScenarioFixtures.ebsFullScale(seed: seed)
        // The RDS peak (45 ±5), the share at 24 hours (41.0 ±4) and at 48 hours (14.6 ±4) are
        // predicted: calibration never sees them. Seed 11 gives 41.25, 40.35 and 14.44, seed 12
        // 44.3, 43.2 and 14.08 (validation over seeds 11-30: means 43.2, 41.8 and 14.8, within
        // tolerance on all 20).
        for name in ["rds.stuck.peak", "rds.stuck.24h", "rds.stuck.48h"] {
            let figure = try #require(summary.figure(named: name))
            #expect(figure.role == "predicted")
            #expect(figure.withinTolerance, "\(name): simulated \(figure.computed)")
        }
        // The backlog drains by a share of itself each hour: between 36 and 48 hours the RDS share
        // falls by more than a third and less than two thirds (seed 11: 23.82 to 14.44, seed 12:
        // 22.32 to 14.08), where a fixed rate fitted to 36 hours had it fall by about a quarter.
        let mid = try #require(summary.figure(named: "rds.stuck.36h")?.computed)
        let late = try #require(summary.figure(named: "rds.stuck.48h")?.computed)
        #expect(late < mid * 2 / 3 && late > mid / 3)
    }

    @Test("a copy moves the whole volume: none ends before size / bandwidth")
    func copiesTakeTheirTime() throws {
        // No crashes and one size: every copy lasts exactly 50 GiB x 1024 / 3.5 MB/s = 14,629 s
        // (4 h 3.8 min). The network is back at 08:17Z, searches start within the minute, so the
        // first copies end at 12:21Z: the stuck share at 12:15Z is the one at 08:30Z, to the
        // volume, and at 12:30Z it is lower.
        let summary = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [
            ("race.crashProbabilityPerAttempt", "0"), ("remirror.volumeSizeSpread", "0"),
        ]), seed: 11)
        let afterReconnect = try Self.stuck(summary, at: "2011-04-21T08:30:00Z")
        #expect(afterReconnect > 10)
        #expect(try Self.stuck(summary, at: "2011-04-21T12:15:00Z") == afterReconnect)
        #expect(try Self.stuck(summary, at: "2011-04-21T12:30:00Z") < afterReconnect)
    }

    @Test("volume sizes spread evenly over the mean ± the spread; each volume keeps one size")
    func volumeSizes() throws {
        var reader = ParameterReader(try ScenarioFixtures.ebs(ScenarioFixtures.reduced))
        let parameters = try EBSParameters(reading: &reader)
        var state = EBSClusterState(parameters: parameters, streams: RandomStreams(seed: 11))
        state.place()
        #expect(state.sizeFactor.count == 20_000)
        #expect(state.sizeFactor.allSatisfy { $0 >= 0.5 && $0 < 1.5 })
        let mean = state.sizeFactor.reduce(0) { $0 + Double($1) } / 20_000
        // Uniform on [0.5, 1.5): mean 1, standard error 0.29 / sqrt(20,000) = 0.002.
        #expect(abs(mean - 1) < 0.01)
    }

    @Test("the throttles pass a share of the waiting elections from when re-mirroring is done, then a ramp")
    func throttlePhases() throws {
        var reader = ParameterReader(try ScenarioFixtures.ebs([("controlPlane.throttledBacklogSharePerHour", "0.06")]))
        let parameters = try EBSParameters(reading: &reader)
        var state = EBSClusterState(parameters: parameters, streams: RandomStreams(seed: 1))
        let at = { (iso: String) throws -> Int64 in try #require(Instant(iso8601: iso)).secondsSinceEpoch }
        state.awaitingCount = 1000
        // Cut off from 15:20Z April 21st; after the throttle change at 09:00Z April 22nd the
        // elections wait until no volume is still re-mirroring.
        #expect(state.negotiationRate(at: try at("2011-04-22T10:00:00Z")) == 0)
        state.capacitySufficient = true
        #expect(state.negotiationRate(at: try at("2011-04-22T08:59:00Z")) == 0)
        // 6% an hour of 1,000 waiting elections: 1 a minute, through the night into April 23rd;
        // half the backlog, half the rate (the nodes' throttles pass their own few each).
        #expect(state.negotiationRate(at: try at("2011-04-22T19:00:00Z")) == 1)
        #expect(state.negotiationRate(at: try at("2011-04-23T03:00:00Z")) == 1)
        state.awaitingCount = 500
        #expect(state.negotiationRate(at: try at("2011-04-23T03:00:00Z")) == 0.5)
        // Halfway through 18:30Z-22:35Z: 0.5 + (200 - 0.5) / 2 = 100.25 a minute; then the full 200.
        #expect(state.negotiationRate(at: try at("2011-04-23T20:32:30Z")) == 100.25)
        #expect(state.negotiationRate(at: try at("2011-04-23T22:35:00Z")) == 200)
    }

    @Test("retry delays round to whole seconds as rounded() does, whole or not")
    func wholeSeconds() {
        #expect(EBSClusterState.wholeSeconds(60) == 60)
        #expect(EBSClusterState.wholeSeconds(59.5) == 60)
        #expect(EBSClusterState.wholeSeconds(59.49) == 59)
        #expect(EBSClusterState.wholeSeconds(0.49999999999999994) == 0)
        #expect(EBSClusterState.wholeSeconds(3599.5) == 3600)
    }

    @Test("the same scenario and seed give identical results; another seed does not")
    func determinism() throws {
        let small: [(key: String, value: String)] = [("cluster.volumes", "5000"), ("cluster.nodes", "500"), ("rds.instances", "250")]
        let scenario = try ScenarioFixtures.ebs(small)
        let first = try Engine.run(scenario, seed: 3)
        let second = try Engine.run(scenario, seed: 3)
        let other = try Engine.run(scenario, seed: 4)
        #expect(first == second)
        #expect(first.series != other.series)
    }

    @Test("the RDS share exceeds the volume share only because instances use several volumes")
    func rdsGap() throws {
        let small: [(key: String, value: String)] = [("cluster.volumes", "5000"), ("cluster.nodes", "500"), ("rds.instances", "800")]
        let peaks = { (low: String, high: String) throws -> (volumes: Double, rds: Double) in
            let summary = try Engine.run(ScenarioFixtures.ebs(small + [("rds.volumesPerInstanceMin", low), ("rds.volumesPerInstanceMax", high)]), seed: 11)
            return (summary.series(named: "stuckVolumesPercent")?.values.max() ?? 0,
                    summary.series(named: "stuckRDSPercent")?.values.max() ?? 0)
        }
        let single = try peaks("1", "1")
        let several = try peaks("2", "6")
        #expect(abs(single.rds - single.volumes) < 3)
        // Four volumes on average, each stuck with about the volume share s: 1 - E[(1-s)^K] ≈ 3s.
        #expect(several.rds > 2.5 * several.volumes)
    }

    @Test("with 50% spare capacity the storm does not form")
    func spareCapacity() throws {
        let summary = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [("cluster.spareCapacityFraction", "0.5")]), seed: 11)
        let storm = try #require(summary.figure(named: "ebs.stuck.storm"))
        #expect(storm.computed < 3)
    }

    /// The share stuck at `iso` in a run.
    static func stuck(_ summary: SimulationSummary, at iso: String) throws -> Double {
        let instant = try #require(Instant(iso8601: iso))
        let series = try #require(summary.series(named: "stuckVolumesPercent")?.values)
        let index = try #require(summary.times.firstIndex(of: instant))
        return series[index]
    }

    @Test("without the 11:30 AM fix the storm sustains itself: stuck keeps growing after the network is back")
    func metastable() throws {
        let unstopped = try ScenarioFixtures.reducedUnstopped.get()
        // Network back at 08:17Z; capacity only arrives at 09:00Z on April 22nd.
        let afterReconnect = try Self.stuck(unstopped, at: "2011-04-21T09:00:00Z")
        let evening = try Self.stuck(unstopped, at: "2011-04-21T21:00:00Z")
        let nextMorning = try Self.stuck(unstopped, at: "2011-04-22T08:00:00Z")
        #expect(evening > afterReconnect)
        #expect(nextMorning > evening + 2)
        // With the fix at 11:30 AM PDT the share stops growing.
        let stopped = try ScenarioFixtures.reducedBaseline.get()
        #expect(try Self.stuck(stopped, at: "2011-04-22T08:00:00Z") < nextMorning - 3)
    }

    @Test("with exponential back-off and full jitter it recovers on its own, without the fix")
    func backOffRecovers() throws {
        let jittered = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [
            ("interventions.searchesStopped", "none"), ("retry.policy", "exponential-full-jitter"),
        ]), seed: 11)
        let afterReconnect = try Self.stuck(jittered, at: "2011-04-21T09:00:00Z")
        let nextMorning = try Self.stuck(jittered, at: "2011-04-22T08:00:00Z")
        #expect(nextMorning < afterReconnect - 1)
        let unstopped = try ScenarioFixtures.reducedUnstopped.get()
        let crashes = { (summary: SimulationSummary) in summary.series(named: "crashedNodes")?.values.last ?? 0 }
        #expect(crashes(jittered) < crashes(unstopped) / 4)
    }

    @Test("back-off lowers the storm: fewer searches, fewer race crashes", arguments: [
        "exponential-full-jitter", "exponential-equal-jitter", "decorrelated-jitter",
    ])
    func backOff(policy: String) throws {
        let baseline = try ScenarioFixtures.reducedBaseline.get()
        let jittered = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [("retry.policy", policy)]), seed: 11)
        // The share stuck when the searches were stopped (11:30 AM PDT), after the storm's growth.
        let stuck = { (summary: SimulationSummary) throws -> Double in try Self.stuck(summary, at: "2011-04-21T18:30:00Z") }
        let crashes = { (summary: SimulationSummary) in summary.series(named: "crashedNodes")?.values.last ?? 0 }
        #expect(try stuck(jittered) < stuck(baseline) - 2)
        #expect(crashes(jittered) < crashes(baseline) / 2)
        #expect(jittered.figure(named: "api.brownout2.startMinutes")?.computed.isNaN == true)
    }

    @Test("shorter control-plane timeouts avoid the cross-AZ brown-out")
    func shortTimeouts() throws {
        let baseline = try ScenarioFixtures.reducedBaseline.get()
        let short = try Engine.run(ScenarioFixtures.ebs(ScenarioFixtures.reduced + [("controlPlane.timeoutSeconds", "60")]), seed: 11)
        let errors = { (summary: SimulationSummary) in summary.series(named: "apiErrorRatePercent")?.values.max() ?? 0 }
        #expect(errors(baseline) > 40)
        #expect(errors(short) == 0)
    }

    @Test("a cluster whose only free slots end up on a volume's own node still places every volume", arguments: [UInt64(1), 2, 3, 4, 5])
    func placementCannotSpin(seed: UInt64) throws {
        // 3 nodes of 67 slots for 200 replicas: the last second replicas often find space only on
        // their primary's node, where the old probe looped for ever.
        let tiny = try ScenarioFixtures.ebs([
            ("cluster.volumes", "100"), ("cluster.nodes", "3"), ("rds.instances", "10"), ("cluster.spareCapacityFraction", "0.005"),
        ])
        var reader = ParameterReader(tiny)
        let parameters = try EBSParameters(reading: &reader)
        var state = EBSClusterState(parameters: parameters, streams: RandomStreams(seed: seed))
        state.place()
        for volume in 0..<100 {
            #expect(state.secondary[volume] >= 0 && state.secondary[volume] != state.records[volume].primary)
        }
        // 202 slots in all (200 replicas and the 0.5% spare, rounded up): 68, 67 and 67.
        #expect(state.capacity == [68, 67, 67])
        let used = (0..<3).map { Int(state.capacity[$0] - state.free[$0]) }
        #expect(used.reduce(0, +) == 200)
        #expect(used == (0..<3).map { state.residents[$0].count })
    }

    @Test("a search whose only free slot is on its own node gets none (and retries later)")
    func reserveExcludesOwnNode() throws {
        let tiny = try ScenarioFixtures.ebs([("cluster.volumes", "100"), ("cluster.nodes", "3"), ("rds.instances", "10")])
        var reader = ParameterReader(tiny)
        let parameters = try EBSParameters(reading: &reader)
        var state = EBSClusterState(parameters: parameters, streams: RandomStreams(seed: 1))
        state.place()
        while state.freeNodes.count > 1 { state.removeFreeNode(state.freeNodes[state.freeNodes.count - 1]) }
        let only = state.freeNodes[0]
        #expect(state.reserveSlot(excluding: only) == nil)
    }
}
