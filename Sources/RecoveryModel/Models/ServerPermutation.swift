/// A pseudo-random ordering of a fleet's servers `0..<servers`, held as a key instead of an array.
///
/// A rumour in push gossip reaches servers in an order that, by the symmetry of uniform peer
/// choice, is a uniformly random ordering of the fleet: which servers hold it after `k` servers
/// have heard it is the first `k` of that order. The gossip model draws only how many servers
/// each round informs and reads who they are from the rumour's ordering, so a rumour costs a
/// few words, not a fleet-sized set per corrupted message.
///
/// A keyed bijection (a four-round Feistel network on the smallest even-bit domain that holds
/// the fleet, cycle-walked back into range) rather than a shuffled array: the array is exactly
/// the fleet-sized allocation this type exists to avoid. Hand-written because neither the
/// standard library nor swift-collections offers a keyed permutation.
struct ServerPermutation: Sendable, Equatable {
    let servers: Int
    let halfBits: Int
    let keys: (UInt64, UInt64, UInt64, UInt64)

    /// The ordering for `servers` (at least 1) drawn from `random`.
    init(servers: Int, using random: inout Xoshiro256StarStar) {
        self.servers = servers
        var bits = 2
        while (1 << bits) < servers { bits += 1 }
        halfBits = (bits + 1) / 2
        keys = (random.next(), random.next(), random.next(), random.next())
    }

    static func == (lhs: ServerPermutation, rhs: ServerPermutation) -> Bool {
        lhs.servers == rhs.servers && lhs.keys == rhs.keys
    }

    /// The server in place `position` (`0..<servers`) of the ordering.
    func server(at position: Int) -> Int {
        var value = UInt64(position)
        repeat {
            value = scramble(value)
        } while value >= UInt64(servers)
        return Int(value)
    }

    /// One pass of the Feistel network over the `2 * halfBits`-bit domain: a bijection, so
    /// walking it from a value in range returns to the range (the cycle-walk above ends).
    func scramble(_ value: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << UInt64(halfBits)) - 1
        var left = value >> UInt64(halfBits)
        var right = value & mask
        (left, right) = (right, left ^ (ServerPermutation.mix(right ^ keys.0) & mask))
        (left, right) = (right, left ^ (ServerPermutation.mix(right ^ keys.1) & mask))
        (left, right) = (right, left ^ (ServerPermutation.mix(right ^ keys.2) & mask))
        (left, right) = (right, left ^ (ServerPermutation.mix(right ^ keys.3) & mask))
        return (left << UInt64(halfBits)) | right
    }

    /// SplitMix64's finaliser: a well-mixed round function.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
