import PostmortemTimeline
import Testing

@testable import PostmortemIngest

@Suite("Hostile feeds, API dumps and status pages from the merged parsers")
struct FeedHostileInputTests {
    @Test("Malformed JSON is an error at the line where parsing stopped", arguments: [
        ("statuspage-json-truncated.json", 77, "not valid JSON: the file ends inside a value (truncated?)"),
        ("gcp-json-truncated.json", 28, "not valid JSON: the file ends inside a value (truncated?)"),
        ("statuspage-json-bad-value.json", 13, "not valid JSON: Invalid value around character 306"),
    ])
    func malformedJSON(name: String, line: Int, message: String) {
        #expect(throws: IngestError.malformed(location: SourceLocation(file: name, line: line), message: message)) {
            try Hostile.read(name)
        }
    }

    @Test("Statuspage JSON with a number for a date and a string for the updates: that incident skipped at its byte")
    func statuspageWrongTypes() throws {
        let result = try Hostile.read("statuspage-json-wrong-types.json")
        #expect(result.incidents.map(\.title) == ["Elevated latency on checkout"])
        #expect(Hostile.times(result) == [
            "2019-02-20T17:48:02Z", "2019-02-20T17:55:12Z", "2019-02-20T17:58:40Z", "2019-02-20T18:00:19Z",
        ])
        #expect(result.warnings == [
            ParseWarning(
                location: SourceLocation(file: "statuspage-json-wrong-types.json", byteOffset: 220),
                message: "skipped incident 'Database failover test': it has no update with a readable time"),
        ])
    }

    @Test("Google Cloud JSON with a boolean begin and a string for the updates: skipped, the rest read")
    func googleCloudWrongTypes() throws {
        let result = try Hostile.read("gcp-json-wrong-types.json")
        #expect(result.incidents.map(\.title) == ["BigQuery queries failing in us-central1"])
        #expect(Hostile.times(result) == ["2022-12-31T23:31:05Z", "2023-01-01T01:12:44Z"])
        #expect(result.warnings.map(\.location.byteOffset) == [4, 982])
        #expect(result.warnings.first?.message
            == "skipped incident 'Multiple Google Cloud services impacted in europe-west9': it has no update with a readable time")
    }

    @Test("An Atom entry with no dates: its updates skipped one by one with their line, the next entry kept")
    func atomMissingDates() throws {
        let result = try Hostile.read("atom-missing-dates.atom")
        #expect(result.incidents.map(\.title) == ["Login failures for SSO users"])
        #expect(Hostile.times(result).first == "2020-12-31T22:58:00Z")
        #expect(result.warnings.map(\.description) == [
            "atom-missing-dates.atom:15: skipped an update: 'Mar 25, 18:19 CET' has no year and the page gives none (give --reference-date)",
            "atom-missing-dates.atom:15: skipped an update: 'Mar 25, 17:4 CET' holds no time",
            "atom-missing-dates.atom:15: skipped an update: 'Mar 25, 17:02 CET' has no year and the page gives none (give --reference-date)",
            "atom-missing-dates.atom:11: skipped incident 'Delayed email notifications': none of its 3 update(s) has a readable time",
        ])
    }

    @Test("The same Atom entry is read when --reference-date gives the year")
    func atomMissingDatesWithReference() throws {
        let result = try Hostile.read("atom-missing-dates.atom", options: IngestOptions(referenceDate: CivilDate(year: 2021, month: 3, day: 25)))
        #expect(result.incidents.map(\.title) == ["Delayed email notifications", "Login failures for SSO users"])
        #expect(result.incidents.first?.events.map(\.time.iso8601) == ["2021-03-25T16:02:00Z", "2021-03-25T17:19:00Z"])
    }

    @Test("An RSS feed nested 200,000 deep before its items: an error where libxml2 stopped")
    func deepRSS() {
        #expect(throws: IngestError.malformed(
            location: SourceLocation(file: "rss-deep-nesting.rss", line: 11),
            message: "elements nest deeper than libxml2's limit of 256 levels; the rest of the file was not read")) {
            try Hostile.read("rss-deep-nesting.rss")
        }
    }

    @Test("A Statuspage history page with no charset, in UTF-8 and in Windows-1252: 'Zürich' either way", arguments: [
        ("statuspage-history-undeclared-utf8.html", "Error rates in Zürich have been at baseline for 25 minutes.", 1),
        ("statuspage-history-undeclared-1252.html", "Error rates in Zürich have been at baseline – for 25 minutes.", 2),
    ])
    func undeclaredHistory(name: String, sentence: String, warnings: Int) throws {
        let result = try Hostile.read(name)
        #expect(result.incidents.count == 4)
        #expect(result.incidents.first?.events.last?.text == "This incident has been resolved. " + sentence)
        #expect(result.warnings.count == warnings)
        #expect(result.warnings.last?.message == "skipped an update: 'Jan 12, 25:10 PST' is not a time of day")
    }
}
