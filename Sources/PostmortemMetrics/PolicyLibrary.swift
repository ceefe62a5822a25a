import Foundation
import PostmortemTimeline

/// The SLA policies shipped with the tool, and policies loaded from a user's files.
public enum PolicyLibrary {
    /// Every shipped policy, sorted by id.
    /// - Throws: `MetricsError.invalidPolicy` if a shipped file is malformed (a packaging bug).
    public static func shipped() throws(MetricsError) -> [SLAPolicy] {
        var policies: [SLAPolicy] = []
        var files: [String] = []
        for url in shippedFiles() {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .invalidPolicy(file: url.lastPathComponent, field: "(document)", message: "cannot be read")
            }
            files.append("Policies/" + url.lastPathComponent)
            policies.append(try SLAPolicy.decode(yaml: text, file: "Policies/" + url.lastPathComponent))
        }
        try checkEffectiveDates(Array(zip(policies, files)))
        return policies.sorted { $0.id < $1.id }
    }

    /// The YAML files shipped in a resource folder (`Policies`, `Profiles`), sorted by name.
    static func shippedFiles(in resourceFolder: String = "Policies") -> [URL] {
        guard let folder = Bundle.module.url(forResource: resourceFolder, withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// A shipped policy by id, or a policy file at a path.
    /// - Throws: `MetricsError.unknownPolicy` when neither exists; `.invalidPolicy` for a bad file.
    public static func policy(named nameOrPath: String) throws(MetricsError) -> SLAPolicy {
        let policies = try shipped()
        if let policy = policies.first(where: { $0.id == nameOrPath }) { return policy }
        if FileManager.default.fileExists(atPath: nameOrPath) {
            guard let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
                throw .invalidPolicy(file: nameOrPath, field: "(document)", message: "cannot be read as UTF-8 text")
            }
            return try SLAPolicy.decode(yaml: text, file: nameOrPath)
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
