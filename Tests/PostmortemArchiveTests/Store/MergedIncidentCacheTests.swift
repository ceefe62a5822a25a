import Foundation
import GRDB
import PostmortemIngest
import PostmortemTimeline
import Testing

@testable import PostmortemArchive

@Suite("The store's cache of merged incidents reads as the history merged afresh")
struct MergedIncidentCacheTests {
    /// A rendering the test can read back: the incident's title, its updates' times and ids.
    static let rendering = IncidentRendering(name: "test/1") { incident in
        Array((incident.title + "|" + incident.events.map { "\($0.time.iso8601)=\($0.updateID ?? "-")" }.joined(separator: ",") + "|"
            + incident.sources.joined(separator: ",")).utf8)
    }

    static func at(_ day: Int, _ hour: Int) -> Instant {
        Instant(date: CivilDate(year: 2024, month: 5, day: day), hour: hour, minute: 0, offsetSeconds: 0)
    }

    /// Capture `number` (1 to 3) of a made-up page: incidents A and B are renamed in every
    /// capture (so merging warns about both, interleaved: A then B in capture 2, A then B in
    /// capture 3); C is known by its id in capture 1, by its URL in capture 2, and by both in
    /// capture 3, which joins the two; D has no identity and is never merged.
    static func capture(_ number: Int) -> (name: String, result: IngestResult) {
        let name = "page/summary_2024-05-0\(number)T1200Z.json"
        func update(_ id: String, _ hour: Int) -> TimelineEvent {
            TimelineEvent(time: at(1, hour), text: "Update \(id).", source: SourceLocation(file: name, line: hour), updateID: id)
        }
        let a = Incident(
            title: "A, version \(number)", provider: "Example", services: ["API"], events: (1...number).map { update("a\($0)", $0) },
            sources: [name], identity: .statuspage(id: "aaaa"))
        let b = Incident(
            title: "B, version \(number)", provider: "Example", components: ["DNS"], events: (1...number).map { update("b\($0)", 10 + $0) },
            sources: [name], identity: .statuspage(id: "bbbb"))
        let identity: IncidentIdentity = [.statuspage(id: "cccc"), .url("https://status.example/c"),
            IncidentIdentity(key: "statuspage:cccc", aliases: ["url:https://status.example/c"])][number - 1]
        let c = Incident(title: "C", provider: "Other", events: [update("c\(number)", 20 + number)], sources: [name], identity: identity)
        let d = Incident(title: "D of \(number)", events: [update("d\(number)", 5)], sources: [name])
        let warnings = [ParseWarning(location: SourceLocation(file: name, line: 99), message: "skipped something in capture \(number)")]
        return (name, IngestResult(incidents: [a, b, c, d], warnings: warnings, format: .statuspageJSON))
    }

    static func add(_ numbers: [Int], to store: ArchiveStore) throws {
        _ = try store.add { addition in
            for number in numbers {
                let (name, result) = capture(number)
                try addition.add(name: name, digest: CaptureDigest(Array(name.utf8)), result: result)
            }
        }
    }

    /// What the cache serves: rendered incidents, then warnings.
    static func served(_ store: ArchiveStore, filter: ArchiveFilter = ArchiveFilter()) throws -> (incidents: [String], warnings: [ParseWarning])? {
        var incidents: [String] = []
        var warnings: [ParseWarning] = []
        let ok = try store.forEachRendered(
            rendering, filter: filter, incident: { incidents.append(String(decoding: $0, as: UTF8.self)) }, warning: { warnings.append($0) })
        return ok ? (incidents, warnings) : nil
    }

    static func fresh(_ store: ArchiveStore, filter: ArchiveFilter = ArchiveFilter()) throws -> (incidents: [String], warnings: [ParseWarning]) {
        let history = try store.history()
        return (history.incidents.filter(filter.includes).map { String(decoding: rendering.render($0), as: UTF8.self) }, history.warnings)
    }

    @Test("Adds in any order and any grouping leave the cache equal to a merge of everything", arguments: [
        [[1, 2, 3]], [[3], [1], [2]], [[2, 3], [1]], [[3, 2, 1]], [[1], [3], [2]],
    ])
    func sameAsHistory(adds: [[Int]]) throws {
        let (path, cleanup) = try ArchiveStoreTests.temporaryStore()
        defer { cleanup() }
        let store = try ArchiveStore(path: path, create: true, rendering: Self.rendering)
        for numbers in adds { try Self.add(numbers, to: store) }
        let served = try #require(try Self.served(store))
        let fresh = try Self.fresh(store)
        #expect(served.incidents == fresh.incidents)
        #expect(served.warnings == fresh.warnings)
        // Worked out by hand: A, B and C once each (C joined through capture 3), D three times;
        // A's and B's place is capture 1's, and merging's warnings come in the order found.
        let names = (1...3).map { "page/summary_2024-05-0\($0)T1200Z.json" }
        #expect(served.incidents == [
            "A, version 3|2024-05-01T01:00:00Z=a1,2024-05-01T02:00:00Z=a2,2024-05-01T03:00:00Z=a3|\(names.joined(separator: ","))",
            "B, version 3|2024-05-01T11:00:00Z=b1,2024-05-01T12:00:00Z=b2,2024-05-01T13:00:00Z=b3|\(names.joined(separator: ","))",
            "C|2024-05-01T21:00:00Z=c1,2024-05-01T22:00:00Z=c2,2024-05-01T23:00:00Z=c3|\(names.joined(separator: ","))",
            "D of 1|2024-05-01T05:00:00Z=d1|\(names[0])",
            "D of 2|2024-05-01T05:00:00Z=d2|\(names[1])",
            "D of 3|2024-05-01T05:00:00Z=d3|\(names[2])",
        ])
        #expect(served.warnings.prefix(3).map(\.message) == (1...3).map { "skipped something in capture \($0)" })
        let merging = served.warnings.dropFirst(3).map(\.message)
        #expect(merging.count == 4)
        #expect(merging.map { $0.prefix(23) } == [
            "the title of statuspage", "the title of statuspage", "the title of statuspage", "the title of statuspage",
        ])
        #expect(merging.map { $0.contains("'A, version") } == [true, false, true, false])
        #expect(try store.captures().count == 3)
    }

    @Test("The export's filters read the columns kept beside each incident")
    func filters() throws {
        let (path, cleanup) = try ArchiveStoreTests.temporaryStore()
        defer { cleanup() }
        let store = try ArchiveStore(path: path, create: true, rendering: Self.rendering)
        try Self.add([1, 2, 3], to: store)
        for filter in [
            ArchiveFilter(provider: "other"), ArchiveFilter(service: "dn"), ArchiveFilter(service: "api"),
            ArchiveFilter(since: Self.at(1, 11)), ArchiveFilter(until: Self.at(1, 6)), ArchiveFilter(provider: "nobody"),
        ] {
            let served = try #require(try Self.served(store, filter: filter))
            #expect(served.incidents == (try Self.fresh(store, filter: filter)).incidents)
        }
        #expect(try Self.served(store, filter: ArchiveFilter(service: "dn"))?.incidents.map { $0.prefix(1) } == ["B"])
        #expect(try Self.served(store, filter: ArchiveFilter(until: Self.at(1, 6)))?.incidents.map { $0.prefix(4) } == ["A, v", "D of", "D of", "D of"])
    }

    @Test("A store added to without the rendering, or with another, is not served from its cache until an add rebuilds it")
    func staleCache() throws {
        let (path, cleanup) = try ArchiveStoreTests.temporaryStore()
        defer { cleanup() }
        try Self.add([1], to: try ArchiveStore(path: path, create: true, rendering: Self.rendering))
        try Self.add([2], to: try ArchiveStore(path: path, create: true))
        let store = try ArchiveStore(path: path, create: true, rendering: Self.rendering)
        #expect(try Self.served(store) == nil)
        let other = IncidentRendering(name: "test/2") { Array($0.title.utf8) }
        try Self.add([3], to: try ArchiveStore(path: path, create: true, rendering: other))
        #expect(try Self.served(store) == nil)
        // An add with this rendering (even of nothing new) rebuilds the whole cache.
        try Self.add([3], to: store)
        let served = try #require(try Self.served(store))
        #expect(served.incidents == (try Self.fresh(store)).incidents)
        #expect(served.incidents.count == 6)
    }

    @Test("A store written before the cache existed is brought up to date: keys indexed, cache rebuilt on the next add")
    func migratesFirstVersion() throws {
        let (path, cleanup) = try ArchiveStoreTests.temporaryStore()
        defer { cleanup() }
        // A store as the first schema wrote it: one capture of incident C known by id and URL.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try ArchiveSchema.migrate($0, upTo: "v1-captures") }
        let (name, result) = Self.capture(3)
        var c = result.incidents[2]
        c.events = []
        let json = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO capture (id, name, sortName, digest, byteCount, format) VALUES (1, ?, ?, 'x', 1, NULL)", arguments: [name, "summary_2024-05-03T1200Z.json"])
            try db.execute(sql: "INSERT INTO snapshot (captureId, position, identity, provider, incident) VALUES (1, 0, ?, ?, ?)", arguments: [c.identity?.key, c.provider, json])
        }
        try queue.close()
        let store = try ArchiveStore(path: path, create: false, rendering: Self.rendering)
        let keys = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT key FROM snapshot_key ORDER BY key") }
        #expect(keys == ["statuspage:cccc", "url:https://status.example/c"])
        #expect(try Self.served(store) == nil)
        // Capture 2 knows C by its URL only: the old snapshot's alias joins them.
        try Self.add([2], to: store)
        let served = try #require(try Self.served(store))
        #expect(served.incidents == (try Self.fresh(store)).incidents)
        #expect(served.incidents.filter { $0.hasPrefix("C|") }.count == 1)
    }
}
