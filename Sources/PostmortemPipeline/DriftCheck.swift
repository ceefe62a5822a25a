import Foundation
import PostmortemReports

/// Compares the reports kept in a folder with what the tool generates now, byte for byte.
public struct DriftCheck: Sendable {
    /// One report's verdict.
    public struct Result: Sendable, Equatable {
        public var name: String
        /// Files that differ, are missing, or are no longer generated, each with a unified diff.
        public var drifted: [FileDrift]
        /// Why the report could not be regenerated at all.
        public var failure: String?

        public var passed: Bool { drifted.isEmpty && failure == nil }
    }

    public struct FileDrift: Sendable, Equatable {
        public var path: String
        public var diff: String
    }

    public var results: [Result]

    /// Regenerates every report in the manifest and compares.
    public init(folder: String) throws(PipelineError) {
        var results: [Result] = []
        for outcome in try ReportRegeneration.render(folder: folder) {
            if let failure = outcome.failure {
                results.append(Result(name: outcome.name, drifted: [], failure: failure))
                continue
            }
            let target = (folder as NSString).appendingPathComponent(outcome.name)
            var drifted: [FileDrift] = []
            for file in outcome.files {
                let path = (target as NSString).appendingPathComponent(file.name)
                // A missing file is drift against nothing; a file that is there but cannot be
                // read is drift too, and says why, rather than passing as "missing".
                var kept = ""
                if FileManager.default.fileExists(atPath: path) {
                    let bytes: Data
                    do {
                        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                    } catch {
                        drifted.append(FileDrift(path: path, diff: "cannot be read (\(OutputFile.reason(error))); it must be readable UTF-8 text\n"))
                        continue
                    }
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        drifted.append(FileDrift(path: path, diff: "cannot be read (the file is not valid UTF-8); it must be readable UTF-8 text\n"))
                        continue
                    }
                    kept = text
                }
                if kept != file.contents || !FileManager.default.fileExists(atPath: path) {
                    drifted.append(FileDrift(path: path, diff: UnifiedDiff.render(old: kept, new: file.contents, oldName: path, newName: "\(path) (regenerated)")))
                }
            }
            let produced = Set(outcome.files.map(\.name))
            var present: [String] = []
            if FileManager.default.fileExists(atPath: target) {
                do {
                    present = try FileManager.default.contentsOfDirectory(atPath: target)
                } catch {
                    results.append(Result(name: outcome.name, drifted: drifted, failure: "\(target): cannot list the folder: \(OutputFile.reason(error))"))
                    continue
                }
            }
            for name in present.sorted() where !produced.contains(name) {
                drifted.append(FileDrift(path: (target as NSString).appendingPathComponent(name), diff: "no longer generated; remove it or run `postmortem report --update`\n"))
            }
            results.append(Result(name: outcome.name, drifted: drifted, failure: nil))
        }
        self.results = results
    }

    public var passed: Bool { results.allSatisfy(\.passed) }

    /// A JUnit XML document with one test case per report.
    public func junit(suiteName: String = "postmortem reports") -> String {
        let failures = results.filter { !$0.passed }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(results.count)\" failures=\"\(failures)\">\n"
        out += "  <testsuite name=\"\(XMLText.escape(suiteName))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for result in results {
            out += "    <testcase classname=\"reports\" name=\"\(XMLText.escape(result.name))\""
            if result.passed {
                out += "/>\n"
                continue
            }
            out += ">\n"
            let message = result.failure ?? "\(result.drifted.count) file(s) drifted: " + result.drifted.map(\.path).joined(separator: ", ")
            let body = result.failure ?? result.drifted.map(\.diff).joined(separator: "\n")
            out += "      <failure message=\"\(XMLText.escape(message))\">\(XMLText.escape(body))</failure>\n"
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
