/// A pending-event set ordered by (time, sequence number): events at the same instant come
/// out in the order they were scheduled, so runs are reproducible.
///
/// `Payload` is a small value type chosen by the model (no closures or existentials per event).
///
/// Hand-written rather than swift-collections' `Heap`: `Heap` is a min-max heap (it serves
/// both ends), whose sift visits grandchildren and compares at two levels per step; an event
/// set only ever takes the minimum, and a 4-ary min-heap on contiguous storage moved through
/// a hole (no swaps) does about half the work per event: about log4 n levels, each a scan of
/// four adjacent entries in one or two cache lines. The order of events is fully determined by
/// (time, sequence), which are unique, so any correct heap pops the same sequence.
public struct EventQueue<Payload: Sendable>: Sendable {
    /// One scheduled event.
    public struct Entry: Comparable, Sendable {
        /// Simulated time in seconds (models use seconds since the epoch, UTC).
        public var time: Int64
        public var sequence: UInt64
        public var payload: Payload

        @inlinable
        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
        }

        @inlinable
        public init(time: Int64, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable
        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time == rhs.time && lhs.sequence == rhs.sequence
        }
    }

    /// The heap: entry `i`'s children are `4i + 1 ... 4i + 4`.
    @usableFromInline var storage: ContiguousArray<Entry> = []
    @usableFromInline var nextSequence: UInt64 = 0

    @inlinable
    public init() {}

    /// An empty queue with room for `capacity` events before it grows.
    @inlinable
    public init(reservingCapacity capacity: Int) {
        storage.reserveCapacity(capacity)
    }

    @inlinable
    public var count: Int { storage.count }

    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// The time of the next event, if any.
    @inlinable
    public var nextTime: Int64? { storage.first?.time }

    /// The earliest event, left in the queue.
    @inlinable
    public var next: Entry? { storage.first }

    /// Schedules `payload` at `time`.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Int64) {
        let entry = Entry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        storage.append(entry)
        storage.withUnsafeMutableBufferPointer { heap in
            EventQueue.siftUp(entry, from: heap.count - 1, in: heap)
        }
    }

    /// Replaces the earliest event with `payload` at `time` and returns the event it replaced:
    /// the step of a model whose event schedules its successor, done in one sift of the heap
    /// instead of a pop and an insert. Ordering is the same as `pop()` then `schedule`.
    /// The queue must not be empty.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func replaceNext(with payload: Payload, at time: Int64) -> Entry {
        let entry = Entry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        return storage.withUnsafeMutableBufferPointer { heap in
            let replaced = heap[0]
            EventQueue.siftDown(entry, from: 0, in: heap, count: heap.count)
            return replaced
        }
    }

    /// Removes and returns the earliest event.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func pop() -> Entry? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        return storage.withUnsafeMutableBufferPointer { heap in
            let first = heap[0]
            EventQueue.siftDown(last, from: 0, in: heap, count: heap.count)
            return first
        }
    }

    /// Moves the hole at `index` up until `entry` fits, then puts `entry` there.
    @inlinable
    static func siftUp(_ entry: Entry, from index: Int, in heap: UnsafeMutableBufferPointer<Entry>) {
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) >> 2
            guard entry < heap[parent] else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = entry
    }

    /// Moves the hole at `index` down past every child earlier than `entry`, then puts `entry`
    /// there; `count` entries are in the heap.
    ///
    /// With four children present, their keys are compared in two pairs and the winners' keys
    /// kept in registers (selected, not re-read by index), so a level costs one round of loads
    /// and three branch-free comparisons.
    @inlinable
    static func siftDown(_ entry: Entry, from index: Int, in heap: UnsafeMutableBufferPointer<Entry>, count: Int) {
        var hole = index
        let time = entry.time
        let sequence = entry.sequence
        while true {
            let first = hole &* 4 &+ 1
            var least: Int
            var leastTime: Int64
            var leastSequence: UInt64
            if first &+ 3 < count {
                let (t0, s0) = (heap[first].time, heap[first].sequence)
                let (t1, s1) = (heap[first &+ 1].time, heap[first &+ 1].sequence)
                let (t2, s2) = (heap[first &+ 2].time, heap[first &+ 2].sequence)
                let (t3, s3) = (heap[first &+ 3].time, heap[first &+ 3].sequence)
                let left = precedes(t1, s1, t0, s0)
                let leftIndex = left ? first &+ 1 : first
                let leftTime = left ? t1 : t0
                let leftSequence = left ? s1 : s0
                let right = precedes(t3, s3, t2, s2)
                let rightIndex = right ? first &+ 3 : first &+ 2
                let rightTime = right ? t3 : t2
                let rightSequence = right ? s3 : s2
                let second = precedes(rightTime, rightSequence, leftTime, leftSequence)
                least = second ? rightIndex : leftIndex
                leastTime = second ? rightTime : leftTime
                leastSequence = second ? rightSequence : leftSequence
            } else {
                guard first < count else { break }
                least = first
                leastTime = heap[first].time
                leastSequence = heap[first].sequence
                var child = first &+ 1
                while child < count {
                    if precedes(heap[child].time, heap[child].sequence, leastTime, leastSequence) {
                        least = child
                        leastTime = heap[child].time
                        leastSequence = heap[child].sequence
                    }
                    child &+= 1
                }
            }
            guard precedes(leastTime, leastSequence, time, sequence) else { break }
            heap[hole] = heap[least]
            hole = least
        }
        heap[hole] = entry
    }

    /// Whether the key (`time`, `sequence`) comes before (`otherTime`, `otherSequence`).
    @inlinable @inline(__always)
    static func precedes(_ time: Int64, _ sequence: UInt64, _ otherTime: Int64, _ otherSequence: UInt64) -> Bool {
        time != otherTime ? time < otherTime : sequence < otherSequence
    }
}
