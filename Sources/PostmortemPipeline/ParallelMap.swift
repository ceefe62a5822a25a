import Dispatch

/// Maps over inputs on several threads and returns the results in input order, so output is
/// byte-identical whatever the number of jobs.
enum ParallelMap {
    /// `progress`, when given, is called after each input is done, from the worker that did it.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], jobs: Int, progress: ProgressReport? = nil,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard jobs > 1, inputs.count > 1 else {
            return inputs.map { input in
                defer { progress?.step() }
                return transform(input)
            }
        }
        let slots = ResultSlots<Output>(count: inputs.count)
        let workers = min(jobs, inputs.count)
        // Each worker takes every `workers`-th input, so no two touch the same slot.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < inputs.count {
                slots.store(transform(inputs[index]), at: index)
                progress?.step()
                index += workers
            }
        }
        return slots.values()
    }
}

/// Fixed slots filled from several threads, each slot by exactly one of them.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = DispatchQueue(label: "postmortem.parallel-map")

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) {
        lock.sync { storage[index] = value }
    }

    func values() -> [Value] {
        lock.sync { storage.compactMap { $0 } }
    }
}
