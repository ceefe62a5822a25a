/// The EBS model's pending events in one-second buckets over a sliding window, with the
/// shared `EventQueue` heap for the few events further out (long copies).
///
/// Hand-written rather than a `Heap` for every event: a search storm is tens of millions of
/// retries, each a whole number of seconds ahead and within the retry cap, so appending to the
/// bucket of its second is O(1) where the heap pays a sift of log n per insert and per removal
/// (the 1,000,000-volume run spent most of its time there). Order is deterministic: at each
/// second, the heap's events (by time, then sequence) come before the bucket's, which come out
/// in the order they were scheduled.
struct EBSEventWheel {
    /// A power of two above the longest retry cap the scenarios use, so retries never overflow.
    static let span: Int64 = 8192
    static let mask: Int64 = span - 1

    private var buckets: [[EBSEvent]]
    private var far = EventQueue<EBSEvent>()
    /// The second being processed; events are only ever scheduled after it.
    private(set) var now: Int64

    init(start: Int64) {
        buckets = Array(repeating: [], count: Int(EBSEventWheel.span))
        now = start
    }

    /// Schedules `event` at `time` (seconds since the epoch); a time not after `now` runs at the
    /// next second.
    mutating func schedule(_ event: EBSEvent, at time: Int64) {
        if time > now, time - now < EBSEventWheel.span {
            buckets[Int(time & EBSEventWheel.mask)].append(event)
        } else {
            far.schedule(event, at: max(time, now + 1))
        }
    }

    /// The far events due at `now`, earliest first.
    mutating func popFarDue() -> EBSEvent? {
        guard let next = far.nextTime, next <= now else { return nil }
        return far.pop()?.payload
    }

    /// Swaps the bucket of `now` with `spare` (an empty array whose capacity is reused), so the
    /// caller can walk it while handlers schedule into other buckets.
    mutating func takeBucket(into spare: inout [EBSEvent]) {
        swap(&spare, &buckets[Int(now & EBSEventWheel.mask)])
    }

    /// Moves on to the next second.
    mutating func advance() {
        now += 1
    }
}
