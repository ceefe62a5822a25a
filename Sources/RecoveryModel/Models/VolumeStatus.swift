/// What a volume is doing.
enum VolumeStatus: UInt8 {
    case healthy
    /// Lost its mirror, the network is still partitioned.
    case isolated
    /// Searching for a free slot.
    case searching
    /// Searches stopped; waiting for capacity to be handed out.
    case waiting
    /// Copying to a reserved slot.
    case copying
    /// Re-mirrored, waiting for the control plane to confirm the writable copy.
    case awaitingNegotiation
    /// Its only current copy was on a crashed node: restore from a snapshot or by forensics.
    case needsRestore
    /// Could not be restored in a consistent state.
    case lost

    var isStuck: Bool { self != .healthy }
    /// Finding a slot for a new replica or copying to it.
    var isRemirroring: Bool { self == .searching || self == .waiting || self == .copying }
    var isMirrorMissing: Bool {
        self == .isolated || self == .searching || self == .waiting || self == .copying || self == .needsRestore || self == .lost
    }
}
