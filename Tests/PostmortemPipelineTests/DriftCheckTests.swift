import PostmortemTestSupport
import Foundation
import Synchronization
import Testing

@testable import PostmortemPipeline

@Suite("Reports kept in a repository, checked for drift", .serialized)
struct DriftCheckTests {
    /// A throwaway repository: the S3 fixture and a manifest, in a temporary folder.
    static func repository(input: String = "s3.html") throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pm-repo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Fixtures", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Reports", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html"), toPath: root + "/Fixtures/" + input)
        try """
            reports:
              - name: s3
                inputs: [Fixtures/\(input)]
                policies: [s3-2008]
            """.write(toFile: root + "/Reports/manifest.yaml", atomically: true, encoding: .utf8)
        return root
    }

    @Test("Two repositories regenerated at once each read their own inputs; the working directory is left alone")
    func concurrentRepositories() throws {
        let first = try Self.repository(input: "first.html")
        let second = try Self.repository(input: "second.html")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let before = FileManager.default.currentDirectoryPath
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let root = index.isMultiple(of: 2) ? first : second
            do {
                for outcome in try ReportRegeneration.render(folder: root + "/Reports") where outcome.failure != nil {
                    failures.withLock { $0.append(outcome.failure ?? "") }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(FileManager.default.currentDirectoryPath == before)
    }

    @Test("After --update the check passes; editing a report makes it fail with a diff")
    func updateThenDrift() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcomes = try ReportRegeneration.update(folder: root + "/Reports")
        #expect(outcomes.map(\.name) == ["s3"])
        // Markdown, JSON, four CSV files, the phase and window charts, the page and the folder's index.
        #expect(outcomes[0].files.count == 10)
        #expect(try DriftCheck(folder: root + "/Reports").passed)

        let markdown = root + "/Reports/s3/2008-07-20-amazon-simple-storage-service-us-event-july-20-2008.md"
        var text = try String(contentsOfFile: markdown, encoding: .utf8)
        text = text.replacingOccurrences(of: "98.936%", with: "99.936%")
        try text.write(toFile: markdown, atomically: true, encoding: .utf8)
        let check = try DriftCheck(folder: root + "/Reports")
        #expect(!check.passed)
        let drift = try #require(check.results.first?.drifted.first)
        #expect(drift.path == markdown)
        #expect(drift.diff.contains("-- **Monthly uptime:** 99.936% (commitment 99.9%)"))
        #expect(drift.diff.contains("+- **Monthly uptime:** 98.936% (commitment 99.9%)"))
        #expect(check.junit().contains("<testcase classname=\"reports\" name=\"s3\">"))
        #expect(check.junit().contains("failures=\"1\""))
    }

    @Test("A file no longer generated is drift too")
    func staleFile() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try ReportRegeneration.update(folder: root + "/Reports")
        try "old".write(toFile: root + "/Reports/s3/old.csv", atomically: true, encoding: .utf8)
        let check = try DriftCheck(folder: root + "/Reports")
        #expect(check.results.first?.drifted.map(\.path) == [root + "/Reports/s3/old.csv"])
    }

    @Test("Reports hold the input paths as the manifest gives them, not machine paths")
    func relativePaths() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcomes = try ReportRegeneration.render(folder: root + "/Reports")
        for file in outcomes[0].files {
            #expect(!file.contents.contains(root))
        }
        #expect(outcomes[0].files[0].contents.contains("`Fixtures/s3.html`"))
    }

    @Test("A kept report that is not UTF-8 is drift that says it cannot be read, not a missing file")
    func unreadableKeptFile() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try ReportRegeneration.update(folder: root + "/Reports")
        let markdown = root + "/Reports/s3/2008-07-20-amazon-simple-storage-service-us-event-july-20-2008.md"
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: markdown))
        let check = try DriftCheck(folder: root + "/Reports")
        let drift = try #require(check.results.first?.drifted)
        #expect(drift.map(\.path) == [markdown])
        #expect(drift.first?.diff == "cannot be read (the file is not valid UTF-8); it must be readable UTF-8 text\n")
    }

    @Test("A report folder that is a file is a failure naming it, not a silent empty listing")
    func reportFolderIsAFile() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "not a folder".write(toFile: root + "/Reports/s3", atomically: true, encoding: .utf8)
        let check = try DriftCheck(folder: root + "/Reports")
        let result = try #require(check.results.first)
        #expect(result.failure?.hasPrefix(root + "/Reports/s3: cannot list the folder: ") == true)
        #expect(result.drifted.count == 10)  // every file the report generates, the HTML page and index included
        #expect(!check.passed)
    }

    @Test("A malformed manifest names the field")
    func badManifest() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "reports:\n  - name: s3\n    inputs: Fixtures/s3.html\n".write(toFile: root + "/Reports/manifest.yaml", atomically: true, encoding: .utf8)
        #expect(throws: PipelineError.self) { try DriftCheck(folder: root + "/Reports") }
        do {
            _ = try DriftCheck(folder: root + "/Reports")
        } catch {
            #expect(error.description.contains("reports[0].inputs"))
        }
    }

    @Test("A scenario entry with validateSeeds also keeps the validation on those seeds")
    func validationInReport() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(
            atPath: FixturePath.resolve("Fixtures/scenarios/s3-2008-gossip.yaml"), toPath: root + "/Fixtures/gossip.yaml")
        try """
            reports:
              - name: gossip
                scenario: Fixtures/gossip.yaml
                set: [spread.runs=1]
                validateSeeds: 11-12
            """.write(toFile: root + "/Reports/manifest.yaml", atomically: true, encoding: .utf8)
        let outcomes = try ReportRegeneration.render(folder: root + "/Reports")
        let outcome = try #require(outcomes.first)
        #expect(outcome.failure == nil)
        let validation = try #require(outcome.files.first { $0.name == "s3-2008-gossip-validation.md" })
        #expect(validation.contents.hasPrefix("# Validation: s3-2008-gossip on seeds 11, 12\n"))
        #expect(validation.contents.contains("calibration never saw them"))
        #expect(validation.contents.contains("| incident.us.restoredMinutes | predicted | "))
        // Only a scenario can be validated.
        try "reports:\n  - name: s3\n    inputs: [Fixtures/s3.html]\n    validateSeeds: 11-30\n"
            .write(toFile: root + "/Reports/manifest.yaml", atomically: true, encoding: .utf8)
        #expect(throws: PipelineError.invalidManifest(file: root + "/Reports/manifest.yaml", line: 4, field: "reports[0].validateSeeds",
                                                      message: "only a scenario can be validated")) {
            try ReportRegeneration.render(folder: root + "/Reports")
        }
    }

    @Test("Unified diff marks removed and added lines with context")
    func unifiedDiff() {
        let diff = UnifiedDiff.render(old: "a\nb\nc\nd\n", new: "a\nB\nc\nd\n", oldName: "x", newName: "y")
        #expect(diff == "--- x\n+++ y\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n \n")
    }
}
