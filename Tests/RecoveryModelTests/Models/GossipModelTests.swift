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
