#if canImport(Glibc)
    import Glibc
#endif

/// The progress line long commands (`sweep`, `validate`) write to standard error, only when
/// standard error is a terminal: piped or redirected output stays free of it.
enum TerminalProgress {
    /// An observer for `ProgressReport`, or `nil` when standard error is not a terminal.
    static var observer: (@Sendable (String, Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        return { label, done, total in
            let line = "\r\(label): \(done)/\(total) runs" + (done == total ? "\n" : "")
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        }
    }
}
