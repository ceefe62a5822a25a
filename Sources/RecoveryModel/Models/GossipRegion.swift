import BitCollections

/// One region's fleet in the gossip incident, advanced a round at a time.
struct GossipRegion {
    let servers: Int
    let parameters: GossipParameters
    let checksums: Bool
    var random: Xoshiro256StarStar
    /// Per false entry still spreading, which servers hold it (one bit each), and the holders
    /// in order. A rumour that has reached every server is dropped: its cost is already counted
    /// in `falseEntries`, and keeping it would hold a fleet-sized set per corrupted message.
    var rumours: [(holds: BitSet, holders: [Int32])] = []
    /// False entries each server holds.
    var falseEntries: [Int32]
    var serving = 1.0
    var stoppedAt: Int64?
    var restoredAt: Int64
    var messages = 0
    var cleared = false
    var nextRound: Int64

    init(servers: Int, parameters: GossipParameters, checksums: Bool, random: Xoshiro256StarStar) {
        self.servers = servers
        self.parameters = parameters
        self.checksums = checksums
        self.random = random
        falseEntries = Array(repeating: 0, count: servers)
        nextRound = parameters.incidentStart
        var rebuildRandom = random
        rebuildRounds = GossipRegion.rebuildRounds(servers: servers, entriesPerMessage: parameters.entriesPerMessage,
                                                   fanout: parameters.fanout, using: &rebuildRandom)
        restoredAt = parameters.gossipRestartAt + Int64(rebuildRounds * parameters.rebuildSecondsPerRound)
    }

    /// Rounds of gossip after the restart until every server again holds every server's state.
    var rebuildRounds: Int

    /// Simulates the rebuild: after the restart each server knows only its own state. Every
    /// round each server sends `fanout` messages to random peers; a message carries up to
    /// `entriesPerMessage` entries the peer lacks (anti-entropy against the peer's digest, as
    /// bounded-size reconciliation does), and the peer keeps them. Returns the rounds until
    /// every server knows all `servers` entries.
    /// - Complexity: O(rounds × servers² / 64) word operations, O(servers²) bits.
    static func rebuildRounds(servers: Int, entriesPerMessage: Int, fanout: Int,
                              using random: inout Xoshiro256StarStar) -> Int {
        guard servers > 1 else { return 0 }
        var known = (0..<servers).map { server -> BitSet in
            var bits = BitSet(reservingCapacity: servers)
            bits.insert(server)
            return bits
        }
        var counts = Array(repeating: 1, count: servers)
        var complete = 0
        var rounds = 0
        while complete < servers {
            rounds += 1
            for sender in 0..<servers {
                for _ in 0..<fanout {
                    var peer = random.nextIndex(below: servers - 1)
                    if peer >= sender { peer += 1 }
                    guard counts[peer] < servers else { continue }
                    let missing = known[sender].subtracting(known[peer])
                    for entry in missing.prefix(entriesPerMessage) where known[peer].insert(entry).inserted {
                        counts[peer] += 1
                    }
                    if counts[peer] == servers { complete += 1 }
                }
            }
        }
        return rounds
    }

    var serversWithFalseState: Int {
        falseEntries.lazy.filter { $0 > 0 }.count
    }

    mutating func advance(to time: Int64) {
        if time >= parameters.stateClearedAt {
            if !cleared {
                cleared = true
                rumours = []
            }
            serving = time >= restoredAt ? 1 : 0
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

    mutating func round() {
        for _ in 0..<parameters.corruptionsPerRound {
            messages += 1
            let receiver = random.nextIndex(below: servers)
            // A flipped bit: with a checksum the receiver drops the message; without one it
            // believes a live server has failed and starts gossiping that.
            guard !checksums else { continue }
            var holds = BitSet()
            holds.insert(receiver)
            falseEntries[receiver] += 1
            rumours.append((holds, [Int32(receiver)]))
        }
        rumours.removeAll { $0.holders.count >= servers }
        for index in rumours.indices {
            let senders = rumours[index].holders.count
            for position in 0..<senders {
                let sender = Int(rumours[index].holders[position])
                for _ in 0..<parameters.fanout {
                    messages += 1
                    var peer = random.nextIndex(below: servers - 1)
                    if peer >= sender { peer += 1 }
                    if rumours[index].holds.insert(peer).inserted {
                        rumours[index].holders.append(Int32(peer))
                        falseEntries[peer] += 1
                    }
                }
            }
        }
    }
}
