import PostmortemTimeline
import Testing
@testable import RecoveryModel

@Suite("S3 2008 gossip model")
struct GossipModelTests {
    static let seed1 = Result { try Engine.run(Scenario.load(path: ScenarioFixtures.gossipPath), seed: 1) }
    static let seed7 = Result { try Engine.run(Scenario.load(path: ScenarioFixtures.gossipPath), seed: 7) }

    @Test("every figure lands within tolerance", arguments: [UInt64(1), 7])
    func figures(seed: UInt64) throws {
        let summary = try (seed == 7 ? GossipModelTests.seed7 : GossipModelTests.seed1).get()
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
    }
}

@Suite("S3 2008 gossip rebuild and memory")
struct GossipRebuildTests {
    @Test("the rebuild takes about N / entries-per-message rounds plus the spread's tail", arguments: [(500, 15), (2000, 15), (300, 30)])
    func rebuildRounds(servers: Int, entries: Int) {
        var random = Xoshiro256StarStar(seed: 11)
        let rounds = GossipRegion.rebuildRounds(servers: servers, entriesPerMessage: entries, fanout: 1, using: &random)
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

    @Test("a rumour that has reached every server is dropped, so memory does not grow per corrupted message")
    func rumoursDropped() throws {
        let scenario = try Scenario.load(path: ScenarioFixtures.gossipPath).applying(overrides: [
            ("fleet.usServers", "200"), ("corruption.corruptedMessagesPerRound", "50"),
        ])
        var reader = ParameterReader(scenario)
        let parameters = try GossipParameters(reading: &reader)
        var region = GossipRegion(servers: 200, parameters: parameters, checksums: false, random: Xoshiro256StarStar(seed: 3))
        for _ in 0..<100 { region.round() }
        // 5,000 corrupted messages planted; push gossip reaches 200 servers in about 13 rounds, so
        // only the last rounds' rumours (at most 50 a round) are still spreading.
        #expect(region.rumours.count <= 50 * 40)
        #expect(region.falseEntries.allSatisfy { $0 > 4000 })
    }
}
