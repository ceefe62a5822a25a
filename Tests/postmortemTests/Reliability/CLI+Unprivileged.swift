import Foundation
import PostmortemTestSupport
import Testing

extension CLI {
    /// Runs the executable as a user that file permissions apply to. As root (a container, CI)
    /// permissions are not enforced, so the command runs as `nobody` through `setpriv`;
    /// otherwise it runs as the current user.
    ///
    /// `nobody` may not reach the checkout (a clone in a private folder or a home folder), so
    /// the executable, its resource bundles and the `inputs` (paths relative to the package
    /// root) are first copied to a world-readable staging folder, and the command runs there.
    static func runUnprivileged(_ arguments: [String], inputs: [String] = []) throws -> Outcome {
        guard geteuid() == 0 else { return try run(arguments) }
        let stage = try stagedCopy(inputs: inputs)
        defer { try? FileManager.default.removeItem(atPath: stage.folder) }
        try #require(
            reachableByOthers(stage.folder),
            "the staging folder \(stage.folder) is not reachable by uid 65534 (a parent folder is not world-searchable); set TMPDIR to a world-searchable folder such as /tmp")
        return try run(
            arguments, launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"],
            binary: stage.binary, directory: stage.folder)
    }

    /// A world-readable copy of the executable, every resource bundle beside it, and `inputs`.
    /// `withBundles: false` copies the executable alone, to see how it fares without its data.
    static func stagedCopy(inputs: [String] = [], withBundles: Bool = true) throws -> (folder: String, binary: String) {
        let manager = FileManager.default
        let folder = try temporaryFolder("stage")
        let built = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let binary = folder + "/postmortem"
        try manager.copyItem(atPath: built.path, toPath: binary)
        if withBundles {
            let beside = built.deletingLastPathComponent()
            for name in try manager.contentsOfDirectory(atPath: beside.path).sorted() where name.hasSuffix(".resources") {
                try manager.copyItem(atPath: beside.appendingPathComponent(name).path, toPath: folder + "/" + name)
            }
        }
        for input in inputs {
            let target = folder + "/" + input
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: FixturePath.resolve(input), toPath: target)
        }
        try openToOthers(folder)
        return (folder, binary)
    }

    /// Makes every folder under `folder` searchable and every file readable by others.
    static func openToOthers(_ folder: String) throws {
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        for relative in try manager.subpathsOfDirectory(atPath: folder) {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            let executable = isDirectory.boolValue || manager.isExecutableFile(atPath: path)
            try manager.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
        }
    }

    /// Whether every folder from `/` down to `path` can be searched by other users.
    static func reachableByOthers(_ path: String) -> Bool {
        var current = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        while current.path != "/" {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: current.path),
                let mode = attributes[.posixPermissions] as? Int, mode & 0o001 != 0
            else { return false }
            current.deleteLastPathComponent()
        }
        return true
    }

    /// A fresh folder under the system's temporary folder, removed by the caller.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
