/// Named random streams derived from one seed: `streams.generator(named: "race")`.
///
/// A stream's state depends only on the seed and its name (FNV-1a of the name mixed with the
/// seed), so components are independent and the order in which streams are created is irrelevant.
public struct RandomStreams: Sendable, Equatable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The generator for one component.
    public func generator(named name: String) -> Xoshiro256StarStar {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        return Xoshiro256StarStar(seed: mixer.next())
    }
}
