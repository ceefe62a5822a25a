import PostmortemTestSupport
import Foundation
import Testing

/// Runs the built `postmortem` executable as a user would.
enum CLI {
    static let executable: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = here
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("postmortem").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return FixturePath.resolve(".build/debug/postmortem")
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `launcher` is a program and its arguments that run the executable (e.g. `setpriv ...`);
    /// `binary` and `directory` replace the built executable and the package root as working folder.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], launcher: [String] = [],
        binary: String? = nil, directory: String? = nil
    ) throws -> Outcome {
        let program = binary ?? executable
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? program)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [program] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? FixturePath.packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // A freshly copied executable (a staged copy) can be "text file busy" for a moment: a
        // process another test forks at the same time inherits the copy's open write handle until
        // it execs. The kernel refuses the exec then; a short wait and another try is all it needs.
        var attempt = 0
        while true {
            do {
                try process.run()
                break
            } catch let error as NSError where attempt < 20 && Self.isTextFileBusy(error) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// ETXTBSY (26), as Foundation reports a refused exec.
    static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return (error.domain == NSPOSIXErrorDomain && error.code == 26) || (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == 26)
    }
}

@Suite("The postmortem command line", .serialized)
struct CommandLineTests {
    static let s3 = "Fixtures/status-pages/aws-s3-2008-07-20.html"

    @Test("--merge of the S3 page and the EBS postmortem: exit 65 saying why; --force merges with warnings")
    func mergeRefused() throws {
        let inputs = [Self.s3, "Fixtures/postmortems/aws-ebs-2011-04-21.txt"]
        let refused = try CLI.run(["metrics"] + inputs + ["--merge"])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("postmortem: \(Self.s3): refusing to --merge inputs that are not one incident: "))
        #expect(refused.stderr.contains("1003 days apart"))
        #expect(refused.stdout.isEmpty)
        let forced = try CLI.run(["metrics"] + inputs + ["--merge", "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("postmortem: warning: \(Self.s3): merged with --force although "))
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let outcome = try CLI.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "0.1.0\n")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("timeline --format json: 24 events in time order, in UTC")
    func timelineJSON() throws {
        let outcome = try CLI.run(["timeline", Self.s3, "--format", "json"])
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        let events = try #require(incidents.first?["events"] as? [[String: Any]])
        #expect(events.count == 24)
        #expect(events.first?["time"] as? String == "2008-07-20T16:05:00Z")
        #expect(events.last?["time"] as? String == "2008-07-22T02:19:00Z")
        #expect(events.first?["source"] as? String == "Fixtures/status-pages/aws-s3-2008-07-20.html:14")
        #expect(incidents.first?["title"] as? String == "Amazon Simple Storage Service (US) Event: July 20, 2008")
    }

    @Test("metrics --format json: start, end and 475 minutes")
    func metricsJSON() throws {
        let outcome = try CLI.run(["metrics", Self.s3, "--format", "json"])
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let incident = try #require((json["incidents"] as? [[String: Any]])?.first)
        #expect(incident["start"] as? String == "2008-07-20T16:05:00Z")
        #expect(incident["end"] as? String == "2008-07-21T00:00:00Z")
        #expect(incident["durationMinutes"] as? Int == 475)
    }

    @Test("credits --policy s3-2008: 98.936% and 25%")
    func creditsJSON() throws {
        let outcome = try CLI.run(["credits", Self.s3, "--policy", "s3-2008", "--format", "json"])
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let credit = try #require((json["incidents"] as? [[String: Any]])?.first)
        #expect(credit["policy"] as? String == "s3-2008")
        #expect(credit["monthlyUptimePercent"] as? Double == 98.936)
        #expect(credit["creditPercent"] as? Double == 25)
    }

    @Test("report without --policy applies the policy in force and shows 25%")
    func report() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try CLI.run(["report", Self.s3, "--output-dir", folder])
        #expect(outcome.status == 0)
        let stem = "2008-07-20-amazon-simple-storage-service-us-event-july-20-2008"
        let markdown = try String(contentsOfFile: folder + "/\(stem).md", encoding: .utf8)
        #expect(markdown.contains("7h 55m (475 minutes)"))
        #expect(markdown.contains("**Monthly uptime:** 98.936%"))
        #expect(markdown.contains("**Contractual credit:** 25% of the bill"))
        let csv = try String(contentsOfFile: folder + "/\(stem)-timeline.csv", encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").count == 26)
    }

    @Test("A missing input: message naming it, exit 66, no report folder")
    func missingInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-missing-\(UUID().uuidString)").path
        let outcome = try CLI.run(["report", "Fixtures/nope.html", "--output-dir", folder])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "postmortem: Fixtures/nope.html: cannot read the file: no such file.\n")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("An input with no timeline: exit 65 and what was expected")
    func noTimeline() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("<html><body><p>Nothing to see</p></body></html>".utf8).write(to: URL(fileURLWithPath: file))
        let outcome = try CLI.run(["timeline", file])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("postmortem: \(file): "))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("A bad option value is a usage error, exit 64")
    func usage() throws {
        let outcome = try CLI.run(["timeline", Self.s3, "--reference-date", "2011-02-30"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--reference-date '2011-02-30' is not a date"))
    }

    @Test("Under GitHub Actions an input error is also an annotation")
    func annotation() throws {
        let outcome = try CLI.run(["timeline", "Fixtures/nope.html"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(outcome.stdout.contains("::error file=Fixtures/nope.html::"))
    }
}
