import Foundation
import PostmortemTestSupport
import Testing

@Suite("postmortem archive: add, export, list, stats, merge", .serialized)
struct ArchiveCommandTests {
    /// Three daily captures of an invented provider's history feed (`Fixtures/archive/tarn-history`).
    static let series = ["01", "02", "03"].map { "Fixtures/archive/tarn-history/tarn_history_2024-03-\($0)T0400Z.atom" }

    static func folder() throws -> (path: String, cleanup: () -> Void) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pm-archive-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return (path, { try? FileManager.default.removeItem(atPath: path) })
    }

    static func export(_ db: String, format: String = "json") throws -> CLI.Outcome {
        try CLI.run(["archive", "export", "--db", db, "--format", format])
    }

    @Test("The export is what `timeline` prints for the captures in capture order, however they were added")
    func exportMatchesTimeline() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let timeline = try CLI.run(["timeline"] + Self.series + ["--format", "json"])
        #expect(timeline.status == 0)
        let forward = try CLI.run(["archive", "add", "--db", dir + "/a.sqlite"] + Self.series)
        #expect(forward.status == 0)
        #expect(forward.stderr.contains("added 3 capture(s)"))
        // stderr is a pipe here, not a terminal: no progress line.
        #expect(!forward.stderr.contains("\r"))
        #expect(!forward.stderr.contains("files,"))
        for capture in Self.series.reversed() {
            #expect(try CLI.run(["archive", "add", "--db", dir + "/b.sqlite", capture]).status == 0)
        }
        let a = try Self.export(dir + "/a.sqlite")
        let b = try Self.export(dir + "/b.sqlite")
        #expect(a.status == 0)
        #expect(a.stdout == timeline.stdout)
        #expect(b.stdout == a.stdout)
        let csv = try Self.export(dir + "/b.sqlite", format: "csv")
        #expect(csv.stdout == (try CLI.run(["timeline"] + Self.series + ["--format", "csv"])).stdout)
        // Adding everything again stores nothing and exports the same bytes.
        let again = try CLI.run(["archive", "add", "--db", dir + "/a.sqlite"] + Self.series.reversed())
        #expect(again.status == 0)
        #expect(again.stderr.contains("added 0 capture(s) (0 incident snapshot(s)); 3 already stored"))
        #expect(try Self.export(dir + "/a.sqlite").stdout == a.stdout)
    }

    @Test("archive list: one line per merged incident, with the filters")
    func list() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let db = dir + "/store.sqlite"
        let quiet = try CLI.run(["archive", "add", "--db", db, "--quiet"] + Self.series)
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
        let listing = try CLI.run(["archive", "list", "--db", db])
        #expect(listing.status == 0)
        let lines = listing.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "provider\ttitle\tstart_utc\tduration\timpact\tupdates\tcaptures")
        // Slow builds: 22:05 to the resolution at 00:15 the next day, 3 updates, in all 3 captures.
        #expect(lines.contains("Tarn Cloud\tSlow builds in the eu-north runners\t2024-03-01 22:05\t2h 10m\t-\t3\t3"))
        // Object storage: 01:10 to 02:40, 2 updates, in the first two captures.
        #expect(lines.contains("Tarn Cloud\tObject storage uploads failing\t2024-03-01 01:10\t1h 30m\t-\t2\t2"))
        #expect(lines.contains("Tarn Cloud\tDNS resolution errors\t2024-03-02 09:00\t45m\t-\t2\t2"))
        #expect(lines.count == 5)
        let since = try CLI.run(["archive", "list", "--db", db, "--since", "2024-03-02", "--until", "2024-03-02"])
        #expect(since.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[1]) } == ["DNS resolution errors"])
        let other = try CLI.run(["archive", "list", "--db", db, "--provider", "someone else"])
        #expect(other.stdout.split(separator: "\n").count == 1)
        let bad = try CLI.run(["archive", "list", "--db", db, "--since", "yesterday"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--since 'yesterday' is not a date"))
    }

    @Test("A bad input fails the whole add, names the file, and leaves the store as it was")
    func failedAdd() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let db = dir + "/store.sqlite"
        #expect(try CLI.run(["archive", "add", "--db", db, Self.series[0]]).status == 0)
        let before = try Self.export(db)
        let unknown = "Fixtures/status-pages/unknown-shape.html"
        let failed = try CLI.run(["archive", "add", "--db", db, Self.series[1], unknown, Self.series[2]])
        #expect(failed.status == 65)
        #expect(failed.stderr.hasPrefix("postmortem: \(unknown): "))
        #expect(try Self.export(db).stdout == before.stdout)
        let missing = try CLI.run(["archive", "add", "--db", dir + "/new.sqlite", Self.series[0], dir + "/missing.atom"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("missing.atom: cannot read the file"))
        // A store the failed add would have created is not left behind.
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.sqlite"))
    }

    @Test("Reading commands refuse a missing store, a newer one and a file that is no store")
    func refusals() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let missing = try Self.export(dir + "/none.sqlite")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("none.sqlite: no archive store here"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.sqlite"))
        let text = try CLI.run(["archive", "list", "--db", Self.series[0]])
        #expect(text.status == 65)
        #expect(text.stderr.contains("not a postmortem archive store (the file is not an SQLite database)"))
        let both = try CLI.run(["timeline", Self.series[0], "--db", dir + "/x.sqlite"])
        #expect(both.status == 64)
    }

    @Test("--db is a source for timeline, metrics, credits, report and corpus")
    func dbAsSource() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let db = dir + "/store.sqlite"
        #expect(try CLI.run(["archive", "add", "--db", db] + Self.series).status == 0)
        let timeline = try CLI.run(["timeline", "--db", db, "--format", "csv"])
        #expect(timeline.status == 0)
        #expect(timeline.stdout == (try Self.export(db, format: "csv")).stdout)
        let metrics = try CLI.run(["metrics", "--db", db, "--format", "csv"])
        #expect(metrics.status == 0)
        #expect(metrics.stdout == (try CLI.run(["metrics"] + Self.series + ["--format", "csv"])).stdout)
        let credits = try CLI.run(["credits", "--db", db, "--policy", "s3-current", "--format", "json"])
        #expect(credits.status == 0)
        let report = try CLI.run(["report", "--db", db, "--output-dir", dir + "/report"])
        #expect(report.status == 0)
        let corpus = try CLI.run(["corpus", "--db", db, "--output-dir", dir + "/corpus"])
        #expect(corpus.status == 0)
        let stats = try CLI.run(["archive", "stats", "--db", db])
        #expect(stats.status == 0)
        let written = try String(contentsOfFile: dir + "/corpus/corpus.md", encoding: .utf8)
        #expect(stats.stdout == written)
    }

    @Test("Two processes adding to one store at once both succeed, and the store holds both")
    func concurrentAdds() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let db = dir + "/shared.sqlite"
        // Many copies of the captures under distinct names, so each add takes a while.
        var left: [String] = []
        var right: [String] = []
        for copy in 0..<30 {
            for (index, capture) in Self.series.enumerated() {
                let path = dir + "/copy\(copy)-\(index).atom"
                try FileManager.default.copyItem(atPath: FixturePath.resolve(capture), toPath: path)
                if copy % 2 == 0 { left.append(path) } else { right.append(path) }
            }
        }
        let first = try CLI.start(["archive", "add", "--db", db] + left)
        let second = try CLI.start(["archive", "add", "--db", db] + right)
        let a = first.wait()
        let b = second.wait()
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        let together = try Self.export(db)
        #expect(try CLI.run(["archive", "add", "--db", dir + "/one.sqlite"] + left + right).status == 0)
        #expect(together.stdout == (try Self.export(dir + "/one.sqlite")).stdout)
        #expect(together.stdout.contains("copy29-2.atom"))
    }

    @Test("Four processes creating one new store at once all succeed, round after round, and the store holds every capture")
    func concurrentCreation() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let inputs = Self.series + ["Fixtures/status-pages/gcp-incidents.json"]
        let whole = dir + "/whole.sqlite"
        #expect(try CLI.run(["archive", "add", "--db", whole] + inputs).status == 0)
        let expected = try Self.export(whole).stdout
        for round in 0..<3 {
            let db = dir + "/race\(round).sqlite"
            let racers = try inputs.map { try CLI.start(["archive", "add", "--db", db, "--quiet", $0]) }
            for outcome in racers.map({ $0.wait() }) {
                #expect(outcome.status == 0, "round \(round): \(outcome.stderr)")
            }
            #expect(try Self.export(db).stdout == expected)
            // Nothing of the creation is left beside the store.
            let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".creating-") }
            #expect(left.isEmpty)
        }
    }

    @Test("export --output writes the same bytes as standard output, and a failed export leaves the old file and no partial one")
    func exportToFile() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let db = dir + "/store.sqlite"
        #expect(try CLI.run(["archive", "add", "--db", db] + Self.series).status == 0)
        let file = dir + "/export.json"
        #expect(try CLI.run(["archive", "export", "--db", db, "--output", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == (try Self.export(db)).stdout)
        try "old\n".write(toFile: file, atomically: true, encoding: .utf8)
        let missing = try CLI.run(["archive", "export", "--db", dir + "/missing.sqlite", "--output", file])
        #expect(missing.status == 66)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old\n")
        let blocked = try CLI.run(["archive", "export", "--db", db, "--output", dir + "/no-such-folder/export.json"])
        #expect(blocked.status == 73)
        #expect(blocked.stderr.contains("no-such-folder/export.json: cannot write: no such file or directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    @Test("A merge that cannot read a source creates no target store")
    func mergeOfMissingStore() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let good = dir + "/good.sqlite"
        #expect(try CLI.run(["archive", "add", "--db", good] + Self.series).status == 0)
        let outcome = try CLI.run(["archive", "merge", good, dir + "/missing.sqlite", "--db", dir + "/joined.sqlite"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("missing.sqlite: no archive store here"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/joined.sqlite"))
    }

    @Test("Shards added to separate stores and merged equal one store")
    func shardAndMerge() throws {
        let (dir, cleanup) = try Self.folder()
        defer { cleanup() }
        let inputs = Self.series + ["Fixtures/status-pages/gcp-incidents.json", "Fixtures/status-pages/statuspage-api-contoso-incidents.json"]
        var parts: [String] = []
        for k in 1...3 {
            let part = dir + "/part\(k).sqlite"
            let outcome = try CLI.run(["archive", "add", "--db", part, "--shard", "\(k)/3"] + inputs)
            #expect(outcome.status == 0)
            parts.append(part)
        }
        let merged = try CLI.run(["archive", "merge"] + parts.reversed() + ["--db", dir + "/merged.sqlite"])
        #expect(merged.status == 0)
        #expect(merged.stderr.contains("added 5 capture(s) from 3 store(s)"))
        #expect(try CLI.run(["archive", "add", "--db", dir + "/whole.sqlite"] + inputs).status == 0)
        let whole = try Self.export(dir + "/whole.sqlite")
        #expect(whole.stdout.count > 1000)
        #expect(try Self.export(dir + "/merged.sqlite").stdout == whole.stdout)
        let missing = try CLI.run(["archive", "merge", dir + "/nothing.sqlite", "--db", dir + "/merged.sqlite"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nothing.sqlite: no archive store here"))
    }
}

extension CLI {
    /// A running `postmortem` process whose output is collected while it runs.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        func wait() -> Outcome {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Starts `postmortem` with `arguments` and returns at once.
    static func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: FixturePath.packageRoot)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
