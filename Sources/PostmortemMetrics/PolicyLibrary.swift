import Foundation
import PostmortemTimeline

/// The SLA policies shipped with the tool, and policies loaded from a user's files.
public enum PolicyLibrary {
    /// Every shipped policy, sorted by id.
    /// - Throws: `MetricsError.invalidPolicy` if a shipped file is malformed (a packaging bug);
    ///   `.resourcesUnavailable` if the shipped policies cannot be found or read.
    public static func shipped() throws(MetricsError) -> [SLAPolicy] {
        try shipped(from: try ShippedResources.folder("Policies"))
    }

    /// Every policy in `folder`, sorted by id.
    static func shipped(from folder: URL) throws(MetricsError) -> [SLAPolicy] {
        var policies: [SLAPolicy] = []
        var files: [String] = []
        for url in try shippedFiles(in: folder) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .invalidPolicy(file: url.lastPathComponent, field: "(document)", message: "cannot be read")
            }
            files.append("Policies/" + url.lastPathComponent)
            policies.append(try SLAPolicy.decode(yaml: text, file: "Policies/" + url.lastPathComponent))
        }
        try checkEffectiveDates(Array(zip(policies, files)))
        return policies.sorted { $0.id < $1.id }
    }

    /// The YAML files in a shipped resource folder (`Policies`, `Profiles`), sorted by name.
    /// - Throws: `.resourcesUnavailable` when the folder cannot be listed or holds no files.
    static func shippedFiles(in folder: URL) throws(MetricsError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .resourcesUnavailable(path: folder.path, reason: "the folder cannot be listed")
        }
        let files = names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
        guard !files.isEmpty else { throw .resourcesUnavailable(path: folder.path, reason: "it holds no policy files") }
        return files
    }

    /// A shipped policy by id, or a policy file at a path.
    /// - Throws: `MetricsError.unknownPolicy` when neither exists; `.invalidPolicy` for a bad file.
    public static func policy(named nameOrPath: String) throws(MetricsError) -> SLAPolicy {
        let policies = try shipped()
        if let policy = policies.first(where: { $0.id == nameOrPath }) { return policy }
        if FileManager.default.fileExists(atPath: nameOrPath) {
            return try SLAPolicy.decode(yaml: try UserFile.text(at: nameOrPath, file: nameOrPath), file: nameOrPath)
        }
        throw .unknownPolicy(name: nameOrPath, known: policies.map(\.id))
    }

    /// The shipped policy in force for the incident's service on its first day, if any.
    public static func policyInForce(for incident: Incident) throws(MetricsError) -> SLAPolicy? {
        guard let date = incident.firstDate else { return nil }
        let names = incident.services + [incident.title]
        return try shipped().first { $0.applies(to: names, on: date) }
    }
}
