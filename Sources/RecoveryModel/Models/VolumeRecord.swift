/// What a search storm reads and writes of one volume, packed into 16 bytes: a retry is then
/// one cache line of the volume table instead of one per field in five arrays (the
/// 1,000,000-volume run stalled on those loads more than it computed).
struct VolumeRecord {
    /// The node serving the volume's writable copy; -1 once the volume is restored elsewhere.
    var primary: Int32 = -1
    /// Bumped on every status change, so a stale scheduled event is recognised and dropped.
    var generation: UInt32 = 0
    /// The previous retry delay in seconds (decorrelated jitter).
    var previousDelay: Float
    /// Failed searches since the volume started searching.
    var attempts: UInt16 = 0
    /// Negotiation requests the volume's failed searches have left with the control plane.
    var pendingNegotiations: UInt16 = 0

    init(previousDelay: Float) {
        self.previousDelay = previousDelay
    }
}
