import Foundation

/// The data files shipped with the tool (the `Policies` folder), found beside the executable.
///
/// SwiftPM's generated `Bundle.module` ends the process (`fatalError`) when the bundle is not
/// where it expects, and on Linux `Bundle.main` itself traps when the executable's own folder
/// cannot be searched (a build under a private folder run by another user). A missing or
/// unreadable bundle is an installation error to report, not a crash, so on Linux the bundle
/// is looked up here: beside the executable (`/proc/self/exe`), where `swift build` puts it.
enum ShippedResources {
    /// SwiftPM's name for this target's resource bundle.
    static let bundleName = "postmortem_PostmortemMetrics.resources"

    /// The folder `name` inside the resource bundle.
    /// - Throws: `MetricsError.resourcesUnavailable` naming the path and why it cannot be read.
    static func folder(_ name: String) throws(MetricsError) -> URL {
        #if os(Linux)
            let executable: String
            do {
                executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            } catch {
                throw .resourcesUnavailable(path: "/proc/self/exe", reason: "the executable's own path cannot be read")
            }
            let bundle = ((executable as NSString).deletingLastPathComponent as NSString).appendingPathComponent(bundleName)
            return try folder(name, inBundleAt: bundle)
        #else
            guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
                throw .resourcesUnavailable(path: Bundle.module.bundlePath + "/" + name, reason: "no such folder")
            }
            return url
        #endif
    }

    /// The folder `name` inside the bundle at `bundle`, checked to be a readable folder.
    static func folder(_ name: String, inBundleAt bundle: String) throws(MetricsError) -> URL {
        let path = (bundle as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let reason = access(bundle, F_OK) == 0 || errno != EACCES ? "no such folder" : "permission denied"
            throw .resourcesUnavailable(path: path, reason: reason)
        }
        guard isDirectory.boolValue else { throw .resourcesUnavailable(path: path, reason: "not a folder") }
        guard access(path, R_OK | X_OK) == 0 else { throw .resourcesUnavailable(path: path, reason: "permission denied") }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
