/// One region's fleet in the gossip incident, advanced a round at a time.
struct GossipRegion {
    let servers: Int
    let parameters: GossipParameters
    let checksums: Bool
    var random: Xoshiro256StarStar
    /// Per false entry, which servers hold it, and the holders in order.
    var rumours: [(holds: [Bool], holders: [Int32])] = []
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
        let spread = GossipModel.spreadRounds(servers: servers, fanout: parameters.fanout, using: &rebuildRandom)
        let perRound = parameters.entriesPerMessage * parameters.fanout
        let bandwidth = (servers - 1 + perRound - 1) / perRound
        restoredAt = parameters.gossipRestartAt + Int64((spread + bandwidth) * parameters.rebuildSecondsPerRound)
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
            var holds = Array(repeating: false, count: servers)
            holds[receiver] = true
            falseEntries[receiver] += 1
            rumours.append((holds, [Int32(receiver)]))
        }
        for index in rumours.indices where rumours[index].holders.count < servers {
            let senders = rumours[index].holders.count
            for position in 0..<senders {
                let sender = Int(rumours[index].holders[position])
                for _ in 0..<parameters.fanout {
                    messages += 1
                    var peer = random.nextIndex(below: servers - 1)
                    if peer >= sender { peer += 1 }
                    if !rumours[index].holds[peer] {
                        rumours[index].holds[peer] = true
                        rumours[index].holders.append(Int32(peer))
                        falseEntries[peer] += 1
                    }
                }
            }
        }
    }
}
