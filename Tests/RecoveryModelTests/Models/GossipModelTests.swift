import PostmortemTimeline
import Testing
@testable import RecoveryModel

@Suite("S3 2008 gossip model")
struct GossipModelTests {
    static let seed1 = Result { try Engine.run(Scenario.load(path: ScenarioFixtures.gossipPath), seed: 1) }

    /// Seed 1 is a calibration seed; the spread figures are checked on unseen seeds below, the
    /// restore times in `GossipRebuildTests` and the validation tests.
    @Test("every figure lands within tolerance on a calibration seed")
    func figures() throws {
        let summary = try GossipModelTests.seed1.get()
        #expect(summary.figures.count == 7)
        for figure in summary.figures {
            #expect(figure.withinTolerance, "\(figure.name): simulated \(figure.computed), published \(figure.published)")
        }
    }

    @Test("log2 N + ln N gives the published round counts", arguments: [(1000, 16.9), (10000, 22.5), (100_000, 28.1)])
    func theory(servers: Int, rounds: Double) {
        #expect(abs(GossipModel.log2PlusLn(servers) - rounds) < 0.05)
    }

    @Test("without checksums false state reaches every US server and stops request processing")
    func corruptionSpreads() throws {
        let summary = try GossipModelTests.seed1.get()
        let us = try #require(summary.series(named: "usServingPercent"))
        let guarded = try #require(summary.series(named: "usServingWithChecksumsPercent"))
        // Until the shutdown that cleared all state (11:05 AM PDT).
        let cleared = try #require(summary.times.firstIndex { $0.iso8601 == "2008-07-20T18:05:00Z" })
        #expect(us.values[..<cleared].contains { $0 < 1 })
        #expect(guarded.values[..<cleared].allSatisfy { $0 == 100 })
        #expect(summary.figure(named: "incident.withChecksums.falseStateServers")?.computed == 0)
    }

    @Test("one rumour reaches everyone, one push per informed server per round")
    func spread() {
        var random = Xoshiro256StarStar(seed: 2)
        let rounds = GossipModel.spreadRounds(servers: 1000, fanout: 1, using: &random)
        #expect(rounds >= 12 && rounds <= 26)
        #expect(GossipModel.spreadRounds(servers: 1, fanout: 1, using: &random) == 0)
        // Two servers: the origin's one push always reaches the other, in round 1.
        #expect(GossipModel.spreadRounds(servers: 2, fanout: 1, using: &random) == 1)
    }

    @Test("a counted round reaches new servers with push gossip's chances, early and at the end")
    func roundDistribution() {
        // 4 servers, 2 holders, 2 pushes: each push goes to one of its sender's 3 peers (1 holder,
        // 2 without). Both miss: 1/3 × 1/3 = 1/9; both hit, distinct: 2/3 × 1/3 = 2/9; one: 6/9.
        var random = Xoshiro256StarStar(seed: 3)
        let gossip = PushGossip(servers: 4, fanout: 1)
        var counts = [0, 0, 0]
        let draws = 90_000
        for _ in 0..<draws {
            counts[gossip.newlyInformed(holders: 2, using: &random)] += 1
        }
        // Binomial SDs of the counts: about 94, 141 and 125; five SDs either side.
        #expect(abs(counts[0] - 10_000) < 470)
        #expect(abs(counts[1] - 60_000) < 700)
        #expect(abs(counts[2] - 20_000) < 625)
        // The end of a spread: 1,000 holders of 1,001 servers push 1,000 times; the last server is
        // reached unless every push misses it: 1 - (999/1000)^1000 = 0.63230.
        let end = PushGossip(servers: 1001, fanout: 1)
        var reached = 0
        for _ in 0..<20_000 { reached += end.newlyInformed(holders: 1000, using: &random) }
        // 12,646 expected, binomial SD 68.
        #expect(abs(reached - 12_646) < 340)
    }

    @Test("mean rounds match push gossip's exact expectations on 3 and 4 servers",
          arguments: [(3, 7.0 / 3), (4, 485.0 / 152)])
    func exactExpectation(servers: Int, expected: Double) {
        // 3 servers: round 1 always informs a second; then 2 pushes reach the last with chance
        // 3/4 a round: 1 + 4/3 = 7/3. 4 servers: round 1 makes 2 holders; from 2, the next round
        // adds 0, 1, 2 with chances 1/9, 6/9, 2/9; from 3 the last is reached with 1 - (2/3)^3 =
        // 19/27, so E(3) = 27/19, E(2) = (1 + 6/9 × 27/19) / (8/9) = 333/152, E(1) = 485/152.
        var random = Xoshiro256StarStar(seed: 4)
        let runs = 40_000
        var total = 0
        for _ in 0..<runs { total += GossipModel.spreadRounds(servers: servers, fanout: 1, using: &random) }
        // The rounds' SD is under 0.9 on both fleets: the mean's SD under 0.0045; five of them.
        #expect(abs(Double(total) / Double(runs) - expected) < 0.0225)
    }

    @Test("the mean rounds lie within 1.5 of log2 N + ln N on unseen seeds, N = 1,000 to 100,000",
          arguments: [UInt64(11), 12, 13])
    func spreadOnUnseenSeeds(seed: UInt64) throws {
        var reader = ParameterReader(try Scenario.load(path: ScenarioFixtures.gossipPath))
        let parameters = try GossipParameters(reading: &reader)
        #expect(parameters.spreadSizes == [1000, 10_000, 100_000])
        let means = GossipModel(parameters: parameters, seed: seed).spreadMeans()
        for (size, mean) in zip(parameters.spreadSizes, means) {
            // 16.87, 22.50 and 28.12 rounds; push gossip's expected rounds sit about 1.17 above
            // (the O(1) of Pittel's law), each run's SD is about 1.3 rounds.
            let theory = GossipModel.log2PlusLn(size)
            #expect(abs(mean - theory) <= 1.5, "N = \(size): mean \(mean) rounds, log2 N + ln N = \(theory)")
            #expect(mean > theory, "N = \(size): mean \(mean) rounds below log2 N + ln N = \(theory)")
        }
    }
}

@Suite("S3 2008 gossip rebuild and memory")
struct GossipRebuildTests {
    @Test("the rebuild takes about N / entries-per-message rounds plus the spread's tail", arguments: [(500, 15), (2000, 15), (300, 30)])
    func rebuildRounds(servers: Int, entries: Int) {
        var random = Xoshiro256StarStar(seed: 11)
        let rounds = GossipRegion.rebuildRounds(cleared: Array(repeating: true, count: servers), entriesPerMessage: entries,
                                                fanout: 1, using: &random)
        // A server learns at most `entries` entries a round from each message it gets, so it needs
        // at least (N - 1) / entries rounds; push gossip adds about log2 N + ln N for the last ones.
        let floor = (servers - 1 + entries - 1) / entries
        #expect(rounds >= floor)
        // Anti-entropy sends the entries a peer lacks lowest index first, so the last entries wait
        // for a gap in the messages: a tail of up to a few spreads' worth of rounds.
        #expect(Double(rounds) <= Double(floor) + 3 * GossipModel.log2PlusLn(servers))
    }

    @Test("the EU restore is predicted from the smaller fleet, on unseen seeds", arguments: [UInt64(11), 12])
    func restoreOrder(seed: UInt64) throws {
        let summary = try Engine.run(Scenario.load(path: ScenarioFixtures.gossipPath).applying(overrides: [("spread.runs", "1")]), seed: seed)
        let us = try #require(summary.figure(named: "incident.us.restoredMinutes"))
        let eu = try #require(summary.figure(named: "incident.eu.restoredMinutes"))
        #expect(us.role == "predicted")
        #expect(eu.role == "fit")
        // 4:58 PM PDT is 498 minutes after 8:40 AM PDT.
        #expect(abs(us.computed - 498) <= 15)
        #expect(eu.computed < us.computed)
        #expect(summary.figure(named: "incident.euRestoredBeforeUS")?.computed == 1)
    }

    /// The US region of the scenario with its fleet and corruption rate set, without checksums.
    static func region(servers: Int, corruptionsPerRound: Int, seed: UInt64) throws -> GossipRegion {
        let scenario = try Scenario.load(path: ScenarioFixtures.gossipPath).applying(overrides: [
            ("fleet.usServers", String(servers)), ("corruption.corruptedMessagesPerRound", String(corruptionsPerRound)),
        ])
        var reader = ParameterReader(scenario)
        let parameters = try GossipParameters(reading: &reader)
        return GossipRegion(servers: servers, parameters: parameters, checksums: false, random: Xoshiro256StarStar(seed: seed),
                            rebuildRandom: Xoshiro256StarStar(seed: seed + 1))
    }

    @Test("a rumour that has reached every server is dropped, so memory does not grow per corrupted message")
    func rumoursDropped() throws {
        var region = try GossipRebuildTests.region(servers: 200, corruptionsPerRound: 50, seed: 3)
        for _ in 0..<100 { region.round() }
        // 5,000 corrupted messages planted; push gossip reaches 200 servers in about 13 rounds, so
        // only the last rounds' rumours (at most 50 a round) are still spreading.
        #expect(region.rumours.count <= 50 * 40)
        #expect(region.falseEntries.allSatisfy { $0 > 4000 })
    }

    @Test("at the top of the allowed ranges a spreading false entry is a few words, not a fleet-sized set")
    func memoryAtRangeTop() throws {
        var region = try GossipRebuildTests.region(servers: 10_000, corruptionsPerRound: 100, seed: 5)
        // Eight rounds: 800 corrupted messages, none yet everywhere (a rumour at most doubles a round).
        for _ in 0..<8 { region.round() }
        #expect(region.rumours.count == 800)
        #expect(region.rumours.allSatisfy { $0.holders >= 1 && $0.holders <= 256 })
        // Every holder counted once per entry it holds: the holders' sum is the false entries planted.
        #expect(region.rumours.reduce(0) { $0 + $1.holders } == Int(region.falseEntries.reduce(0, +)))
        // A spreading entry is its ordering's four keys, the fleet size and the holder count (56
        // bytes whatever the fleet): 800 of them under 100 KB even with the array's spare room,
        // where a set per entry would be 10,000 bits (1.25 KB) each and a holder list up to 40 KB.
        #expect(MemoryLayout<GossipRegion.Rumour>.stride <= 64)
        #expect(region.rumours.capacity * MemoryLayout<GossipRegion.Rumour>.stride < 100 * 1024)
    }

    @Test("a server ordering is a permutation of the fleet", arguments: [1, 2, 7, 64, 1000, 4097])
    func permutation(servers: Int) {
        var random = Xoshiro256StarStar(seed: 8)
        let order = ServerPermutation(servers: servers, using: &random)
        let placed = (0..<servers).map { order.server(at: $0) }
        #expect(Set(placed).count == servers)
        #expect(placed.allSatisfy { $0 >= 0 && $0 < servers })
    }

    @Test("the corruption's spread sets the rebuild: only cleared servers are rebuilt")
    func spreadFeedsRebuild() {
        var random = Xoshiro256StarStar(seed: 13)
        // No server held false state: nothing to rebuild.
        #expect(GossipRegion.rebuildRounds(cleared: Array(repeating: false, count: 300), entriesPerMessage: 30,
                                           fanout: 1, using: &random) == 0)
        // One cleared server among 301 needs the other 300 entries, 30 a message: 10 messages. It
        // receives one message a round on average (each of 300 peers picks it with chance 1/300),
        // so about 10 rounds; a Poisson count of 10 in n rounds puts n between 5 and 20.
        var one = Array(repeating: false, count: 301)
        one[17] = true
        let single = GossipRegion.rebuildRounds(cleared: one, entriesPerMessage: 30, fanout: 1, using: &random)
        #expect(single >= 5 && single <= 20)
        // The whole fleet cleared: no server starts with the others' entries, so each entry first
        // has to spread from its own server, and the rebuild takes longer.
        let all = GossipRegion.rebuildRounds(cleared: Array(repeating: true, count: 301), entriesPerMessage: 30,
                                             fanout: 1, using: &random)
        #expect(all > single)
        #expect(all >= 10)
    }

    @Test("clearing the state minutes after the start rebuilds fewer servers and restores earlier")
    func earlyClearing() throws {
        let base = try Scenario.load(path: ScenarioFixtures.gossipPath).applying(overrides: [("spread.runs", "1"), ("spread.sizes", "1000")])
        func run(clearedAt: String) throws -> ModelRun {
            var reader = ParameterReader(try base.applying(overrides: [("interventions.stateCleared", clearedAt)]))
            return GossipModel(parameters: try GossipParameters(reading: &reader), seed: 11).run()
        }
        let early = try run(clearedAt: "2008-07-20T15:43:00Z")
        let actual = try run(clearedAt: "2008-07-20T18:05:00Z")
        // At 11:05 AM PDT the false entries had reached every server of both fleets.
        #expect(actual.metric("incident.us.falseStateServers") == 2000)
        #expect(actual.metric("incident.eu.falseStateServers") == 500)
        // Three minutes in, three corrupted messages have reached a handful of servers each.
        let earlyUS = try #require(early.metric("incident.us.falseStateServers"))
        #expect(earlyUS >= 1 && earlyUS <= 30)
        // Those few start the rebuild from nothing but every other server is a full source: the
        // same restart, fewer rounds. A cleared server still needs 1,999 entries at 15 a message.
        let earlyRounds = try #require(early.metric("incident.us.rebuildRounds"))
        let actualRounds = try #require(actual.metric("incident.us.rebuildRounds"))
        #expect(earlyRounds < actualRounds)
        #expect(earlyRounds >= 1999.0 / 15 / 2)
        #expect(try #require(early.metric("incident.us.restoredMinutes")) < (try #require(actual.metric("incident.us.restoredMinutes"))))
    }

    @Test("a region where no server holds false state is never shut down")
    func cleanRegionKeepsServing() throws {
        let summary = try Engine.run(Scenario.load(path: ScenarioFixtures.gossipPath).applying(overrides: [("spread.runs", "1")]), seed: 11)
        let guarded = try #require(summary.series(named: "usServingWithChecksumsPercent"))
        #expect(guarded.values.allSatisfy { $0 == 100 })
        #expect(summary.figure(named: "incident.withChecksums.falseStateServers")?.computed == 0)
    }

    @Test("a message carries what fits of its bytes; a round is its fixed cost plus one message at the bandwidth")
    func roundLength() throws {
        let scenario = try Scenario.load(path: ScenarioFixtures.gossipPath)
            .applying(overrides: [("recovery.gossipBytesPerSecond", "28"), ("gossip.fanout", "2")])
        var reader = ParameterReader(scenario)
        let parameters = try GossipParameters(reading: &reader)
        // 1,400 / 90 = 15.6: 15 whole entries.
        #expect(parameters.entriesPerMessage == 15)
        // 5 s + 2 messages × 1,400 bytes / 28 bytes/s = 105 s.
        #expect(parameters.rebuildRoundSeconds == 105)
        let oversized = try Scenario.load(path: ScenarioFixtures.gossipPath).applying(overrides: [("recovery.entryBytes", "2000")])
        var oversizedReader = ParameterReader(oversized)
        #expect(throws: ScenarioError.self) { try GossipParameters(reading: &oversizedReader) }
    }
}
