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
