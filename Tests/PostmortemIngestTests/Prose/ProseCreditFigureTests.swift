import Testing
@testable import PostmortemIngest
import PostmortemTimeline

@Suite("Prose: figures in sentences about credits")
struct ProseCreditFigureTests {
    static let text = """
        Queue service disruption

        At 9:10 AM PDT on May 4, 2020, 30% of queue requests failed in the US-EAST-1 Region.
        By 11:40 AM PDT error rates had returned to normal.

        Customers whose error rate exceeded 5% will receive a service credit of 25% of their monthly charges.
        Customers in the affected zone will receive a 10 day credit equal to 100% of their usage.
        """

    @Test func creditTermsAreNeitherObservationsNorDroppedSilently() throws {
        let result = try Ingest.parse(SourceInput(path: "queue.txt", bytes: Array(Self.text.utf8)))
        let incident = try #require(result.incidents.first)
        #expect(incident.observations.map(\.value) == [30])
        #expect(incident.observations.first?.subject == "requests failed")
        #expect(incident.announcedCredits.map(\.summary) == ["10 days of 100% of usage"])
        #expect(result.warnings == [
            ParseWarning(
                location: SourceLocation(file: "queue.txt", line: 6),
                message: "left out 5%, 25% in a sentence about credits: such figures are read only as an announced credit, and this sentence states none"),
        ])
    }
}

@Suite("Prose: the state of a negated figure comes from its own verb")
struct ProseNegatedStateTests {
    @Test(arguments: [
        ("2.5% did not automatically failover after the event.", "that did not fail over"),
        ("7% of volumes did not recover without intervention.", "that did not recover"),
        ("12% of nodes didn't back off as designed.", "that did not back off"),
        ("Half of the hosts did not quickly shutdown.", "that did not shut down"),
        ("every figure was published on time.", nil),
    ] as [(String, String?)])
    func negatedState(sentence: String, state: String?) {
        #expect(ProseObservationReader.negatedState(sentence.lowercased()) == state)
    }
}
