#if canImport(Glibc)
    import Glibc
#endif

/// Buffered writes to standard output.
///
/// Output is held back until the command succeeds, so a failure on a later input prints an
/// error and nothing else; only past 256 MB of output (an archive far larger than memory
/// should hold) is it flushed early.
struct StandardOutput {
    private var buffer: [UInt8] = []
    static let limit = 256 << 20

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.limit { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
