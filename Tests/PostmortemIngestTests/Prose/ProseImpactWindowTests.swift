import PostmortemIngest
import PostmortemTimeline
import Testing

@Suite("Prose: impact window")
struct ProseImpactWindowTests {
    static let source = SourceLocation(file: "window.txt", line: 1)

    static func event(_ iso: String, _ text: String, status: String? = nil, precision: TimePrecision = .minute) -> TimelineEvent {
        TimelineEvent(time: Instant(iso8601: iso) ?? Instant(secondsSinceEpoch: 0), precision: precision, status: status, text: text, source: source)
    }

    @Test("Earliest impact to latest restoration, from classified text")
    func fromText() throws {
        let events = [
            Self.event("2022-01-01T10:00:00Z", "Engineers were paged."),
            Self.event("2022-01-01T10:05:00Z", "Error rates on the API rose sharply."),
            Self.event("2022-01-01T11:00:00Z", "The API was restored for most customers, but not all."),
            Self.event("2022-01-01T11:30:00Z", "The API was fully restored."),
            Self.event("2022-01-01T12:00:00Z", "We published this note."),
        ]
        let window = try #require(ProseImpactWindow.infer(from: events))
        #expect(window.start.iso8601 == "2022-01-01T10:05:00Z")
        #expect(window.end?.iso8601 == "2022-01-01T11:30:00Z")
        #expect(window.sentences == ["Error rates on the API rose sharply.", "The API was fully restored."])
    }

    @Test("A written status wins over the text, and days or parts of days never mark the window")
    func statusAndPrecision() throws {
        let events = [
            Self.event("2022-01-01T00:00:00Z", "On Saturday customers saw errors.", precision: .day),
            Self.event("2022-01-01T09:00:00Z", "A configuration push went out.", status: "impact"),
            Self.event("2022-01-01T18:00:00Z", "Everything was back to normal by the evening.", precision: .partOfDay),
        ]
        let window = try #require(ProseImpactWindow.infer(from: events))
        #expect(window.start.iso8601 == "2022-01-01T09:00:00Z")
        #expect(window.startEvent.text == "A configuration push went out.")
        #expect(window.end == nil)
        #expect(window.sentences.count == 1)
    }

    @Test("No impact described, no window")
    func none() {
        let events = [Self.event("2022-01-01T09:00:00Z", "We published this note.")]
        #expect(ProseImpactWindow.infer(from: events) == nil)
    }

    @Test("Clauses classify as impact, recovering or restored", arguments: [
        ("a network change was performed", ProseStatus.impact),
        ("error rates and latencies again increased", .impact),
        ("the team began restoring these", .recovering),
        ("all but 1.04% of the affected volumes were recovered", .recovering),
        ("API access to EBS resources was restored", .restored),
        ("requests returned to normal", .restored),
    ])
    func classify(clause: String, status: ProseStatus) {
        #expect(ProseStatus.classify(clause) == status)
    }
}
