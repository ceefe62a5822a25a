import Dispatch

/// Counts finished units of long work (sweep points, validation runs) and hands the running
/// count to an observer, such as the command line's progress line on a terminal.
///
/// A class because workers on several threads share one counter; the lock keeps the count
/// and the order of the observer's calls consistent.
public final class ProgressReport: @unchecked Sendable {
    public let total: Int
    public let label: String
    private var done = 0
    private let observer: @Sendable (_ label: String, _ done: Int, _ total: Int) -> Void
    private let lock = DispatchQueue(label: "postmortem.progress")

    public init(label: String, total: Int, observer: @escaping @Sendable (_ label: String, _ done: Int, _ total: Int) -> Void) {
        self.label = label
        self.total = total
        self.observer = observer
    }

    /// One more unit done.
    public func step() {
        lock.sync {
            done += 1
            observer(label, done, total)
        }
    }
}
