import Foundation
import GRDB
import PostmortemIngest
import PostmortemTimeline
import Testing

@testable import PostmortemArchive

@Suite("The archive store keeps captures and reads them back as one history")
struct ArchiveStoreTests {
    static let utc = WrittenZone(token: "UTC", offsetSeconds: 0)

    static func at(_ day: Int, _ hour: Int, _ minute: Int) -> Instant {
        Instant(date: CivilDate(year: 2024, month: 3, day: day), hour: hour, minute: minute, offsetSeconds: 0)
    }

    static func update(_ id: String, _ day: Int, _ hour: Int, _ minute: Int, _ status: String, _ text: String, file: String) -> TimelineEvent {
        TimelineEvent(time: at(day, hour, minute), zone: utc, writtenTime: "\(hour):\(minute) UTC", status: status, text: text, source: SourceLocation(file: file, line: 3), updateID: id)
    }

    /// Three summary captures: the API incident grows from one update to three (and is renamed),
    /// the DNS incident appears in the second and third.
    static func capture(_ number: Int) -> (name: String, result: IngestResult) {
        let name = "captures/summary_2024-03-0\(number)T0900Z.json"
        var api = Incident(
            title: number == 1 ? "Errors on the API" : "Elevated errors on the API", provider: "Example", services: ["API"],
            impact: number == 1 ? "minor" : "major", sources: [name], identity: .statuspage(id: "apierr00001x"),
            status: number == 3 ? "resolved" : "investigating")
        api.events = [update("u1", 1, 8, 58, "investigating", "We are investigating errors.", file: name)]
        if number >= 2 { api.events.append(update("u2", 1, 9, 40, "identified", "A bad deploy was found.", file: name)) }
        if number >= 3 { api.events.append(update("u3", 1, 10, 5, "resolved", "Rolled back; errors stopped.", file: name)) }
        var incidents = [api]
        if number >= 2 {
            incidents.append(
                Incident(
                    title: "DNS lookups failing", provider: "Example", services: ["DNS"], impact: "minor",
                    events: [update("d1", 2, 7, 15, "investigating", "Some lookups fail.", file: name)], sources: [name],
                    identity: .statuspage(id: "dnsfail0002y"), status: "investigating"))
        }
        let warnings = number == 2 ? [ParseWarning(location: SourceLocation(file: name, line: 12), message: "skipped an update: no time")] : []
        return (name, IngestResult(incidents: incidents, warnings: warnings, format: .statuspageJSON))
    }

    static func temporaryStore() throws -> (path: String, cleanup: () -> Void) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder + "/postmortem.sqlite", { try? FileManager.default.removeItem(atPath: folder) })
    }

    static func add(_ numbers: [Int], to store: ArchiveStore) throws -> ArchiveAddition.Summary {
        try store.add { addition in
            for number in numbers {
                let (name, result) = capture(number)
                try addition.add(name: name, digest: CaptureDigest(Array("capture \(number)".utf8)), result: result)
            }
        }
    }

    @Test("A stored capture reads back as the incidents it held")
    func roundTrip() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let store = try ArchiveStore(path: path, create: true)
        let summary = try Self.add([3], to: store)
        #expect(summary == ArchiveAddition.Summary(added: 1, alreadyStored: 0, snapshots: 2))
        let history = try ArchiveStore(path: path, create: false).history()
        let expected = SnapshotHistory(captures: [SnapshotCapture(name: Self.capture(3).name, incidents: Self.capture(3).result.incidents)])
        #expect(history.incidents == expected.incidents)
        #expect(history.incidents.map(\.title) == ["Elevated errors on the API", "DNS lookups failing"])
        #expect(history.incidents[0].events.map(\.time.iso8601) == ["2024-03-01T08:58:00Z", "2024-03-01T09:40:00Z", "2024-03-01T10:05:00Z"])
        #expect(history.incidents[0].events[1].source == SourceLocation(file: "captures/summary_2024-03-03T0900Z.json", line: 3))
        #expect(history.incidents[0].identity?.key == "statuspage:apierr00001x")
        let captures = try store.captures()
        #expect(captures.map(\.sortName) == ["summary_2024-03-03T0900Z.json"])
        #expect(captures.map(\.format) == ["statuspage-json"])
    }

    @Test("Adding the same captures again changes nothing")
    func idempotent() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let store = try ArchiveStore(path: path, create: true)
        _ = try Self.add([1, 2], to: store)
        let before = try store.history()
        let again = try Self.add([2, 1], to: store)
        #expect(again == ArchiveAddition.Summary(added: 0, alreadyStored: 2, snapshots: 0))
        #expect(try store.history() == before)
        #expect(try store.captures().count == 2)
    }

    @Test("Any order of captures, in any number of adds, gives the same history", arguments: [[1, 2, 3], [3, 2, 1], [2, 3, 1]])
    func orderFree(order: [Int]) throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let store = try ArchiveStore(path: path, create: true)
        for number in order { _ = try Self.add([number], to: store) }
        let history = try store.history()
        #expect(history.incidents.count == 2)
        let api = history.incidents[0]
        // The union of updates, the title and status of the latest capture, every capture in capture order.
        #expect(api.events.compactMap(\.updateID) == ["u1", "u2", "u3"])
        #expect(api.title == "Elevated errors on the API")
        #expect(api.status == "resolved")
        #expect(api.impact == "major")
        #expect(api.sources == (1...3).map { "captures/summary_2024-03-0\($0)T0900Z.json" })
        #expect(history.incidents[1].sources == ["captures/summary_2024-03-02T0900Z.json", "captures/summary_2024-03-03T0900Z.json"])
        // The parse warning of capture 2, then the title change merging found.
        #expect(history.warnings.map(\.location.file) == ["captures/summary_2024-03-02T0900Z.json", "captures/summary_2024-03-02T0900Z.json"])
        #expect(history.warnings[1].message.contains("changed from 'Errors on the API'"))
        let inOrder = SnapshotHistory(captures: (1...3).map { SnapshotCapture(name: Self.capture($0).name, incidents: Self.capture($0).result.incidents) })
        #expect(history.incidents == inOrder.incidents)
    }

    @Test("An add that fails part way leaves the store as it was")
    func failedAddRollsBack() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let store = try ArchiveStore(path: path, create: true)
        _ = try Self.add([1], to: store)
        let before = try store.history()
        #expect(throws: IngestError.empty(file: "captures/bad.json")) {
            try store.add { addition in
                let (name, result) = Self.capture(2)
                try addition.add(name: name, digest: CaptureDigest([2]), result: result)
                throw IngestError.empty(file: "captures/bad.json")
            }
        }
        #expect(try store.captures().map(\.name) == ["captures/summary_2024-03-01T0900Z.json"])
        #expect(try store.history() == before)
    }

    @Test("A store written by a newer version is refused, and left unchanged")
    func newerSchema() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        _ = try Self.add([1], to: try ArchiveStore(path: path, create: true))
        // What a newer postmortem would leave: a migration this version does not know.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        #expect(throws: ArchiveError.newerSchema(file: path, unknownMigrations: ["v9-future"])) {
            _ = try ArchiveStore(path: path, create: true)
        }
        #expect(throws: ArchiveError.newerSchema(file: path, unknownMigrations: ["v9-future"])) {
            _ = try ArchiveStore(path: path, create: false)
        }
        // Left as the newer version wrote it: its migrations and its capture.
        let (migrations, captures) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM capture"))
        }
        #expect(migrations == ["v1-captures", "v2-merged-cache", "v9-future"])
        #expect(captures == 1)
        try queue.close()
        let message = ArchiveError.newerSchema(file: path, unknownMigrations: ["v9-future"]).description
        #expect(message.contains("written by a newer postmortem"))
    }

    @Test("A missing store, a text file and a foreign database are refused by name")
    func notAStore() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        #expect(throws: ArchiveError.missingStore(file: path)) { _ = try ArchiveStore(path: path, create: false) }
        try "not a database\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ArchiveError.notAStore(file: path, reason: "the file is not an SQLite database")) {
            _ = try ArchiveStore(path: path, create: true)
        }
        try FileManager.default.removeItem(atPath: path)
        let foreign = try DatabaseQueue(path: path)
        try foreign.write { try $0.execute(sql: "CREATE TABLE player (id INTEGER PRIMARY KEY)") }
        try foreign.close()
        #expect(throws: ArchiveError.notAStore(file: path, reason: "an SQLite database with tables of its own and no postmortem schema")) {
            _ = try ArchiveStore(path: path, create: true)
        }
    }

    @Test("Two stores joined read as one store built from all their captures")
    func absorb() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let first = try ArchiveStore(path: path + ".a", create: true)
        let second = try ArchiveStore(path: path + ".b", create: true)
        let whole = try ArchiveStore(path: path, create: true)
        _ = try Self.add([1, 2], to: first)
        _ = try Self.add([3, 2], to: second)
        _ = try Self.add([1, 2, 3], to: whole)
        let joined = try ArchiveStore(path: path + ".joined", create: true)
        #expect(try joined.absorb(second) == ArchiveAddition.Summary(added: 2, alreadyStored: 0, snapshots: 4))
        #expect(try joined.absorb(first) == ArchiveAddition.Summary(added: 1, alreadyStored: 1, snapshots: 1))
        #expect(try joined.history() == whole.history())
    }

    @Test("Every field of an event survives the store, and the store knows every field")
    func eventColumns() throws {
        let (path, cleanup) = try Self.temporaryStore()
        defer { cleanup() }
        let name = "captures/page.html"
        let event = TimelineEvent(
            time: Self.at(4, 9, 5), endTime: Self.at(4, 11, 16), zone: WrittenZone(token: "PDT", offsetSeconds: -25_200),
            writtenTime: "9:05 AM PDT", precision: .second, status: "identified", region: "us-east-1", service: "Amazon S3",
            text: "Requests are failing.", source: SourceLocation(file: name, line: nil, byteOffset: 4_096),
            componentChanges: [ComponentChange(code: "c1", name: "API", oldStatus: "operational", newStatus: "major_outage")],
            kind: .narrative, updateID: "u-9")
        let incident = Incident(title: "One of each", events: [event], sources: [name], identity: .statuspage(id: "oneofeach01z"))
        let store = try ArchiveStore(path: path, create: true)
        _ = try store.add { try $0.add(name: name, digest: CaptureDigest([1]), result: IngestResult(incidents: [incident])) }
        #expect(try store.history().incidents.first?.events == [event])
        // A field added to TimelineEvent needs a column in the store (TimelineEvent+Row.swift).
        #expect(Mirror(reflecting: event).children.count == TimelineEvent.storedFields)
    }

    @Test("The digest is FNV-1a 64 of the bytes with their count")
    func digest() {
        // FNV-1a 64 of "a" is af63dc4c8601ec8c (the published test vector).
        #expect(CaptureDigest(Array("a".utf8)).description == "fnv1a64:af63dc4c8601ec8c:1")
        #expect(CaptureDigest([]).description == "fnv1a64:cbf29ce484222325:0")
    }

    @Test("Filters keep incidents by provider, service and start")
    func filters() throws {
        let incidents = Self.capture(3).result.incidents
        #expect(incidents.filter(ArchiveFilter(provider: "example").includes).count == 2)
        #expect(incidents.filter(ArchiveFilter(provider: "Other").includes).isEmpty)
        #expect(incidents.filter(ArchiveFilter(service: "dn").includes).map(\.title) == ["DNS lookups failing"])
        let march2 = ArchiveFilter.instant("2024-03-02")
        #expect(march2 == Self.at(2, 0, 0))
        #expect(ArchiveFilter.instant("2024-03-01", endOfDay: true) == Self.at(2, 0, 0))
        #expect(incidents.filter(ArchiveFilter(since: march2).includes).map(\.title) == ["DNS lookups failing"])
        #expect(incidents.filter(ArchiveFilter(until: march2).includes).map(\.title) == ["Elevated errors on the API"])
        #expect(ArchiveFilter.instant("March 2") == nil)
    }
}
