/// A fingerprint of a capture's bytes, so the same capture added twice is stored once.
///
/// Hand-written FNV-1a (64-bit) plus the byte count: none of the project's listed packages offers
/// a stable hash (Swift's `Hasher` is seeded per process, and swift-crypto is not on the list).
/// A capture is identified by its name *and* this digest, so a collision would also need the same
/// file name and length: far beyond what an archive of status captures meets.
public struct CaptureDigest: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var hash: UInt64
    public var count: Int

    /// - Complexity: O(n) in the number of bytes.
    public init(_ bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        self.hash = hash
        self.count = bytes.count
    }

    public init(hash: UInt64, count: Int) {
        self.hash = hash
        self.count = count
    }

    /// `fnv1a64:<16 hex digits>:<byte count>`, the form kept in the store.
    public var description: String {
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex + ":" + String(count)
    }
}
