import Testing

@testable import RecoveryModel

@Suite("Event queue ordering and the hold model")
struct QueueOrderingTests {
    @Test("Events come out by time, and by scheduling order within the same instant")
    func ordering() {
        var queue = EventQueue<Int>()
        queue.schedule(1, at: 50)
        queue.schedule(2, at: 10)
        queue.schedule(3, at: 50)
        queue.schedule(4, at: 10)
        queue.schedule(5, at: 0)
        var popped: [Int] = []
        while let entry = queue.pop() { popped.append(entry.payload) }
        #expect(popped == [5, 2, 4, 1, 3])
    }

    @Test("The hold model is deterministic for a seed and differs between seeds")
    func holdDeterminism() {
        let first = HoldModel(pending: 100, events: 10_000, seed: 1).run()
        let again = HoldModel(pending: 100, events: 10_000, seed: 1).run()
        let other = HoldModel(pending: 100, events: 10_000, seed: 7).run()
        #expect(first.processed == 10_000)
        #expect(first == again)
        #expect(first.checksum != other.checksum)
    }
}

@Suite("Replacing the earliest event")
struct ReplaceNextTests {
    @Test("replaceNext orders events exactly as pop then schedule does")
    func sameOrder() {
        var popping = EventQueue<Int>()
        var replacing = EventQueue<Int>()
        for (index, time) in [30, 10, 20, 10, 40].enumerated() {
            popping.schedule(index, at: Int64(time))
            replacing.schedule(index, at: Int64(time))
        }
        var popped: [Int] = []
        var replaced: [Int] = []
        for step in 0..<12 {
            let delay = Int64((step * 7) % 25)
            if let entry = popping.pop() {
                popped.append(entry.payload)
                popping.schedule(entry.payload, at: entry.time + delay)
            }
            if let entry = replacing.next {
                replaced.append(entry.payload)
                _ = replacing.replaceNext(with: entry.payload, at: entry.time + delay)
            }
        }
        #expect(popped == replaced)
        // Worked by hand: 1 (10, delay 0 -> 10 again, after 3), 3, 1, 3 (17), 2 (20).
        #expect(popped.prefix(5) == [1, 3, 1, 3, 2])
    }
}

@Suite("The engine's own logarithm")
struct NaturalLogTests {
    @Test("Matches the true natural log to within two units in the last place", arguments: [
        (1.0, 0.0), (2.0, 0.6931471805599453), (0.5, -0.6931471805599453), (10.0, 2.302585092994046),
        (1e-9, -20.72326583694641), (0.999999, -1.000000500029089e-06), (123456.789, 11.723646487185881),
        (0x1.0p-1074, -744.4400719213812),
    ])
    func values(x: Double, expected: Double) {
        let computed = naturalLog(x)
        #expect(abs(computed - expected) <= 2 * max(abs(expected), 1e-300).ulp)
    }
}
