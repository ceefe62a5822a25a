import Foundation
import Testing

/// `report --output-dir` writes each file to a temporary name and renames it into place.
@Suite("Writing reports: atomic replacement and clear failures", .serialized)
struct OutputWriteTests {
    static let stem = "2008-07-20-amazon-simple-storage-service-us-event-july-20-2008"
    static let fourUpdates = "Fixtures/hostile/s3-four-updates.html"
    static let threeUpdates = "Fixtures/hostile/truncated-mid-update.html"

    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func contents(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try listing(folder) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    /// A fresh folder holding the report for `input`, and its files' bytes.
    static func reported(_ input: String, label: String) throws -> (folder: String, files: [String: Data]) {
        let folder = try CLI.temporaryFolder(label)
        #expect(try CLI.run(["report", input, "--output-dir", folder]).status == 0)
        return (folder, try contents(folder))
    }

    @Test("Rewriting a report replaces each file by rename: a hard link keeps the old bytes")
    func replacedByRename() throws {
        let folder = try CLI.temporaryFolder("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CLI.run(["report", Self.fourUpdates, "--output-dir", folder]).status == 0)
        let csv = folder + "/\(Self.stem)-timeline.csv"
        let link = folder + "/../\(URL(fileURLWithPath: folder).lastPathComponent)-old-timeline.csv"
        defer { try? FileManager.default.removeItem(atPath: link) }
        try FileManager.default.linkItem(atPath: csv, toPath: link)
        let before = try Self.listing(folder)
        #expect(before.count == 7)

        let outcome = try CLI.run(["report", Self.threeUpdates, "--output-dir", folder])
        #expect(outcome.status == 0)
        #expect(try Self.listing(folder) == before)
        let old = try String(contentsOfFile: link, encoding: .utf8)
        let new = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(old.components(separatedBy: "\r\n").count == 6)
        #expect(new.components(separatedBy: "\r\n").count == 5)
        #expect(old.contains("Amazon S3 service has been restored and is returning to normal."))
        #expect(!new.contains("Amazon S3 service has been restored"))
    }

    @Test("A run that fails on its input leaves the earlier report byte for byte")
    func failedRunKeepsReport() throws {
        let (folder, before) = try Self.reported(Self.fourUpdates, label: "keep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["report", Self.fourUpdates, "Fixtures/hostile/random-bytes.bin", "--output-dir", folder])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("postmortem: Fixtures/hostile/random-bytes.bin: not a format postmortem reads"))
        #expect(try Self.contents(folder) == before)
    }

    @Test("A folder that cannot be written: exit 73 naming the file, the earlier report intact, no temporary files")
    func readOnlyFolder() throws {
        let (folder, before) = try Self.reported(Self.threeUpdates, label: "readonly")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        let outcome = try CLI.runUnprivileged(["report", Self.fourUpdates, "--output-dir", folder], inputs: [Self.fourUpdates])
        #expect(outcome.status == 73)
        #expect(outcome.stderr == "postmortem: \(folder)/\(Self.stem).md: cannot write: permission denied\n")
        #expect(try Self.contents(folder) == before)
    }

    @Test("A failure on the fourth of seven files: exit 73 naming it, all seven earlier files intact, no partial files")
    func failureMidSet() throws {
        let (folder, before) = try Self.reported(Self.threeUpdates, label: "midset")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let blocker = folder + "/.\(Self.stem)-metrics.csv.partial"
        try FileManager.default.createDirectory(atPath: blocker + "/held", withIntermediateDirectories: true)
        let outcome = try CLI.run(["report", Self.fourUpdates, "--output-dir", folder])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.hasPrefix("postmortem: \(folder)/\(Self.stem)-metrics.csv: cannot write: "))
        try FileManager.default.removeItem(atPath: blocker)
        #expect(try Self.contents(folder) == before)
        #expect(try Self.listing(folder).count == 7)
    }

    @Test("An output folder that cannot be created: exit 73 naming it and why", arguments: [
        ("Fixtures/hostile/empty.html", "Fixtures/hostile/empty.html: cannot create the output folder: a file with that name exists"),
        ("Fixtures/hostile/empty.html/reports",
         "Fixtures/hostile/empty.html/reports: cannot create the output folder: Fixtures/hostile/empty.html is a file, not a folder"),
    ])
    func folderCannotBeCreated(folder: String, message: String) throws {
        let outcome = try CLI.run(["report", Self.fourUpdates, "--output-dir", folder])
        #expect(outcome.status == 73)
        #expect(outcome.stderr == "postmortem: \(message)\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("A parent folder without write permission: exit 73, permission denied")
    func parentNotWritable() throws {
        let parent = try CLI.temporaryFolder("noparent")
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent)
        let outcome = try CLI.runUnprivileged(["report", Self.fourUpdates, "--output-dir", parent + "/reports"], inputs: [Self.fourUpdates])
        #expect(outcome.status == 73)
        #expect(outcome.stderr == "postmortem: \(parent)/reports: cannot create the output folder: permission denied\n")
        #expect(!FileManager.default.fileExists(atPath: parent + "/reports"))
    }

    @Test("An executable installed without its resource bundle: exit 66 naming the bundle, no crash")
    func missingResourceBundle() throws {
        let stage = try CLI.stagedCopy(withBundles: false)
        defer { try? FileManager.default.removeItem(atPath: stage.folder) }
        let bundle = stage.folder + "/postmortem_PostmortemMetrics.resources/Policies"
        let message = "postmortem: \(bundle): cannot read the SLA policies shipped with postmortem (no such folder); "
            + "install the executable together with its resource bundle\n"
        let listing = try CLI.run(["credits", "--list-policies"], binary: stage.binary)
        #expect(listing.status == 66)
        #expect(listing.stderr == message)
        let report = try CLI.run(["report", Self.fourUpdates, "--output-dir", stage.folder + "/out"], binary: stage.binary)
        #expect(report.status == 66)
        #expect(report.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: stage.folder + "/out"))
    }
}
