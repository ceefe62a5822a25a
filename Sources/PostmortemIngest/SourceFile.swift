#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with POSIX calls, so that each failure (missing, directory, permission)
/// gets its own message rather than Foundation's generic one.
enum SourceFile {
    /// The most bytes postmortem reads from one input (1 GiB): far above any archived page, and
    /// a bound for devices and pipes that never end (`/dev/zero`).
    static let maximumSize = 1 << 30

    /// - Throws: `IngestError.unreadable` naming the path and the reason.
    static func read(_ path: String, limit: Int = maximumSize) throws(IngestError) -> [UInt8] {
        // Non-blocking open, so a named pipe with no writer is refused below instead of waiting forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            throw .unreadable(file: path, reason: reason(errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, reason: reason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadable(file: path, reason: "it is a directory, not a file")
        }
        if (info.st_mode & S_IFMT) == S_IFIFO || (info.st_mode & S_IFMT) == S_IFSOCK {
            throw .unreadable(file: path, reason: "it is a named pipe or socket, not a file (save the stream to a file first)")
        }
        var bytes: [UInt8] = []
        let expected = Int(info.st_size)
        bytes.reserveCapacity(min(max(expected, 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: reason(errno))
            }
            if count == 0 { break }
            guard bytes.count + count <= limit else {
                throw .unreadable(file: path, reason: "it is larger than \(describe(limit)), the most postmortem reads from one file")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// `1 GiB`, `64 KiB`, `100 bytes`.
    static func describe(_ size: Int) -> String {
        if size >= 1 << 30, size % (1 << 30) == 0 { return "\(size >> 30) GiB" }
        if size >= 1 << 20, size % (1 << 20) == 0 { return "\(size >> 20) MiB" }
        if size >= 1 << 10, size % (1 << 10) == 0 { return "\(size >> 10) KiB" }
        return "\(size) bytes"
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "it is a directory, not a file"
        default:
            guard let text = strerror(code) else { return "error \(code)" }
            return String(cString: text).lowercased()
        }
    }
}
