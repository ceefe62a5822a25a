import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one progress line of long runs on stderr: units done of total (files, runs), and for
/// files the megabytes read and MB/s (`adding 12/1000 files, 3.4 MB, 41.2 MB/s`).
///
/// Shown only when stderr is a terminal and the user did not ask for `--quiet`, so logs and pipes
/// get nothing extra. The line is redrawn at most ten times a second and cleared at the end.
///
/// A class because workers on several threads (a sweep's runs, `ParallelMap`'s batches) count
/// into one meter; the lock keeps the count and the drawn line consistent.
public final class ProgressMeter: @unchecked Sendable {
    /// What is being done (`adding`), the first word of the line.
    public let label: String
    public let total: Int
    /// What is counted: `files` (with megabytes and MB/s) or `runs`.
    public let unit: String
    private let enabled: Bool
    let startNanoseconds: UInt64
    private let lock = NSLock()
    private var doneCount = 0
    private var byteCount = 0
    private var lastDrawn: UInt64 = 0

    /// A meter that draws only when `enabled`.
    public init(label: String, total: Int, unit: String = "files", enabled: Bool) {
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = enabled
        self.startNanoseconds = DispatchTime.now().uptimeNanoseconds
    }

    /// A meter that draws when stderr is a terminal and `quiet` is not set.
    public static func forTerminal(label: String, total: Int, unit: String = "files", quiet: Bool) -> ProgressMeter {
        ProgressMeter(label: label, total: total, unit: unit, enabled: !quiet && isatty(STDERR_FILENO) == 1)
    }

    /// Units done so far.
    public var done: Int { lock.withLock { doneCount } }
    /// Bytes counted so far.
    public var bytes: Int { lock.withLock { byteCount } }
    /// Whether the line is drawn (callers skip work that only feeds it, such as a file's size).
    public var isShown: Bool { enabled }

    /// Counts one more unit (a file of `bytes` bytes, or a run) and redraws the line when due.
    public func advance(bytes count: Int = 0) {
        lock.withLock {
            doneCount += 1
            byteCount += count
            guard enabled else { return }
            let now = DispatchTime.now().uptimeNanoseconds
            guard doneCount == total || now - lastDrawn >= 100_000_000 else { return }
            lastDrawn = now
            Self.write("\r\u{1B}[K" + line(now: now, done: doneCount, bytes: byteCount))
        }
    }

    /// Counts one more file, its size read only when the line is drawn.
    public func advance(file path: String) {
        advance(bytes: enabled ? ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0 : 0)
    }

    /// Clears the line.
    public func finish() {
        guard enabled else { return }
        lock.withLock { Self.write("\r\u{1B}[K") }
    }

    /// The line as drawn `now` (nanoseconds of uptime).
    func line(now: UInt64) -> String {
        lock.withLock { line(now: now, done: doneCount, bytes: byteCount) }
    }

    private func line(now: UInt64, done: Int, bytes: Int) -> String {
        let counted = "\(label) \(done)/\(total) \(unit)"
        guard unit == "files" else { return counted }
        let seconds = Double(now - startNanoseconds) / 1e9
        let megabytes = Double(bytes) / 1e6
        let rate = seconds > 0 ? megabytes / seconds : 0
        return counted + ", " + String(format: "%.1f MB, %.1f MB/s", megabytes, rate)
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
