import Foundation
import PostmortemReports

/// Regenerates the reports a manifest lists, to compare with (`check`) or replace (`update`)
/// the files kept in the repository.
public enum ReportRegeneration {
    /// What one manifest entry produced, or why it failed.
    public struct Outcome: Sendable {
        public var name: String
        public var files: [(name: String, contents: String)]
        public var failure: String?
    }

    /// Renders every entry in memory. Input paths are reported as the manifest gives them
    /// (relative to the repository root), so reports never hold machine paths.
    public static func render(folder: String) throws(PipelineError) -> [Outcome] {
        let manifest = try ReportManifest.load(folder: folder)
        let file = (folder as NSString).appendingPathComponent("manifest.yaml")
        let root = (folder as NSString).deletingLastPathComponent
        var outcomes: [Outcome] = []
        for (index, entry) in manifest.reports.enumerated() {
            do {
                if let scenario = entry.scenario {
                    let files = try FileManager.default.inDirectory(root.isEmpty ? "." : root) {
                        try ScenarioRun.reportFiles(path: scenario, seed: entry.seed ?? 1, overrides: entry.set ?? [])
                    }
                    outcomes.append(Outcome(name: entry.name, files: files, failure: nil))
                    continue
                }
                let request = try manifest.request(for: entry, root: ".", index: index, file: file)
                let files = try FileManager.default.inDirectory(root.isEmpty ? "." : root) {
                    try ReportPipeline.files(for: request)
                }
                outcomes.append(Outcome(name: entry.name, files: files, failure: nil))
            } catch {
                outcomes.append(Outcome(name: entry.name, files: [], failure: "\(error)"))
            }
        }
        return outcomes
    }

    /// Rewrites each entry's folder with freshly generated files (removing files no longer produced).
    public static func update(folder: String) throws -> [Outcome] {
        let outcomes = try render(folder: folder)
        for outcome in outcomes where outcome.failure == nil {
            let target = (folder as NSString).appendingPathComponent(outcome.name)
            try OutputFile.writeAll(outcome.files, into: target)
            let produced = Set(outcome.files.map(\.name))
            for stale in (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] where !produced.contains(stale) {
                try? FileManager.default.removeItem(atPath: (target as NSString).appendingPathComponent(stale))
            }
        }
        return outcomes
    }
}

extension FileManager {
    /// Runs `body` with the working directory set to `path`, restoring it afterwards, so relative
    /// input paths resolve against the repository root and stay relative in the output.
    func inDirectory<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let previous = currentDirectoryPath
        guard changeCurrentDirectoryPath(path) else {
            throw PipelineError.invalidManifest(file: path, field: "(root)", message: "cannot enter the repository folder")
        }
        defer { _ = changeCurrentDirectoryPath(previous) }
        return try body()
    }
}
