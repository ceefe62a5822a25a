import HeapModule

/// A pending-event set ordered by (time, sequence number): events at the same instant come
/// out in the order they were scheduled, so runs are reproducible.
///
/// `Payload` is a small value type chosen by the model (no closures or existentials per event).
public struct EventQueue<Payload: Sendable>: Sendable {
    /// One scheduled event.
    public struct Entry: Comparable, Sendable {
        /// Simulated time in seconds (models use seconds since the epoch, UTC).
        public var time: Int64
        public var sequence: UInt64
        public var payload: Payload

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
        }

        @inlinable
        public init(time: Int64, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time == rhs.time && lhs.sequence == rhs.sequence
        }
    }

    @usableFromInline var heap: Heap<Entry> = []
    @usableFromInline var nextSequence: UInt64 = 0

    public init() {}

    public var count: Int { heap.count }
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the next event, if any.
    public var nextTime: Int64? { heap.min?.time }

    /// Schedules `payload` at `time`.
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Int64) {
        insert(Entry(time: time, sequence: takeSequence(), payload: payload))
    }

    @usableFromInline
    mutating func takeSequence() -> UInt64 {
        defer { nextSequence &+= 1 }
        return nextSequence
    }

    @usableFromInline
    mutating func insert(_ entry: Entry) {
        heap.insert(entry)
    }

    /// The earliest event, left in the queue.
    public var next: Entry? { heap.min }

    /// Replaces the earliest event with `payload` at `time` and returns the event it replaced:
    /// the step of a model whose event schedules its successor, done in one sift of the heap
    /// instead of a pop and an insert. Ordering is the same as `pop()` then `schedule`.
    @inlinable
    public mutating func replaceNext(with payload: Payload, at time: Int64) -> Entry {
        heap.replaceMin(with: Entry(time: time, sequence: takeSequence(), payload: payload))
    }

    /// Removes and returns the earliest event.
    public mutating func pop() -> Entry? {
        heap.popMin()
    }
}
