import Foundation
import PostmortemTestSupport
import Testing

/// Every command given what a newcomer gives it by mistake: each case is one clear message naming
/// the file and the place, the exit code for its kind, and no output, on stdout or on disk.
@Suite("Bad input for every command: one clear message, its exit code, no partial output", .serialized)
struct BadInputMatrixTests {
    /// Files made for these cases (never copies of real captures): written once into a fresh folder.
    static let scratch: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-badinput-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder + "/a-folder", withIntermediateDirectories: true)
        let files: [String: [UInt8]] = [
            "empty.json": [],
            // A Statuspage API dump cut off a few bytes in, before any key a reader recognises.
            "cut.json": Array(#"{"incidents": [{"id": "x1", "name": "Login fail"#.utf8),
            // A policy with a misspelt optional key: without the check it was dropped in silence.
            "policy-typo.yaml": Array(((try? String(contentsOfFile: FixturePath.resolve("Fixtures/credits/example-terms-block.yaml"), encoding: .utf8)) ?? "")
                .utf8) + Array("regoins: [eu-west-1]\n".utf8),
            "profile-typo.yaml": Array("id: mine\nname: Mine\nreference: here\nstatuses: {major_outage: 100}\nmaintenance: counted\nmaintenence: excluded\n".utf8),
            // The benchmark's answer table given to `timeline`, once by its name and once renamed.
            "answers.tsv": Array("file\tstart_utc\tend_utc\nx.md\t2020-06-29T21:14Z\t2020-06-29T22:00Z\n".utf8),
            "answers.txt": Array("file\tstart_utc\tend_utc\nx.md\t2020-06-29T21:14Z\t2020-06-29T22:00Z\ny.md\t2021-01-02T03:04Z\t2021-01-02T05:00Z\n".utf8),
            "bill-typo.csv": Array("period,service,region,amount,currncy\n2008-07,Amazon S3,,100.00,USD\n".utf8),
        ]
        for (name, bytes) in files { FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)) }
        return folder
    }()

    static let s3 = "Fixtures/hostile/s3-four-updates.html"
    static let gossip = "Fixtures/scenarios/s3-2008-gossip.yaml"

    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        /// The whole of stderr, `$S` standing for the scratch folder.
        var stderr: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        // Inputs that are not there, or not files.
        Case(arguments: ["metrics", "$S/missing.html"], status: 66, stderr: "postmortem: $S/missing.html: cannot read the file: no such file.\n"),
        Case(arguments: ["credits", "$S/a-folder"], status: 66, stderr: "postmortem: $S/a-folder: cannot read the file: it is a directory, not a file.\n"),
        Case(arguments: ["uptime", "$S/empty.json"], status: 65,
             stderr: "postmortem: $S/empty.json: the file is empty; expected a status page, feed, API dump or postmortem text.\n"),
        // A table where incident material was expected: read as prose it became a made-up incident.
        Case(arguments: ["timeline", "$S/answers.tsv"], status: 65,
             stderr: "postmortem: $S/answers.tsv:1: a tab-separated table (by its name), not a status page or postmortem\n"),
        Case(arguments: ["metrics", "$S/answers.txt"], status: 65,
             stderr: "postmortem: $S/answers.txt:1: a tab-separated table (3 columns on each of its first 3 lines), not a status page or postmortem\n"),
        // A JSON download cut short is named as such, with its line, not as "not a format".
        Case(arguments: ["timeline", "$S/cut.json"], status: 65, stderr: "postmortem: $S/cut.json:1: not valid JSON: the file ends inside a value (truncated?)\n"),
        Case(arguments: ["metrics", "Fixtures/hostile/statuspage-json-truncated.json"], status: 65,
             stderr: "postmortem: Fixtures/hostile/statuspage-json-truncated.json:77: not valid JSON: the file ends inside a value (truncated?)\n"),
        // Data files: a key the format does not have, at its line, with the key it was meant to be.
        Case(arguments: ["credits", s3, "--policy", "$S/policy-typo.yaml"], status: 65,
             stderr: "postmortem: $S/policy-typo.yaml:17: policy field 'regoins': is not a key of this file (did you mean 'regions'?)\n"),
        Case(arguments: ["uptime", "Fixtures/credits/statuspage-2024-03-components.json", "--profile", "$S/profile-typo.yaml"], status: 65,
             stderr: "postmortem: $S/profile-typo.yaml:6: profile field 'maintenence': is not a key of this file (did you mean 'maintenance'?)\n"),
        Case(arguments: ["credits", "Fixtures/credits/s3-2008-four-outages.json", "--bill", "$S/bill-typo.csv"], status: 65,
             stderr: "postmortem: $S/bill-typo.csv:1: bill: the header's column 'currncy' is not a bill column (columns: period, service, region, amount, currency)\n"),
        Case(arguments: ["credits", s3, "--policy", "$S/a-folder"], status: 66, stderr: "postmortem: $S/a-folder: cannot read the file: it is a directory, not a file.\n"),
        Case(arguments: ["credits", "Fixtures/credits/s3-2008-four-outages.json", "--bill", "$S/missing.csv"], status: 66,
             stderr: "postmortem: $S/missing.csv: cannot read the file: no such file.\n"),
        Case(arguments: ["check", "$S/a-folder"], status: 66,
             stderr: "postmortem: $S/a-folder/manifest.yaml: cannot read the reports manifest: no such file.\n"),
        Case(arguments: ["merge", "$S/part-1.json", "$S/part-2.json"], status: 66, stderr: "postmortem: $S/part-1.json: cannot read the file: no such file.\n"),
        Case(arguments: ["merge", "$S/a-folder"], status: 66, stderr: "postmortem: $S/a-folder: cannot read the file: it is a directory, not a file.\n"),
        // Scenarios: an unknown --set key, seeds that run backwards, a --param without '='.
        Case(arguments: ["simulate", gossip, "--set", "gossip.fanin=2"], status: 65, stderr: "postmortem: \(gossip): unknown key 'gossip.fanin'.\n"),
        Case(arguments: ["sweep", gossip, "--param", "gossip.fanout=1", "--seeds", "5-1"], status: 65,
             stderr: "postmortem: \(gossip): invalid value for '--seeds': '5-1' runs backwards; write the lower seed first (1-5).\n"),
        Case(arguments: ["validate", gossip, "--seeds", "11,,12"], status: 65,
             stderr: "postmortem: \(gossip): invalid value for '--seeds': '11,,12' is not a seed list such as 1-20 or 1,7.\n"),
        Case(arguments: ["sweep", gossip, "--param", "fanout"], status: 65, stderr: "postmortem: \(gossip): invalid value for 'fanout': --param expects key=value.\n"),
        // Output that cannot be written: a file where the folder should be.
        Case(arguments: ["report", s3, "--output-dir", "$S/empty.json"], status: 73,
             stderr: "postmortem: $S/empty.json: cannot create the output folder: a file with that name exists\n"),
        Case(arguments: ["corpus", "Fixtures/archive/tarn-history", "--output-dir", "$S/empty.json/sub", "--quiet"], status: 73,
             stderr: "postmortem: $S/empty.json/sub: cannot create the output folder: $S/empty.json is a file, not a folder\n"),
        // Stores: none there, or not a store.
        Case(arguments: ["archive", "list", "--db", "$S/none.sqlite"], status: 66,
             stderr: "postmortem: $S/none.sqlite: no archive store here; create one with `postmortem archive add --db $S/none.sqlite INPUT...`.\n"),
        Case(arguments: ["archive", "export", "--db", "$S/cut.json"], status: 65,
             stderr: "postmortem: $S/cut.json: not a postmortem archive store (the file is not an SQLite database).\n"),
    ]

    @Test("Each mistake: its exit code, its one message, nothing on stdout and no new file", arguments: cases)
    func badInput(_ bad: Case) throws {
        let folder = Self.scratch
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
        let outcome = try CLI.run(bad.arguments.map { $0.replacingOccurrences(of: "$S", with: folder) })
        #expect(outcome.status == bad.status)
        #expect(outcome.stderr == bad.stderr.replacingOccurrences(of: "$S", with: folder))
        #expect(outcome.stdout.isEmpty)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder).sorted() == before)
    }

    @Test("corpus: what a reader skips inside a file it read is a warning too (it was dropped in silence), beside the files skipped whole")
    func corpusWarnings() throws {
        let folder = try CLI.temporaryFolder("corpuswarn")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FixturePath.resolve("Fixtures/status-pages/gcp-incidents.json"), toPath: folder + "/in/gcp.json")
        FileManager.default.createFile(atPath: folder + "/in/empty.json", contents: Data())
        let outcome = try CLI.run(["corpus", folder + "/in", "--output-dir", folder + "/out", "--quiet"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == """
            postmortem: warning: \(folder)/in/gcp.json@2198: skipped update 2 of 'BigQuery queries failing in us-central1': '2023-02-30T00:10:00+00:00' is not an ISO 8601 time
            postmortem: skipped: \(folder)/in/empty.json: the file is empty; expected a status page, feed, API dump or postmortem text.

            """)
    }

    @Test("uptime: a --published figure for a component or month the inputs lack is a warning (it was ignored in silence)")
    func publishedWithoutComponent() throws {
        let outcome = try CLI.run(["uptime", "Fixtures/credits/statuspage-2024-03-components.json", "--published", "Search=99.9",
                                   "--published", "API@2023-01=99.9", "--published", "API=99.928", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == """
            postmortem: warning: --published: 'Search=99.9' matches no component and month of the inputs (components: API, Dashboard); not compared
            postmortem: warning: --published: 'API@2023-01=99.9' matches no component and month of the inputs (components: API, Dashboard); not compared

            """)
        // The figure that does match is compared as before: API's 99.928% is the computed one.
        let rows = outcome.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows.first { $0.hasPrefix("API,") }?.hasPrefix("API,2024-03,statuspage,44640,32,99.928,99.928,0.000,") == true)
    }

    @Test("A read-only store: adding is exit 73 saying so and leaves it as it was; reading works, and a read-only folder is named")
    func readOnlyStore() throws {
        let folder = try CLI.temporaryFolder("rostore")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/tarn.sqlite"
        let captures = ["tarn_history_2024-03-01T0400Z.atom", "tarn_history_2024-03-02T0400Z.atom"].map { "Fixtures/archive/tarn-history/" + $0 }
        #expect(try CLI.run(["archive", "add", "--db", db, captures[0], "--quiet"]).status == 0)
        let listed = try CLI.run(["archive", "list", "--db", db])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let add = try CLI.runUnprivileged(["archive", "add", "--db", db, captures[1], "--quiet"], inputs: [captures[1]])
        #expect(add.status == 73)
        #expect(add.stderr == "postmortem: \(db): storing \(captures[1]) failed: the store file is read-only (attempt to write a readonly database).\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
        let list = try CLI.runUnprivileged(["archive", "list", "--db", db])
        #expect(list.status == 0)
        #expect(list.stdout == listed.stdout)
        // In a folder it cannot write, SQLite cannot make the files it reads a WAL store with.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != "tarn.sqlite" {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let locked = try CLI.runUnprivileged(["archive", "list", "--db", db])
        #expect(locked.status == 73)
        #expect(locked.stderr == "postmortem: \(db): opening the store failed: its folder is not writable, and SQLite writes the store's -wal and -shm files beside it even to read; copy the store to a writable folder.\n")
        #expect(locked.stdout.isEmpty)
    }
}
