/// One pending event of the EBS model: a value type, no closures.
struct EBSEvent: Sendable {
    enum Kind: UInt8 { case search, copyDone, tick }
    var kind: Kind
    var volume: Int32
    var generation: UInt32
}
