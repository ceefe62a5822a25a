import PostmortemTestSupport
import Foundation
import Testing

@Suite("--jobs, --shard and merge give what one run gives", .serialized)
struct ScaleOutTests {
    /// Every fixture a status-page parser reads, so the slices hold different incidents.
    static var inputs: [String] {
        let folder = FixturePath.resolve("Fixtures/status-pages")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let readable = names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".json") || $0.hasSuffix(".atom") || $0.hasSuffix(".rss") || $0.hasSuffix(".xml") }
        // Left out: the page that needs --reference-date and the deliberately unknown shape.
        let standalone = readable.filter { !$0.hasPrefix("unknown") && !$0.contains("kiwi") }
        return standalone.map { "Fixtures/status-pages/" + $0 }
    }

    @Test("--jobs 2 writes the same bytes as --jobs 1", arguments: ["json", "csv"])
    func jobs(format: String) throws {
        let one = try CLI.run(["timeline"] + Self.inputs + ["--format", format, "--jobs", "1"])
        let two = try CLI.run(["timeline"] + Self.inputs + ["--format", format, "--jobs", "2"])
        #expect(one.status == 0)
        #expect(one.stdout.count > 1000)
        #expect(two.stdout == one.stdout)
    }

    @Test("Three shards merged equal one run", arguments: ["json", "csv"])
    func shards(format: String) throws {
        let whole = try CLI.run(["metrics"] + Self.inputs + ["--format", format])
        #expect(whole.status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-shards-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var parts: [String] = []
        for k in 1...3 {
            let part = try CLI.run(["metrics"] + Self.inputs + ["--format", format, "--shard", "\(k)/3"])
            #expect(part.status == 0)
            let path = folder + "/part\(k).\(format)"
            try part.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            parts.append(path)
        }
        let merged = try CLI.run(["merge"] + parts)
        #expect(merged.status == 0)
        #expect(merged.stdout == whole.stdout)
    }

    @Test("A malformed shard spec is a usage error")
    func badShard() throws {
        let outcome = try CLI.run(["timeline"] + Self.inputs + ["--shard", "4/3"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--shard '4/3' is not K/N"))
    }
}

@Suite("Sweeps: grid, shards and merge", .serialized)
struct SweepTests {
    /// A small but real grid: two spare-capacity points, two seeds, a 4,000-volume cluster.
    static let grid = [
        "sweep", "Fixtures/scenarios/ebs-2011.yaml", "--param", "cluster.spareCapacityFraction=0.005,0.5",
        "--param", "cluster.volumes=4000", "--param", "cluster.nodes=40", "--param", "rds.instances=200", "--seeds", "1-2",
    ]

    @Test("One row per point and seed, points slowest; shards merged equal one run")
    func sweepShards() throws {
        let whole = try CLI.run(Self.grid)
        #expect(whole.status == 0)
        let rows = whole.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("point,seed,cluster.spareCapacityFraction,cluster.volumes,cluster.nodes,rds.instances,"))
        #expect(rows[1...].map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == ["1,1,0.005", "1,2,0.005", "2,1,0.5", "2,2,0.5"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-sweep-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var parts: [String] = []
        for k in 1...3 {
            let part = try CLI.run(Self.grid + ["--shard", "\(k)/3", "--jobs", "2"])
            #expect(part.status == 0)
            let path = folder + "/sweep-\(k).csv"
            try part.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            parts.append(path)
        }
        let merged = try CLI.run(["merge"] + parts)
        #expect(merged.stdout == whole.stdout)
    }

    @Test("A malformed range names the parameter")
    func badRange() throws {
        let outcome = try CLI.run(["sweep", "Fixtures/scenarios/ebs-2011.yaml", "--param", "cluster.spareCapacityFraction=0.5:0.1:0.1"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("cluster.spareCapacityFraction"))
    }
}
