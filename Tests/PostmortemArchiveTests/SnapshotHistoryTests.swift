import PostmortemTimeline
import Testing

@testable import PostmortemArchive

@Suite("Snapshot series merge into one history")
struct SnapshotHistoryTests {
    static let utc = WrittenZone(token: "UTC", offsetSeconds: 0)

    static func at(_ hour: Int, _ minute: Int, second: Int = 0) -> Instant {
        Instant(date: CivilDate(year: 2024, month: 3, day: 5), hour: hour, minute: minute, second: second, offsetSeconds: 0)
    }

    static func update(_ id: String?, _ hour: Int, _ minute: Int, _ status: String, _ text: String, file: String) -> TimelineEvent {
        TimelineEvent(
            time: at(hour, minute), zone: utc, status: status, text: text, source: SourceLocation(file: file), updateID: id)
    }

    static func statuspage(_ file: String, title: String, status: String, impact: String, updates: [TimelineEvent]) -> Incident {
        Incident(
            title: title, provider: "Example", impact: impact, events: updates, sources: [file],
            identity: .statuspage(id: "abcd1234wxyz"), status: status)
    }

    @Test("Three summary captures of one incident give one incident with the union of its updates")
    func threeCaptures() {
        let a = "summary_0900.json", b = "summary_0930.json", c = "summary_1000.json"
        let u1 = { (file: String) in Self.update("u1", 9, 2, "investigating", "We are investigating errors.", file: file) }
        let u2 = { (file: String) in Self.update("u2", 9, 20, "identified", "A bad deploy was found.", file: file) }
        let u3 = Self.update("u3", 9, 51, "monitoring", "Rolled back; watching.", file: c)
        let history = SnapshotHistory(captures: [
            SnapshotCapture(name: a, incidents: [Self.statuspage(a, title: "Errors on the API", status: "investigating", impact: "minor", updates: [u1(a)])]),
            SnapshotCapture(name: b, incidents: [Self.statuspage(b, title: "Errors on the API", status: "identified", impact: "major", updates: [u1(b), u2(b)])]),
            SnapshotCapture(name: c, incidents: [Self.statuspage(c, title: "Errors on the API", status: "monitoring", impact: "major", updates: [u1(c), u2(c), u3])]),
        ])
        #expect(history.incidents.count == 1)
        let merged = history.incidents[0]
        #expect(merged.events.map(\.updateID) == ["u1", "u2", "u3"])
        #expect(merged.events.map(\.time.iso8601) == ["2024-03-05T09:02:00Z", "2024-03-05T09:20:00Z", "2024-03-05T09:51:00Z"])
        #expect(merged.status == "monitoring")
        #expect(merged.impact == "major")
        #expect(merged.sources == [a, b, c])
        #expect(history.warnings.isEmpty)
    }

    @Test("A capture given out of order does not make an older version the latest")
    func latestByLastUpdate() {
        let old = Self.statuspage("old.json", title: "Errors", status: "investigating", impact: "minor",
                                  updates: [Self.update("u1", 9, 2, "investigating", "Looking.", file: "old.json")])
        let new = Self.statuspage("new.json", title: "Errors", status: "resolved", impact: "major",
                                  updates: [Self.update("u1", 9, 2, "investigating", "Looking.", file: "new.json"),
                                            Self.update("u2", 10, 0, "resolved", "Fixed.", file: "new.json")])
        let history = SnapshotHistory(captures: [SnapshotCapture(name: "new.json", incidents: [new]), SnapshotCapture(name: "old.json", incidents: [old])])
        #expect(history.incidents.map(\.status) == ["resolved"])
        #expect(history.incidents.first?.sources == ["new.json", "old.json"])
        #expect(history.incidents.first?.events.count == 2)
    }

    @Test("Feed updates without ids: seen twice is one, repeated within one capture stays two")
    func multiplicity() {
        func entry(_ file: String, _ updates: [TimelineEvent]) -> Incident {
            Incident(title: "Degraded pages", events: updates, sources: [file],
                     identity: .feedEntry(id: "tag:example.com,2005:Incident/42", link: "https://status.example.com/incidents/qq11ww22ee33"))
        }
        // Two "update" posts in the same minute with the same words, in both captures; a third post later.
        let first = [Self.update(nil, 12, 25, "investigating", "Looking into it.", file: "d1.atom"),
                     Self.update(nil, 12, 25, "investigating", "Looking into it.", file: "d1.atom")]
        let second = first.map { var e = $0; e.source = SourceLocation(file: "d2.atom"); return e }
            + [Self.update(nil, 13, 40, "resolved", "All clear.", file: "d2.atom")]
        let history = SnapshotHistory(captures: [
            SnapshotCapture(name: "d1.atom", incidents: [entry("d1.atom", first)]),
            SnapshotCapture(name: "d2.atom", incidents: [entry("d2.atom", second)]),
        ])
        #expect(history.incidents.count == 1)
        #expect(history.incidents[0].events.map(\.time.iso8601) == ["2024-03-05T12:25:00Z", "2024-03-05T12:25:00Z", "2024-03-05T13:40:00Z"])
        #expect(history.incidents[0].identity?.key == "statuspage:qq11ww22ee33")
    }

    @Test("A feed entry and the API record of the same incident meet through the incident id")
    func crossFormat() {
        let api = Incident(title: "Slow git pushes", events: [Self.update("u9", 8, 0, "investigating", "Pushes are slow.", file: "api.json")],
                           sources: ["api.json"], identity: .statuspage(id: "qq11ww22ee33"), status: "resolved")
        let feed = Incident(title: "Slow git pushes", events: [Self.update(nil, 8, 0, "update", "Pushes are slow.", file: "h.atom")],
                            sources: ["h.atom"], identity: .feedEntry(id: "tag:x,2005:Incident/7", link: "https://status.example.com/incidents/qq11ww22ee33"))
        let history = SnapshotHistory(captures: [SnapshotCapture(name: "h.atom", incidents: [feed]), SnapshotCapture(name: "api.json", incidents: [api])])
        #expect(history.incidents.count == 1)
        #expect(history.incidents[0].events.map(\.updateID) == ["u9"])
        #expect(history.incidents[0].sources == ["h.atom", "api.json"])
    }

    @Test("A changed title or update text keeps the latest and warns, naming both captures")
    func disagreement() {
        let a = Self.statuspage("a.json", title: "Errrors", status: "investigating", impact: "minor",
                                updates: [Self.update("u1", 9, 2, "investigating", "We are investigatng.", file: "a.json")])
        let b = Self.statuspage("b.json", title: "Errors", status: "investigating", impact: "minor",
                                updates: [Self.update("u1", 9, 2, "investigating", "We are investigating.", file: "b.json")])
        let history = SnapshotHistory(captures: [SnapshotCapture(name: "a.json", incidents: [a]), SnapshotCapture(name: "b.json", incidents: [b])])
        #expect(history.incidents.map(\.title) == ["Errors"])
        #expect(history.incidents.first?.events.map(\.text) == ["We are investigating."])
        #expect(history.warnings.count == 2)
        #expect(history.warnings.allSatisfy { $0.message.contains("a.json") && $0.location.file == "b.json" })
    }

    @Test("Incidents without an identity are never merged")
    func noIdentity() {
        let prose = Incident(title: "Postmortem", events: [Self.update(nil, 9, 0, "resolved", "Done.", file: "p.txt")], sources: ["p.txt"])
        let history = SnapshotHistory(captures: [SnapshotCapture(name: "p.txt", incidents: [prose, prose])])
        #expect(history.incidents.count == 2)
    }

    @Test("The widest stated window is kept")
    func widestWindow() {
        var a = Self.statuspage("a.json", title: "T", status: "resolved", impact: "minor", updates: [Self.update("u1", 9, 0, "resolved", "x", file: "a.json")])
        a.statedImpactStart = Self.at(8, 50)
        a.statedImpactEnd = Self.at(9, 30)
        var b = a
        b.statedImpactStart = Self.at(8, 40)
        b.statedImpactEnd = Self.at(9, 10)
        let merged = SnapshotHistory(captures: [SnapshotCapture(name: "a.json", incidents: [a]), SnapshotCapture(name: "b.json", incidents: [b])]).incidents
        #expect(merged.first?.statedImpactStart == Self.at(8, 40))
        #expect(merged.first?.statedImpactEnd == Self.at(9, 30))
    }
}
