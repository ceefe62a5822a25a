import PostmortemTestSupport
import PostmortemIngest
import PostmortemTimeline
import Testing

/// Reads the prose fixtures from the package root, wherever the tests run from.
enum ProseFixture {
    static let root = FixturePath.packageRoot

    static func path(_ name: String) -> String {
        root + "/Fixtures/postmortems/" + name
    }

    /// The single incident of a fixture, with the warnings.
    static func read(_ name: String, options: IngestOptions = IngestOptions()) throws -> (incident: Incident, warnings: [ParseWarning]) {
        let result = try Ingest.read(path: path(name), options: options)
        #expect(result.format == .prose)
        #expect(result.incidents.count == 1)
        return (try #require(result.incidents.first), result.warnings)
    }

    /// The EBS postmortem, read once for every test that looks at it.
    static let ebs: Result<Reading, IngestError> = Result { () throws(IngestError) -> Reading in
        let result = try Ingest.read(path: path("aws-ebs-2011-04-21.txt"))
        return Reading(incident: result.incidents.first ?? Incident(title: "none"), warnings: result.warnings, format: result.format)
    }

    struct Reading: Sendable {
        var incident: Incident
        var warnings: [ParseWarning]
        var format: SourceFormat?
    }

    /// Parses text held in the test, as if read from `name`.
    static func parse(_ text: String, name: String = "inline.txt", options: IngestOptions = IngestOptions()) throws -> (incident: Incident, warnings: [ParseWarning]) {
        let result = try Ingest.parse(SourceInput(path: name, bytes: Array(text.utf8)), options: options)
        #expect(result.format == .prose)
        return (try #require(result.incidents.first), result.warnings)
    }
}

extension Incident {
    /// The impact window's start and end in UTC (ISO 8601), nil where the reading has none:
    /// one comparison for the check nearly every prose test makes.
    var impactWindowUTC: [String?] {
        [impactStart?.time.iso8601, impactEnd?.time.iso8601]
    }

    /// The first event written as `written`.
    func event(written: String) -> TimelineEvent? {
        events.first { $0.writtenTime == written }
    }

    /// The percentage observation with this value.
    func percent(_ value: Double, subject: String? = nil) -> Observation? {
        observations.first { $0.unit == .percent && $0.value == value && (subject == nil || $0.subject == subject) }
    }
}
