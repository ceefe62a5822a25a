import Foundation
import PostmortemTestSupport
import Testing

@testable import PostmortemMetrics

/// Policies and profiles a user writes: every mistake names the file, the line and the key.
@Suite("Data files: unknown keys, wrong words and broken YAML, with their lines")
struct YAMLDataFileTests {
    /// A policy in block style, one key a line (`Fixtures/credits/example-terms-block.yaml`):
    /// `commitment` on line 10, `uptime.kind` on 12, the tiers on 14 and 15.
    static func policy(replacing old: String = "", with new: String = "") throws -> String {
        let text = try String(contentsOfFile: FixturePath.resolve("Fixtures/credits/example-terms-block.yaml"), encoding: .utf8)
        return old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)
    }

    @Test("The block-style policy itself reads")
    func baseline() throws {
        let policy = try SLAPolicy.decode(yaml: try Self.policy(), file: "mine.yaml")
        #expect(policy.tiers == [CreditTier(below: 99.9, credit: 10), CreditTier(below: 99.0, credit: 25)])
        #expect(policy.period == .calendarMonth)
    }

    @Test("A key the policy does not have (with the key it was likely meant to be), or a word a key does not take (with the words it does), at its line", arguments: [
        // A typo beside the real key (a line added, not the key renamed).
        ("commitment: 99.9", "commitment: 99.9\ncommitmnet: 99", 11, "commitmnet", "is not a key of this file (did you mean 'commitment'?)"),
        // An optional key this file leaves out: without the check it would be dropped silently.
        ("exclusions: []", "exclusions: []\ncomponets: [Storage]", 17, "componets", "is not a key of this file (did you mean 'components'?)"),
        // Nested, with nothing near it.
        ("  kind: error-rate", "  kind: error-rate\n  zones: 2", 13, "uptime.zones", "is not a key of this file"),
        ("  - {below: 99.0, credit: 25}", "  - {below: 99.0, credit: 25, note: x}", 15, "tiers[1].note", "is not a key of this file"),
        // Words: Swift's own "Cannot initialize Kind from invalid String value" said neither.
        ("period: calendar-month", "period: monthly", 8, "period", "'monthly' is not one of: calendar-month, service-year-365, calendar-quarter"),
        ("unit: minutes", "unit: seconds", 9, "unit", "'seconds' is not one of: 5-minute-periods, minutes"),
        ("  kind: error-rate", "  kind: error-ra", 12, "uptime.kind", "'error-ra' is not one of: error-rate, region-unavailable"),
    ])
    func unknownKeyOrWord(old: String, new: String, line: Int, field: String, message: String) {
        #expect(throws: MetricsError.invalidPolicy(file: "mine.yaml", line: line, field: field, message: message)) {
            try SLAPolicy.decode(yaml: try Self.policy(replacing: old, with: new), file: "mine.yaml")
        }
    }

    @Test("A key given as null is no key: 'effectiveUntil: ~' reads as open-ended terms")
    func nullIsNoKey() throws {
        let policy = try SLAPolicy.decode(yaml: try Self.policy(replacing: "reference:", with: "effectiveUntil: ~\nreference:"), file: "mine.yaml")
        #expect(policy.effectiveUntil == nil)
    }

    @Test("Broken, empty and non-mapping documents say so, with the line where YAML stops", arguments: [
        // Cut in the middle of a flow mapping (a truncated download): libyaml stops on the next line.
        ("id: mine\ntiers: [{below: 99.9, credit: 10\nexclusions: []\n", 3,
         "not valid YAML: while parsing a flow mapping (line 2): did not find expected ',' or '}'"),
        ("id: mine\nid: again\n", 1, "not valid YAML: the key 'id' is given twice"),
        ("", nil, "the file holds no YAML document (it is empty)"),
        ("# only a comment\n", nil, "the file holds no YAML document (it is empty)"),
        ("just a sentence\n", 1, "is not a mapping of keys ('key: value' lines)"),
    ] as [(String, Int?, String)])
    func brokenDocument(yaml: String, line: Int?, message: String) {
        #expect(throws: MetricsError.invalidPolicy(file: "p.yaml", line: line, field: "(document)", message: message)) {
            try SLAPolicy.decode(yaml: yaml, file: "p.yaml")
        }
    }

    @Test("A profile's unknown key, and a check after decoding, are placed on their lines")
    func profileLines() {
        let base = "id: mine\nname: Mine\nreference: here\nmaintenance: counted\nstatuses:\n  partial_outage: 30\n"
        #expect(throws: MetricsError.invalidProfile(file: "p.yaml", line: 7, field: "maintenence", message: "is not a key of this file (did you mean 'maintenance'?)")) {
            try AccountingProfile.decode(yaml: base + "maintenence: excluded\n", file: "p.yaml")
        }
        #expect(throws: MetricsError.invalidProfile(file: "p.yaml", line: 7, field: "serviceHours", message: "start and end must be times HH:MM with start before end, not '18:00'-'08:00'")) {
            try AccountingProfile.decode(yaml: base + "serviceHours: {start: '18:00', end: '08:00', weekdays: [1]}\n", file: "p.yaml")
        }
    }

    @Test("A key path's line: the key, the item of a list, or the nearest part the file has")
    func lineOfField() throws {
        let file = try YAMLDataFile<MetricsError>(yaml: try Self.policy()) { .invalidPolicy(file: "x", line: $1, field: $0, message: $2) }
        #expect(file.line(of: "commitment") == 10)
        #expect(file.line(of: "uptime.kind") == 12)
        #expect(file.line(of: "tiers[1].credit") == 15)
        #expect(file.line(of: "tiers[7].credit") == 13)
        #expect(file.line(of: "claim.count") == 1)
        #expect(file.line(of: "(document)") == 1)
    }

    @Test("A policy, profile or bill that cannot be read says why", arguments: [
        ("Fixtures/hostile", "it is a directory, not a file"),
        ("Fixtures/hostile/random-bytes.bin", "it is not UTF-8 text"),
        ("Fixtures/hostile/no-such.yaml", "no such file"),
    ])
    func unreadable(path: String, reason: String) {
        #expect(throws: UserFile.Unreadable(reason: reason)) { try UserFile.text(at: FixturePath.resolve(path)) }
        #expect(throws: MetricsError.unreadableFile(file: "f", reason: reason)) { try UserFile.text(at: FixturePath.resolve(path), file: "f") }
    }
}
