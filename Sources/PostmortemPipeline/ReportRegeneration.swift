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

    /// Renders every entry in memory. Inputs are read from the folder that holds `folder` (the
    /// repository root) and reported as the manifest gives them, so reports never hold machine
    /// paths. The process's working directory is never changed: the root is passed down.
    public static func render(folder: String) throws(PipelineError) -> [Outcome] {
        let manifest = try ReportManifest.load(folder: folder)
        let file = (folder as NSString).appendingPathComponent("manifest.yaml")
        let parent = (folder as NSString).deletingLastPathComponent
        let root = parent.isEmpty ? "." : parent
        var outcomes: [Outcome] = []
        for (index, entry) in manifest.reports.enumerated() {
            do {
                if let scenario = entry.scenario {
                    let files = try ScenarioRun.reportFiles(path: scenario, seed: entry.seed ?? 1, overrides: entry.set ?? [],
                                                            validateSeeds: entry.validateSeeds, root: root)
                    outcomes.append(Outcome(name: entry.name, files: files, failure: nil))
                    continue
                }
                let request = try manifest.request(for: entry, root: root, index: index, file: file)
                let files = try ReportPipeline.files(for: request)
                outcomes.append(Outcome(name: entry.name, files: files, failure: nil))
            } catch {
                outcomes.append(Outcome(name: entry.name, files: [], failure: "\(error)"))
            }
        }
        return outcomes
    }

    /// `index.html` for the reports folder itself: one row per manifest entry, linking to that
    /// folder's own index, so the folder can be published as a site as it is.
    public static func folderIndex(folder: String) throws(PipelineError) -> (name: String, contents: String) {
        let manifest = try ReportManifest.load(folder: folder)
        let entries = manifest.reports.map { entry in
            ReportIndex.Entry(
                page: "\(entry.name)/index.html", title: entry.name, kind: entry.scenario == nil ? "incident reports" : "simulation", date: "",
                highlights: entry.scenario.map { ["\($0), seed \(entry.seed ?? 1)"] } ?? (entry.inputs ?? []))
        }
        return ("index.html", ReportIndex(entries: entries).html(title: "Reports"))
    }

    /// Rewrites each entry's folder with freshly generated files (removing files no longer
    /// produced), then the folder's own `index.html`.
    /// - Throws: `PipelineError` for the manifest; `OutputFile.Failure` when a folder cannot be
    ///   written, listed or a stale file cannot be removed.
    public static func update(folder: String) throws -> [Outcome] {
        let outcomes = try render(folder: folder)
        for outcome in outcomes where outcome.failure == nil {
            let target = (folder as NSString).appendingPathComponent(outcome.name)
            try OutputFile.writeAll(outcome.files, into: target)
            let produced = Set(outcome.files.map(\.name))
            let present: [String]
            do {
                present = try FileManager.default.contentsOfDirectory(atPath: target)
            } catch {
                throw OutputFile.Failure.cannotWrite(path: target, reason: "cannot list the folder: " + OutputFile.reason(error))
            }
            for stale in present.sorted() where !produced.contains(stale) {
                let path = (target as NSString).appendingPathComponent(stale)
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    throw OutputFile.Failure.cannotWrite(path: path, reason: "cannot remove the file no longer generated: " + OutputFile.reason(error))
                }
            }
        }
        let index = try folderIndex(folder: folder)
        try OutputFile.write(index.contents, to: (folder as NSString).appendingPathComponent(index.name))
        return outcomes
    }
}
