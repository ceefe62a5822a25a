import HeapModule
import Testing

@testable import RecoveryModel

/// The 4-ary event queue against swift-collections' `Heap` (the queue the engine used before):
/// both order by unique (time, sequence) keys, so every pop must agree.
@Suite("The event queue against a reference heap")
struct EventQueueReferenceTests {
    struct Key: Comparable {
        var time: Int64
        var sequence: UInt64
        var payload: Int
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence) }
        static func == (lhs: Key, rhs: Key) -> Bool { lhs.time == rhs.time && lhs.sequence == rhs.sequence }
    }

    @Test("Mixed schedules, pops and replacements pop the same events in the same order")
    func mixedOperations() {
        var queue = EventQueue<Int>()
        var reference = Heap<Key>()
        var sequence: UInt64 = 0
        var random = Xoshiro256StarStar(seed: 5)
        var popped: [Int] = []
        var expected: [Int] = []
        for step in 0..<20_000 {
            // Times in a narrow range, so many events share an instant and the tie-break is exercised.
            let time = Int64(random.nextIndex(below: 50))
            switch random.nextIndex(below: 3) {
            case 0:
                queue.schedule(step, at: time)
                reference.insert(Key(time: time, sequence: sequence, payload: step))
                sequence += 1
            case 1:
                if let entry = queue.pop() { popped.append(entry.payload) }
                if let key = reference.popMin() { expected.append(key.payload) }
            default:
                guard !queue.isEmpty, let minimum = reference.min else { continue }
                let later = queue.next.map { $0.time + time } ?? time
                popped.append(queue.replaceNext(with: step, at: later).payload)
                expected.append(minimum.payload)
                _ = reference.replaceMin(with: Key(time: later, sequence: sequence, payload: step))
                sequence += 1
            }
            #expect(queue.count == reference.count)
        }
        while let entry = queue.pop() { popped.append(entry.payload) }
        while let key = reference.popMin() { expected.append(key.payload) }
        #expect(popped.count > 10_000)
        #expect(popped == expected)
    }

    @Test("The hold model pops the sequence a Heap-based run pops (same checksum and final time)")
    func holdModelMatchesReference() {
        let outcome = HoldModel(pending: 1000, events: 200_000, seed: 3).run()
        var reference = Heap<Key>()
        var generator = RandomStreams(seed: 3).generator(named: "hold")
        var sequence: UInt64 = 0
        for id in 0..<1000 {
            reference.insert(Key(time: Int64(generator.nextExponential(mean: 60_000)), sequence: sequence, payload: id))
            sequence += 1
        }
        var checksum: UInt64 = 0xCBF2_9CE4_8422_2325
        var now: Int64 = 0
        for _ in 0..<200_000 {
            guard let minimum = reference.min else { break }
            now = minimum.time
            checksum = (checksum ^ UInt64(bitPattern: now) ^ UInt64(UInt32(bitPattern: Int32(minimum.payload)))) &* 0x100_0000_01B3
            let delay = Int64(generator.nextExponential(mean: 60_000)) + 1
            _ = reference.replaceMin(with: Key(time: now + delay, sequence: sequence, payload: minimum.payload))
            sequence += 1
        }
        #expect(outcome.processed == 200_000)
        #expect(outcome.finalTime == now)
        #expect(outcome.checksum == checksum)
    }

    @Test("Block draws are the generator's own draws, bit for bit, across several blocks")
    func blockDraws() {
        var single = Xoshiro256StarStar(seed: 9)
        var blocks = ExponentialDraws(generator: Xoshiro256StarStar(seed: 9), mean: 60_000)
        var mismatches = 0
        for _ in 0..<(ExponentialDraws.blockSize * 3 + 17) {
            if single.nextExponential(mean: 60_000).bitPattern != blocks.next().bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("The four-lane logarithm has the scalar one's bits, both sides of the square-root-of-two split")
    func laneLogarithm() {
        let values: [Double] = [1, 0.5, 0.75, 0.70710678118654757, 0.70710678118654746, 0x1.0p-53, 0.999_999, 0.3]
        for start in stride(from: 0, to: values.count, by: 4) {
            let lanes = SIMD4<Double>(values[start], values[start + 1], values[start + 2], values[start + 3])
            let logs = ExponentialDraws.logarithm(lanes)
            for lane in 0..<4 {
                #expect(logs[lane].bitPattern == naturalLog(values[start + lane]).bitPattern)
            }
        }
        // ln(0.5) to the last place, as the scalar test pins it.
        #expect(abs(ExponentialDraws.logarithm(SIMD4(repeating: 0.5))[0] + 0.6931471805599453) <= 2 * 0.6931471805599453.ulp)
    }
}
