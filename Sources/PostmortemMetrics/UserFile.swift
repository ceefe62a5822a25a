import Foundation

/// A file a user names for the toolkit to read as text (a policy, a profile, a bill, a manifest).
public enum UserFile {
    /// Why the file cannot be read, as a clause: "no such file", "it is a directory, not a file".
    public struct Unreadable: Error, Sendable, Equatable {
        public var reason: String
    }

    /// The text of the file at `path`.
    /// - Throws: `Unreadable` saying why: missing, a directory, no permission, not UTF-8.
    public static func text(at path: String) throws(Unreadable) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Unreadable(reason: "no such file") }
        guard !isDirectory.boolValue else { throw Unreadable(reason: "it is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(reason: "permission denied or a read error") }
        guard let text = String(data: data, encoding: .utf8) else { throw Unreadable(reason: "it is not UTF-8 text") }
        return text
    }

    /// The text of the file at `path`, named `file` in errors.
    /// - Throws: `MetricsError.unreadableFile` saying why.
    public static func text(at path: String, file: String) throws(MetricsError) -> String {
        do {
            return try text(at: path)
        } catch {
            throw .unreadableFile(file: file, reason: error.reason)
        }
    }
}
