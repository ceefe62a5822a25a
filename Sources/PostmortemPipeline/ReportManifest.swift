import Foundation
import PostmortemIngest
import PostmortemMetrics
import PostmortemTimeline
import Yams

/// `Reports/manifest.yaml`: which reports the repository keeps, from which inputs and options.
///
/// Paths in the manifest are relative to the folder that holds the reports folder (the
/// repository root), so the same manifest works from any checkout.
public struct ReportManifest: Sendable, Equatable, Codable {
    public var reports: [Entry]

    /// One report folder and how to regenerate it.
    public struct Entry: Sendable, Equatable, Codable {
        /// The folder under the reports folder that holds this report's files.
        public var name: String
        /// Incident sources (status pages, feeds, postmortems).
        public var inputs: [String]?
        public var merge: Bool?
        public var policies: [String]?
        public var referenceDate: String?
        public var zone: String?
        public var affectedAzs: Int?
        public var monthlyBill: Double?
        /// A simulation scenario file, for reports of the recovery model.
        public var scenario: String?
        public var seed: UInt64?
        /// `key=value` overrides for the scenario.
        public var set: [String]?
        /// Seeds to validate the scenario on (`11-30`): the folder then also holds
        /// `<scenario>-validation.md`, every figure scored on those seeds (no leave-one-out).
        public var validateSeeds: String?
    }

    /// Reads `manifest.yaml` in `folder`.
    /// - Throws: `PipelineError.invalidManifest` naming the file and field.
    public static func load(folder: String) throws(PipelineError) -> ReportManifest {
        let path = (folder as NSString).appendingPathComponent("manifest.yaml")
        let text: String
        do {
            text = try UserFile.text(at: path)
        } catch {
            throw .unreadableManifest(file: path, reason: error.reason)
        }
        let yaml = try YAMLDataFile<PipelineError>(yaml: text) { .invalidManifest(file: path, line: $1, field: $0, message: $2) }
        let manifest = try yaml.decode(ReportManifest.self)
        do {
            try manifest.validate(file: path)
        } catch .invalidManifest(let file, nil, let field, let message) {
            throw .invalidManifest(file: file, line: yaml.line(of: field), field: field, message: message)
        } catch {
            throw error
        }
        return manifest
    }

    /// The checks the decoder cannot make: plain, distinct folder names; inputs or a scenario.
    func validate(file path: String) throws(PipelineError) {
        var names: Set<String> = []
        for (index, entry) in reports.enumerated() {
            guard !entry.name.isEmpty, !entry.name.contains("/"), !entry.name.hasPrefix(".") else {
                throw .invalidManifest(file: path, field: "reports[\(index)].name", message: "must be a plain folder name")
            }
            guard names.insert(entry.name).inserted else {
                throw .invalidManifest(file: path, field: "reports[\(index)].name", message: "'\(entry.name)' is listed twice")
            }
            guard (entry.inputs?.isEmpty == false) != (entry.scenario != nil) else {
                throw .invalidManifest(file: path, field: "reports[\(index)]", message: "give either inputs or a scenario")
            }
            guard entry.validateSeeds == nil || entry.scenario != nil else {
                throw .invalidManifest(file: path, field: "reports[\(index)].validateSeeds", message: "only a scenario can be validated")
            }
        }
    }

    /// The report request an entry describes: inputs are read from `root` and keep the
    /// manifest's relative names; policy files are resolved against `root`.
    func request(for entry: Entry, root: String, index: Int, file: String) throws(PipelineError) -> ReportRequest {
        var ingest = IngestOptions()
        if let text = entry.referenceDate {
            guard let date = CivilDate(iso: text) else {
                throw .invalidManifest(file: file, field: "reports[\(index)].referenceDate", message: "must be YYYY-MM-DD")
            }
            ingest.referenceDate = date
        }
        if let zone = entry.zone {
            guard let written = ZoneTable.zone(for: zone) else {
                throw .invalidManifest(file: file, field: "reports[\(index)].zone", message: "unknown zone '\(zone)'")
            }
            ingest.defaultZone = written
        }
        return ReportRequest(
            inputs: entry.inputs ?? [], ingest: ingest, merge: entry.merge ?? false,
            policies: (entry.policies ?? []).map { $0.hasSuffix(".yaml") ? Self.resolve($0, root: root) : $0 },
            credit: .init(affectedZones: entry.affectedAzs, bill: entry.monthlyBill), root: root)
    }

    /// `path` under `root`, unless it is absolute or `root` is the working directory.
    static func resolve(_ path: String, root: String) -> String {
        path.hasPrefix("/") || root == "." ? path : (root as NSString).appendingPathComponent(path)
    }
}
