import Testing
@testable import RecoveryModel

@Suite("Engine core: event order, generators, retry policies")
struct EngineCoreTests {
    @Test("events pop by time, then in scheduling order")
    func ordering() {
        var queue = EventQueue<Int>()
        queue.schedule(1, at: 50)
        queue.schedule(2, at: 10)
        queue.schedule(3, at: 50)
        queue.schedule(4, at: 10)
        queue.schedule(5, at: 0)
        var order: [Int] = []
        var times: [Int64] = []
        while let entry = queue.pop() {
            order.append(entry.payload)
            times.append(entry.time)
        }
        #expect(order == [5, 2, 4, 1, 3])
        #expect(times == [0, 10, 10, 50, 50])
        #expect(queue.isEmpty)
    }

    @Test("SplitMix64 matches the reference output for seed 0")
    func splitMixReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("xoshiro256** repeats for a seed and differs between seeds")
    func xoshiroDeterminism() {
        var a = Xoshiro256StarStar(seed: 42)
        var b = Xoshiro256StarStar(seed: 42)
        var c = Xoshiro256StarStar(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        var unit = Xoshiro256StarStar(seed: 9)
        let draws = (0..<10_000).map { _ in unit.nextUnit() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 0.5) < 0.02)
    }

    @Test("named streams depend on the name and seed only")
    func streams() {
        let streams = RandomStreams(seed: 1)
        var race = streams.generator(named: "race")
        var again = RandomStreams(seed: 1).generator(named: "race")
        var retry = streams.generator(named: "retry")
        var otherSeed = RandomStreams(seed: 7).generator(named: "race")
        let raceDraws = (0..<4).map { _ in race.next() }
        #expect(raceDraws == (0..<4).map { _ in again.next() })
        #expect(raceDraws != (0..<4).map { _ in retry.next() })
        #expect(raceDraws != (0..<4).map { _ in otherSeed.next() })
    }

    @Test("natural logarithm without Foundation", arguments: [
        (1000.0, 6.907755278982137), (2.0, 0.6931471805599453), (0.5, -0.6931471805599453), (1e5, 11.512925464970229),
    ])
    func logarithm(value: Double, expected: Double) {
        #expect(abs(naturalLog(value) - expected) < 1e-12)
    }

    @Test("exponential draws have the requested mean")
    func exponentialMean() {
        var generator = Xoshiro256StarStar(seed: 3)
        let draws = (0..<20_000).map { _ in generator.nextExponential(mean: 60) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 60) < 2)
    }

    @Test("the deterministic policies", arguments: [
        (RetryPolicy.none, 0, 60.0), (.none, 9, 60.0), (.fixed, 4, 120.0),
        (.exponential, 0, 60.0), (.exponential, 3, 480.0), (.exponential, 10, 3600.0),
    ])
    func deterministicDelays(policy: RetryPolicy, attempt: Int, expected: Double) {
        var generator = Xoshiro256StarStar(seed: 1)
        #expect(policy.delay(attempt: attempt, base: 60, cap: 3600, previous: 60, using: &generator) == expected)
    }

    @Test("jittered policies stay inside the AWS formulas' bounds")
    func jitterBounds() {
        var generator = Xoshiro256StarStar(seed: 5)
        for attempt in 0..<12 {
            let ceiling = min(3600.0, 60 * Double(1 << attempt))
            let full = RetryPolicy.exponentialFullJitter.delay(attempt: attempt, base: 60, cap: 3600, previous: 60, using: &generator)
            #expect(full >= 0 && full <= ceiling)
            let equal = RetryPolicy.exponentialEqualJitter.delay(attempt: attempt, base: 60, cap: 3600, previous: 60, using: &generator)
            #expect(equal >= ceiling / 2 && equal <= ceiling)
            let previous = 60 * Double(attempt + 1)
            let decorrelated = RetryPolicy.decorrelatedJitter.delay(attempt: attempt, base: 60, cap: 3600, previous: previous, using: &generator)
            #expect(decorrelated >= 60 && decorrelated <= min(3600, previous * 3))
        }
        #expect(RetryPolicy(rawValue: "exponential-full-jitter") == .exponentialFullJitter)
        #expect(RetryPolicy.allCases.count == 6)
    }

    @Test("the hold model is reproducible and processes exactly the requested events")
    func holdModel() {
        let model = HoldModel(pending: 1000, events: 50_000, seed: 11)
        let first = model.run()
        #expect(first.processed == 50_000)
        #expect(first == model.run())
        let other = HoldModel(pending: 1000, events: 50_000, seed: 12).run()
        #expect(other.checksum != first.checksum)
        // 50,000 events spread over 1,000 pending with mean 60 s: about 50 delays per slot.
        #expect(first.finalTime > 2_400_000 && first.finalTime < 3_600_000)
    }
}
