import Foundation

/// Writes generated files so a failure never leaves half a file: each file is written to a
/// temporary name in the same folder and renamed over the old one.
public enum OutputFile {
    /// Why output could not be written.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case cannotCreateFolder(path: String, reason: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotCreateFolder(let path, let reason): return "\(path): cannot create the output folder: \(reason)"
            case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
            }
        }
    }

    /// Creates `folder` (and its parents) if needed.
    public static func makeFolder(_ folder: String) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .cannotCreateFolder(path: folder, reason: "a file with that name exists") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            let blocked = Self.fileInTheWay(of: folder).map { "\($0) is a file, not a folder" }
            throw .cannotCreateFolder(path: folder, reason: blocked ?? Self.reason(error))
        }
    }

    /// The nearest existing ancestor of `folder` when it is a file (Foundation's own error for
    /// this case names no path and no reason).
    static func fileInTheWay(of folder: String) -> String? {
        var path = (folder as NSString).deletingLastPathComponent
        while !path.isEmpty, path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : path
            }
            path = (path as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// Writes `contents` to `path` atomically (temporary file, then rename).
    public static func write(_ contents: String, to path: String) throws(Failure) {
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    /// Writes the file at `path` piece by piece, as one: the pieces `body` hands to its `write`
    /// go to a hidden `.<name>.partial` beside `path`, renamed over it when `body` returns. When
    /// `body` throws or a write fails, the partial file is removed and `path` is left as it was,
    /// so a large output (an archive's export) is never held whole and never left half written.
    /// - Throws: `Failure.cannotWrite`, or what `body` throws.
    public static func stream(to path: String, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let partial = (folder.isEmpty ? "" : folder + "/") + "." + (path as NSString).lastPathComponent + ".partial"
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)).lowercased()) }
        var open = true
        do {
            try body { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = bytes.withUnsafeBytes { buffer in
                        buffer.baseAddress.map { Foundation.write(descriptor, $0 + offset, buffer.count - offset) } ?? 0
                    }
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)).lowercased()) }
                    offset += written
                }
            }
            open = false
            guard close(descriptor) == 0 else { throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)).lowercased()) }
            guard rename(partial, path) == 0 else { throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)).lowercased()) }
        } catch {
            if open { _ = close(descriptor) }
            _ = unlink(partial)
            throw error
        }
    }

    /// Writes a set of files as one: each goes first to a hidden `.<name>.partial` beside it,
    /// and only when every one is written are they renamed over the old files. A failure while
    /// writing removes the partial files and leaves every earlier file as it was.
    public static func writeAll(_ files: [(name: String, contents: String)], into folder: String) throws(Failure) {
        try makeFolder(folder)
        var staged: [(partial: String, final: String)] = []
        func discard(_ entries: ArraySlice<(partial: String, final: String)>) {
            for entry in entries { _ = unlink(entry.partial) }
        }
        for file in files {
            let final = (folder as NSString).appendingPathComponent(file.name)
            let partial = (folder as NSString).appendingPathComponent("." + file.name + ".partial")
            do {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: partial))
            } catch {
                discard(staged[...])
                _ = unlink(partial)
                throw .cannotWrite(path: final, reason: Self.reason(error))
            }
            staged.append((partial, final))
        }
        for (index, entry) in staged.enumerated() where rename(entry.partial, entry.final) != 0 {
            let reason = String(cString: strerror(errno)).lowercased()
            discard(staged[index...])
            throw .cannotWrite(path: entry.final, reason: reason)
        }
    }

    /// The short reason (`permission denied`) behind a Foundation file error.
    public static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
