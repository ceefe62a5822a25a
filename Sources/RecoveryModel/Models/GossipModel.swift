import PostmortemMetrics
import PostmortemTimeline

/// The S3 server-state gossip of July 2008.
///
/// Two experiments. First, push gossip with a fanout: rounds until one rumour reaches all N
/// servers, averaged over runs (compared with log2 N + ln N). Second, the incident: corrupted
/// messages that stay intelligible plant false "server failed" entries; without checksums each
/// spreads like any rumour, and every false entry a server holds costs it a share of its time,
/// until request processing stops. The fix clears the state of every server holding false
/// entries and restarts gossip; the rebuild is simulated round by round (every server pushes a
/// bounded number of state entries per message until all servers hold all servers' state), so
/// the corruption's spread sets how many servers must be rebuilt, the message size how many
/// entries a round moves, and the bandwidth and per-round cost how long a round lasts. The
/// smaller fleet (EU) is back first because it has fewer entries to spread, not because a
/// formula says so.
public struct GossipModel: Sendable {
    public let parameters: GossipParameters
    public let seed: UInt64

    public init(parameters: GossipParameters, seed: UInt64) {
        self.parameters = parameters
        self.seed = seed
    }

    /// Rounds for one rumour, started at one server, to reach all `servers` by push gossip with
    /// `fanout` pushes per holder per round (see `PushGossip`).
    public static func spreadRounds(servers: Int, fanout: Int, using random: inout Xoshiro256StarStar) -> Int {
        PushGossip(servers: servers, fanout: fanout).spreadRounds(using: &random)
    }

    /// The spread experiment: for each of `spreadSizes`, the mean of `spreadRuns` runs of
    /// `spreadRounds`, drawn from the seed's own `spread` stream.
    public func spreadMeans() -> [Double] {
        var random = RandomStreams(seed: seed).generator(named: "spread")
        return parameters.spreadSizes.map { size in
            let gossip = PushGossip(servers: size, fanout: parameters.fanout)
            var total = 0
            for _ in 0..<parameters.spreadRuns { total += gossip.spreadRounds(using: &random) }
            return Double(total) / Double(parameters.spreadRuns)
        }
    }

    public func run() -> ModelRun {
        let streams = RandomStreams(seed: seed)
        var metrics: [(name: String, value: Double)] = []
        for (size, rounds) in zip(parameters.spreadSizes, spreadMeans()) {
            metrics.append(("gossip.rounds.\(size)", rounds))
            metrics.append(("gossip.theory.\(size)", GossipModel.log2PlusLn(size)))
        }
        // The rebuild draws from its own streams, so the corruption's draws never shift it.
        var us = GossipRegion(servers: parameters.usServers, parameters: parameters, checksums: parameters.checksums,
                              random: streams.generator(named: "us"), rebuildRandom: streams.generator(named: "us.rebuild"))
        var eu = GossipRegion(servers: parameters.euServers, parameters: parameters, checksums: parameters.checksums,
                              random: streams.generator(named: "eu"), rebuildRandom: streams.generator(named: "eu.rebuild"))
        var guarded = GossipRegion(servers: parameters.usServers, parameters: parameters, checksums: true,
                                   random: streams.generator(named: "us"), rebuildRandom: streams.generator(named: "us.rebuild"))
        var times: [Instant] = []
        var usServing: [Double] = []
        var euServing: [Double] = []
        var guardedServing: [Double] = []
        let step = Int64(parameters.roundSeconds)
        var time = parameters.incidentStart
        // The run ends an hour after the last region serves again (or after the restart, when
        // a region was never stopped); the restore times are known once the state is cleared.
        var end: Int64 {
            guard us.cleared, eu.cleared else { return .max }
            return max(us.restoredAt ?? 0, eu.restoredAt ?? 0, parameters.gossipRestartAt) + 3600
        }
        while time <= end {
            us.advance(to: time)
            eu.advance(to: time)
            guarded.advance(to: time)
            times.append(Instant(secondsSinceEpoch: time))
            usServing.append(100 * us.serving)
            euServing.append(100 * eu.serving)
            guardedServing.append(100 * guarded.serving)
            time += step
        }
        let minutes = { (t: Int64?) -> Double in t.map { Double($0 - parameters.incidentStart) / 60 } ?? .nan }
        metrics.append(("incident.us.stoppedMinutes", minutes(us.stoppedAt)))
        metrics.append(("incident.eu.stoppedMinutes", minutes(eu.stoppedAt)))
        metrics.append(("incident.us.falseStateServers", Double(us.serversCleared)))
        metrics.append(("incident.eu.falseStateServers", Double(eu.serversCleared)))
        metrics.append(("incident.withChecksums.falseStateServers", Double(guarded.serversCleared)))
        metrics.append(("incident.us.restoredMinutes", minutes(us.restoredAt)))
        metrics.append(("incident.eu.restoredMinutes", minutes(eu.restoredAt)))
        let euFirst = (eu.restoredAt ?? .max) < (us.restoredAt ?? .max)
        metrics.append(("incident.euRestoredBeforeUS", euFirst ? 1 : 0))
        metrics.append(("incident.us.rebuildRounds", Double(us.rebuildRounds)))
        metrics.append(("incident.eu.rebuildRounds", Double(eu.rebuildRounds)))
        metrics.append(("recovery.entriesPerMessage", Double(parameters.entriesPerMessage)))
        metrics.append(("recovery.rebuildRoundSeconds", parameters.rebuildRoundSeconds))
        let series = [
            TimeSeries(name: "usServingPercent", unit: "percent", values: usServing),
            TimeSeries(name: "euServingPercent", unit: "percent", values: euServing),
            TimeSeries(name: "usServingWithChecksumsPercent", unit: "percent", values: guardedServing),
        ]
        let subjects: [(series: String, subject: String)] = [
            ("usServingPercent", "S3 US servers processing requests"),
            ("euServingPercent", "S3 EU servers processing requests"),
        ]
        let events = us.messages + eu.messages + guarded.messages
        return ModelRun(times: times, series: series, metrics: metrics, subjects: subjects, eventsProcessed: events)
    }

    /// log2 N + ln N, the expected rounds of push gossip (Pittel 1987), without Foundation.
    public static func log2PlusLn(_ n: Int) -> Double {
        let ln = naturalLog(Double(n))
        return ln / 0.6931471805599453 + ln
    }
}
