/// Push gossip of one rumour on a fleet where every server can reach every other, counted
/// rather than listed.
///
/// Every round each holder of the rumour sends `fanout` pushes, each to a peer chosen uniformly
/// among its `servers - 1` peers; servers reached in a round start pushing the next round
/// (synchronous rounds, the push model of Frieze and Grimmett and of Pittel). Every server
/// without the rumour is a peer of every holder, so by symmetry a push reaches a new server with
/// chance (servers neither holding it nor reached this round) / (servers - 1), whoever sends
/// it: a round's outcome depends only on how many hold the rumour, and which servers they are
/// can be read from an ordering (`ServerPermutation`). No fleet-sized set is kept.
///
/// While hits are likely each push is drawn; once they are rare (fewer than half the peers
/// reachable) the misses before the next hit are drawn at once, as a geometric variate. Both
/// give every push its exact chance, so the distribution is that of drawing every push, at one
/// draw per newly informed server instead of one per push: the last rounds of a spread send
/// about N pushes for a handful of new servers. Hand-written because no listed library draws
/// geometric variates.
struct PushGossip: Sendable {
    let servers: Int
    let fanout: Int
    /// `missLogs[m]` is ln(m / (servers - 1)), the log-chance that a push misses when `m` of its
    /// sender's peers would not be newly informed (`m` from 1; computed once per fleet).
    let missLogs: [Double]

    /// Push gossip on `servers` (at least 1) with `fanout` pushes per holder per round.
    init(servers: Int, fanout: Int) {
        self.servers = servers
        self.fanout = fanout
        let peers = servers - 1
        missLogs = (0..<max(peers, 0)).map { $0 == 0 ? -.infinity : naturalLog(Double($0) / Double(peers)) }
    }

    /// Servers one round informs that did not hold the rumour, when `holders` (at least 1) do.
    /// - Complexity: O(servers informed) draws, a logarithm each once hits are rare.
    func newlyInformed(holders: Int, using random: inout Xoshiro256StarStar) -> Int {
        let peers = servers - 1
        let uninformed = servers - holders
        let pushes = holders * fanout
        var informed = 0
        var sent = 0
        while informed < uninformed, sent < pushes {
            // Peers a push would newly inform: not holders, not reached this round.
            let reachable = uninformed - informed
            if 2 * reachable >= peers {
                sent += 1
                if random.nextIndex(below: peers) < reachable { informed += 1 }
            } else {
                // Misses before the next hit, by inversion: floor(ln U / ln(miss chance)) for U
                // uniform in (0, 1]; both logarithms are negative. No hit among the pushes left
                // when floor(misses) >= left, that is when misses >= left.
                let misses = naturalLog(1 - random.nextUnit()) / missLogs[peers - reachable]
                if misses >= Double(pushes - sent) { break }
                sent += Int(misses) + 1
                informed += 1
            }
        }
        return informed
    }

    /// Rounds for one rumour, started at one server, to reach every server. The origin holds it
    /// before the first round; the count is the round in which the last server is reached
    /// (Pittel's S_n).
    func spreadRounds(using random: inout Xoshiro256StarStar) -> Int {
        var holders = 1
        var rounds = 0
        while holders < servers {
            rounds += 1
            holders += newlyInformed(holders: holders, using: &random)
        }
        return rounds
    }
}
