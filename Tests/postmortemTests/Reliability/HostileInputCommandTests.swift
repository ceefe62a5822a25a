import PostmortemTestSupport
import Foundation
import Testing

@Suite("Hostile inputs on the command line: messages and exit codes", .serialized)
struct HostileInputCommandTests {
    static let hostile = "Fixtures/hostile/"

    @Test("Inputs with no timeline exit 65 with one message naming the file", arguments: [
        ("empty.html", "the file is empty; expected a status page, feed, API dump or postmortem text."),
        ("random-bytes.bin", "not a format postmortem reads (tried: "),
        ("binary-named.html", "not a format postmortem reads (tried: "),
    ])
    func badInput(name: String, message: String) throws {
        let outcome = try CLI.run(["timeline", Self.hostile + name])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("postmortem: \(Self.hostile + name): \(message)"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stdout.isEmpty)
    }

    @Test("A page that is not a status page exits 65 and names the file")
    func notAStatusPage() throws {
        let outcome = try CLI.run(["metrics", Self.hostile + "not-a-status-page.html"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.hasPrefix("postmortem: Fixtures/hostile/not-a-status-page.html: "))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("Unreadable inputs and scenarios exit 66 with the reason", arguments: [
        ("timeline", "Fixtures/hostile", "file: it is a directory, not a file"),
        ("timeline", "Fixtures/hostile/missing.html", "file: no such file"),
        ("timeline", "Fixtures/hostile/empty.html/inside.html", "file: not a directory"),
        ("simulate", "Fixtures/hostile/missing.yaml", "scenario: no such file"),
        ("simulate", "Fixtures/hostile", "scenario: it is a directory"),
        ("simulate", "Fixtures/hostile/random-bytes.bin", "scenario: not readable UTF-8 text"),
    ])
    func unreadable(command: String, path: String, reason: String) throws {
        let outcome = try CLI.run([command, path])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "postmortem: \(path): cannot read the \(reason).\n")
    }

    @Test("A file without read permission exits 66: permission denied")
    func noReadPermission() throws {
        let folder = try CLI.temporaryFolder("noread")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        let file = folder + "/s3.html"
        try FileManager.default.copyItem(atPath: FixturePath.resolve(Self.hostile + "s3-four-updates.html"), toPath: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file)
        let outcome = try CLI.runUnprivileged(["timeline", file])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "postmortem: \(file): cannot read the file: permission denied.\n")
    }

    @Test("Skipped updates: exit 0, one warning line each on stderr, the same in the JSON warnings array")
    func degradable() throws {
        let outcome = try CLI.run(["timeline", Self.hostile + "impossible-times.html", "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == """
            postmortem: warning: Fixtures/hostile/impossible-times.html:12: skipped an update: '25:99 PM PDT' is not a time of day
            postmortem: warning: Fixtures/hostile/impossible-times.html:13: skipped an update: 'February 30th, 10:15 AM PDT' names a day that does not exist
            postmortem: warning: Fixtures/hostile/impossible-times.html:14: skipped an update: unknown time zone 'XYZT' in '11:45 AM XYZT'

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.compactMap { $0["line"] as? Int } == [12, 13, 14])
        #expect(warnings.first?["file"] as? String == "Fixtures/hostile/impossible-times.html")
        let events = try #require((json["incidents"] as? [[String: Any]])?.first?["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["time"] as? String } == ["2008-07-20T16:05:00Z", "2008-07-21T00:00:00Z"])
    }

    @Test("--strict turns the same warnings into exit 65 and no output")
    func strict() throws {
        let outcome = try CLI.run(["timeline", Self.hostile + "impossible-times.html", "--strict"])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasSuffix("""
            postmortem: Fixtures/hostile/impossible-times.html: 3 warning(s) and --strict was given; first: \
            Fixtures/hostile/impossible-times.html:12: skipped an update: '25:99 PM PDT' is not a time of day

            """))
    }

    @Test("Undeclared Windows-1252 bytes: decoded, with a warning on stderr and in the JSON")
    func undeclaredEncoding() throws {
        let outcome = try CLI.run(["timeline", Self.hostile + "undeclared-1252.html", "--format", "json"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == """
            postmortem: warning: Fixtures/hostile/undeclared-1252.html:11: the file declares no charset and byte 490 \
            is not UTF-8; decoded as Windows-1252 (best effort)

            """)
        #expect(outcome.stdout.contains("Customers in Zürich are seeing elevated error rates. We’re investigating."))
        #expect(outcome.stdout.contains("\"warnings\""))
    }

    @Test("Control characters never reach the JSON unescaped")
    func controlCharacters() throws {
        let outcome = try CLI.run(["timeline", Self.hostile + "nul-and-control.html", "--format", "json"])
        #expect(outcome.status == 0)
        #expect(!outcome.stdout.unicodeScalars.contains { $0.value < 32 && $0 != "\n" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let events = try #require((json["incidents"] as? [[String: Any]])?.first?["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["text"] as? String }.last == "Recovered.")
    }

    @Test("Data files with wrong types or none at all (an empty manifest was a fuzz finding): exit 65 naming the file and the field", arguments: [
        (["credits", "Fixtures/hostile/s3-four-updates.html", "--policy", "Fixtures/hostile/policy-wrong-types.yaml"],
         "postmortem: Fixtures/hostile/policy-wrong-types.yaml:14: policy field 'commitment': has the wrong type (expected Double)\n"),
        (["credits", "Fixtures/hostile/s3-four-updates.html", "--policy", "Fixtures/hostile/policy-tiers-not-a-list.yaml"],
         "postmortem: Fixtures/hostile/policy-tiers-not-a-list.yaml:15: policy field 'tiers': has the wrong type (expected Sequence)\n"),
        (["check", "Fixtures/hostile/manifest-wrong-types"],
         "postmortem: Fixtures/hostile/manifest-wrong-types/manifest.yaml:4: manifest field 'reports[0].inputs': has the wrong type (expected Sequence)\n"),
        (["simulate", "Fixtures/hostile/scenario-wrong-types.yaml"],
         "postmortem: Fixtures/hostile/scenario-wrong-types.yaml:14: invalid value for 'cluster.volumes': 'a hundred thousand' is not a whole number.\n"),
        (["simulate", "Fixtures/hostile/scenario-list-for-number.yaml"],
         "postmortem: Fixtures/hostile/scenario-list-for-number.yaml:12: invalid value for 'simulation.sampleMinutes': lists are only allowed under 'figures'.\n"),
        (["check", "Fixtures/hostile/manifest-empty"],
         "postmortem: Fixtures/hostile/manifest-empty/manifest.yaml: manifest field '(document)': the file holds no YAML document (it is empty)\n"),
        (["simulate", "Fixtures/hostile/empty.yaml"], "postmortem: Fixtures/hostile/empty.yaml: not a scenario: the top level must be a mapping.\n"),
        (["credits", "Fixtures/hostile/s3-four-updates.html", "--policy", "Fixtures/hostile/empty.yaml"],
         "postmortem: Fixtures/hostile/empty.yaml: policy field '(document)': the file holds no YAML document (it is empty)\n"),
        (["simulate", "Fixtures/hostile/scenario-not-a-mapping.yaml"],
         "postmortem: Fixtures/hostile/scenario-not-a-mapping.yaml: not a scenario: the top level must be a mapping.\n"),
    ])
    func wrongTypes(arguments: [String], stderr: String) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 65)
        #expect(outcome.stderr == stderr)
        #expect(outcome.stdout.isEmpty)
    }

    @Test("A policy file that is not YAML: exit 65 naming the file")
    func policyNotYAML() throws {
        let outcome = try CLI.run(["credits", "Fixtures/hostile/s3-four-updates.html", "--policy", "Fixtures/hostile/policy-not-yaml.yaml"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr == "postmortem: Fixtures/hostile/policy-not-yaml.yaml:2: policy field '(document)': not valid YAML: while parsing a flow sequence (line 1): did not find expected ',' or ']'\n")
    }

    @Test("An unknown option is a usage error, exit 64")
    func unknownOption() throws {
        let outcome = try CLI.run(["timeline", "--bogus"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("Error: Unknown option '--bogus'"))
    }
}
