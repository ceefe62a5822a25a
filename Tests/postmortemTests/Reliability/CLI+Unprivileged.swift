import Foundation

extension CLI {
    /// Runs the executable as a user that file permissions apply to. As root (a container, CI)
    /// permissions are not enforced, so the command runs as `nobody` through `setpriv`;
    /// otherwise it runs as the current user.
    static func runUnprivileged(_ arguments: [String]) throws -> Outcome {
        guard geteuid() == 0 else { return try run(arguments) }
        return try run(arguments, launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    }

    /// A fresh folder under the system's temporary folder, removed by the caller.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
