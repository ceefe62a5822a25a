/// One region's fleet in the gossip incident, advanced a round at a time.
///
/// Before the shutdown, corrupted messages plant false "server failed" entries that spread by
/// push gossip and cost their holders time. When the state is cleared, the servers that hold
/// false state at that moment lose their gossiped state; the rebuild after the restart is then
/// simulated round by round until every server again holds every server's entry, so the size
/// of the corruption's spread sets the rebuild's work, and the fleet size and what a message
/// carries set its rounds.
struct GossipRegion {
    /// A false entry still spreading: who holds it is the first `holders` servers of its ordering.
    struct Rumour: Sendable {
        var order: ServerPermutation
        var holders: Int
    }

    let servers: Int
    let parameters: GossipParameters
    let checksums: Bool
    var random: Xoshiro256StarStar
    var rebuildRandom: Xoshiro256StarStar
    /// How many servers each round of a false entry's spread reaches (one table per region).
    let pushGossip: PushGossip
    /// False entries still spreading; one that has reached every server is dropped (its cost is
    /// already counted in `falseEntries`). A few words each: no fleet-sized set per corrupted message.
    var rumours: [Rumour] = []
    /// False entries each server holds.
    var falseEntries: [Int32]
    var serving = 1.0
    var stoppedAt: Int64?
    /// When the region serves again; `nil` until its state is cleared.
    var restoredAt: Int64?
    var messages = 0
    var cleared = false
    var nextRound: Int64
    /// Servers holding false state when the state was cleared: the servers the rebuild restores.
    var serversCleared = 0
    /// Rounds of gossip after the restart until every server again holds every server's state.
    var rebuildRounds = 0

    init(servers: Int, parameters: GossipParameters, checksums: Bool, random: Xoshiro256StarStar,
         rebuildRandom: Xoshiro256StarStar) {
        self.servers = servers
        self.parameters = parameters
        self.checksums = checksums
        self.random = random
        self.rebuildRandom = rebuildRandom
        pushGossip = PushGossip(servers: servers, fanout: parameters.fanout)
        falseEntries = Array(repeating: 0, count: servers)
        nextRound = parameters.incidentStart
    }

    mutating func advance(to time: Int64) {
        if time >= parameters.stateClearedAt {
            if !cleared { clearState() }
            if let restoredAt { serving = time >= restoredAt ? 1 : 0 }
            return
        }
        while nextRound <= time {
            round()
            nextRound += Int64(parameters.roundSeconds)
        }
        var total = 0.0
        for count in falseEntries {
            total += max(0, 1 - parameters.gossipCostPerFalseEntry * Double(count))
        }
        serving = total / Double(servers)
        if serving < 0.01, stoppedAt == nil { stoppedAt = time }
    }

    /// The shutdown: servers holding false state lose their gossiped state and the rebuild is
    /// simulated from there. A region where no server holds false state is not shut down.
    mutating func clearState() {
        cleared = true
        rumours = []
        let corrupted = falseEntries.map { $0 > 0 }
        serversCleared = corrupted.lazy.filter { $0 }.count
        guard serversCleared > 0 else { return }
        rebuildRounds = GossipRegion.rebuildRounds(cleared: corrupted, entriesPerMessage: parameters.entriesPerMessage,
                                                   fanout: parameters.fanout, using: &rebuildRandom)
        messages += rebuildRounds * servers * parameters.fanout
        restoredAt = parameters.gossipRestartAt + Int64((Double(rebuildRounds) * parameters.rebuildRoundSeconds).rounded())
    }

    /// One round of the corruption: new corrupted messages, then every holder of every false
    /// entry pushes it to `fanout` random peers.
    mutating func round() {
        for _ in 0..<parameters.corruptionsPerRound {
            messages += 1
            // A flipped bit: with a checksum the receiver drops the message; without one it
            // believes a live server has failed and starts gossiping that.
            guard !checksums else { continue }
            let order = ServerPermutation(servers: servers, using: &random)
            falseEntries[order.server(at: 0)] += 1
            rumours.append(Rumour(order: order, holders: 1))
        }
        rumours.removeAll { $0.holders >= servers }
        for index in rumours.indices {
            let holders = rumours[index].holders
            let pushes = holders * parameters.fanout
            messages += pushes
            // Who a push reaches is read from the rumour's ordering; how many it reaches is drawn
            // from the counts alone (servers informed this round start pushing next round).
            let informed = pushGossip.newlyInformed(holders: holders, using: &random)
            for position in holders..<(holders + informed) {
                falseEntries[rumours[index].order.server(at: position)] += 1
            }
            rumours[index].holders = holders + informed
        }
    }

    /// Simulates the rebuild: after the restart a cleared server knows only its own state, a
    /// server that was not cleared knows everyone's. Every round each server sends `fanout`
    /// messages to random peers; a message carries up to `entriesPerMessage` entries the peer
    /// lacks (anti-entropy against the peer's digest, lowest server first), and the peer keeps
    /// them. Returns the rounds until every server knows all servers' entries.
    ///
    /// Knowledge is one flat bit matrix (a row of words per server): a message is a scan of the
    /// two rows' words, with no set built per message.
    /// - Complexity: O(rounds × servers × fanout × servers / 64) word operations, servers² bits.
    static func rebuildRounds(cleared: [Bool], entriesPerMessage: Int, fanout: Int,
                              using random: inout Xoshiro256StarStar) -> Int {
        let servers = cleared.count
        guard servers > 1, cleared.contains(true) else { return 0 }
        let words = (servers + 63) / 64
        var known = [UInt64](repeating: 0, count: servers * words)
        var counts = [Int](repeating: 1, count: servers)
        var complete = 0
        for server in 0..<servers {
            if cleared[server] {
                known[server * words + server / 64] = 1 << UInt64(server % 64)
            } else {
                for word in 0..<words { known[server * words + word] = ~0 }
                // Bits past the last server stay clear, so rows compare word for word.
                if servers % 64 != 0 { known[server * words + words - 1] = (1 << UInt64(servers % 64)) - 1 }
                counts[server] = servers
                complete += 1
            }
        }
        var rounds = 0
        while complete < servers {
            rounds += 1
            for sender in 0..<servers {
                for _ in 0..<fanout {
                    var peer = random.nextIndex(below: servers - 1)
                    if peer >= sender { peer += 1 }
                    guard counts[peer] < servers else { continue }
                    var room = entriesPerMessage
                    var word = 0
                    while room > 0, word < words {
                        var missing = known[sender * words + word] & ~known[peer * words + word]
                        while missing != 0, room > 0 {
                            let lowest = missing & (0 &- missing)
                            known[peer * words + word] |= lowest
                            missing ^= lowest
                            room -= 1
                        }
                        word += 1
                    }
                    counts[peer] += entriesPerMessage - room
                    if counts[peer] == servers { complete += 1 }
                }
            }
        }
        return rounds
    }
}
