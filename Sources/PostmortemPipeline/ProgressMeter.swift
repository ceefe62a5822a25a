import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress display on stderr for long runs: files done of total and MB/s.
///
/// Shown only when stderr is a terminal and the user did not ask for quiet, so logs and pipes
/// get nothing extra. The line is redrawn at most ten times a second and cleared at the end.
public struct ProgressMeter: Sendable {
    /// What is being done (`adding`), the first word of the line.
    public let label: String
    public let total: Int
    public private(set) var done = 0
    public private(set) var bytes = 0
    private let enabled: Bool
    private let start: UInt64
    private var lastDrawn: UInt64 = 0

    /// A meter that draws only when `enabled`.
    public init(label: String, total: Int, enabled: Bool) {
        self.label = label
        self.total = total
        self.enabled = enabled
        self.start = DispatchTime.now().uptimeNanoseconds
    }

    /// A meter that draws when stderr is a terminal and `quiet` is not set.
    public static func forTerminal(label: String, total: Int, quiet: Bool) -> ProgressMeter {
        ProgressMeter(label: label, total: total, enabled: !quiet && isatty(STDERR_FILENO) == 1)
    }

    /// Counts one more file of `bytes` bytes and redraws the line when due.
    public mutating func advance(bytes count: Int) {
        done += 1
        bytes += count
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard done == total || now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        Self.write("\r\u{1B}[K" + line(now: now))
    }

    /// Clears the line.
    public func finish() {
        guard enabled else { return }
        Self.write("\r\u{1B}[K")
    }

    /// `adding 12/1000 files, 3.4 MB, 41.2 MB/s`.
    func line(now: UInt64) -> String {
        let seconds = Double(now - start) / 1e9
        let megabytes = Double(bytes) / 1e6
        let rate = seconds > 0 ? megabytes / seconds : 0
        return "\(label) \(done)/\(total) files, " + String(format: "%.1f MB, %.1f MB/s", megabytes, rate)
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
