/// The classic "hold" benchmark for event sets: keep `pending` events in the queue; each event
/// popped schedules one more at its time plus an exponential delay.
///
/// Public so a benchmark can time the engine's queue and generator without a scenario.
public struct HoldModel: Sendable, Equatable {
    public var pending: Int
    public var events: Int
    public var meanDelaySeconds: Double
    public var seed: UInt64

    public init(pending: Int, events: Int, meanDelaySeconds: Double = 60, seed: UInt64 = 1) {
        self.pending = pending
        self.events = events
        self.meanDelaySeconds = meanDelaySeconds
        self.seed = seed
    }

    /// What a run did: events processed, the simulated time reached, and a checksum of the
    /// popped (time, id) sequence so two runs can be compared for identical ordering.
    public struct Outcome: Sendable, Equatable {
        public var processed: Int
        public var finalTime: Int64
        public var checksum: UInt64
    }

    /// Runs the model. Delays are rounded up to whole milliseconds (times are integer ms here).
    public func run() -> Outcome {
        var queue = EventQueue<Int32>(reservingCapacity: max(pending, 1))
        // The delays never depend on the queue, so they are drawn a block at a time (the same
        // values in the same order as one `nextExponential` per event).
        var delays = ExponentialDraws(generator: RandomStreams(seed: seed).generator(named: "hold"),
                                      mean: meanDelaySeconds * 1000)
        for id in 0..<max(pending, 1) {
            queue.schedule(Int32(truncatingIfNeeded: id), at: Int64(delays.next()))
        }
        var processed = 0
        var now: Int64 = 0
        var checksum: UInt64 = 0xCBF2_9CE4_8422_2325
        while processed < events, let entry = queue.next {
            now = entry.time
            checksum = (checksum ^ UInt64(bitPattern: now) ^ UInt64(UInt32(bitPattern: entry.payload))) &* 0x100_0000_01B3
            processed += 1
            let delay = Int64(delays.next()) + 1
            _ = queue.replaceNext(with: entry.payload, at: now + delay)
        }
        return Outcome(processed: processed, finalTime: now, checksum: checksum)
    }
}
