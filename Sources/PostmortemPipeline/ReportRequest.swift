import PostmortemArchive
import PostmortemIngest
import PostmortemMetrics
import PostmortemReports
import PostmortemTimeline

/// Everything needed to produce the reports for a set of incident sources.
public struct ReportRequest: Sendable, Equatable {
    public var inputs: [String]
    public var ingest: IngestOptions
    /// Join all inputs into one incident.
    public var merge: Bool
    /// Fail on any warning.
    public var strict: Bool
    /// Policy names or files; empty means the policy in force on the incident's date.
    public var policies: [String]
    public var credit: CreditAssessment.Options
    /// How many inputs to read at once; output order never depends on it.
    public var jobs: Int
    /// The folder relative inputs are read from; they keep the relative name in the output.
    public var root: String
    /// Only incidents naming one of these services (or components) are credited; empty, all.
    public var services: [String] = []
    /// Only incidents in one of these regions are credited; empty, all.
    public var regions: [String] = []
    /// A bill CSV (`--bill`) to turn each period's credit into money.
    public var bill: String?

    public init(
        inputs: [String], ingest: IngestOptions = IngestOptions(), merge: Bool = false, strict: Bool = false,
        policies: [String] = [], credit: CreditAssessment.Options = .init(), jobs: Int = 1, root: String = "."
    ) {
        self.jobs = max(1, jobs)
        self.root = root
        self.inputs = inputs
        self.ingest = ingest
        self.merge = merge
        self.strict = strict
        self.policies = policies
        self.credit = credit
    }
}

/// Runs the pipeline stages in order: ingest, then metrics and credits, then the reporter.
///
/// This library exists so the stages meet in one place above them all: the reporter never
/// parses and the parsers never report, yet `report` and `check` need both.
public enum ReportPipeline {
    /// Reads every input in order and merges the same incident seen in several inputs (snapshot
    /// captures, given oldest first) into one, so no later stage counts it twice; with `merge`,
    /// then joins everything into one incident.
    /// - Throws: `IngestError` for an input that cannot be read; `PipelineError.strict` on warnings with `strict`.
    public static func load(_ request: ReportRequest) throws -> (incidents: [Incident], warnings: [ParseWarning]) {
        var history = SnapshotHistory()
        var warnings: [ParseWarning] = []
        try forEachInput(request) { path, result in
            history.add(SnapshotCapture(name: path, incidents: result.incidents))
            warnings += result.warnings
        }
        var incidents = history.incidents
        warnings += history.warnings
        if request.strict, let first = history.warnings.first {
            throw PipelineError.strict(file: first.location.file, count: history.warnings.count, first: first.description)
        }
        if request.merge, let merged = Incident.merging(incidents) {
            incidents = [merged]
        }
        return (incidents, warnings)
    }

    /// Reads the inputs in order, `jobs` at a time, handing each input's result to `body` before
    /// reading further, so an archive is never held in memory whole.
    ///
    /// Among several inputs, an empty (0-byte) one is a failed capture of a snapshot series (a
    /// scraper commits what the download left): it becomes a warning and is skipped, so one
    /// failed download does not stop a month of captures. A single empty input is an error.
    /// - Throws: the first input's error, or `PipelineError.strict` on warnings with `strict`.
    public static func forEachInput(_ request: ReportRequest, _ body: (_ path: String, IngestResult) throws -> Void) throws {
        var start = 0
        while start < request.inputs.count {
            let batch = Array(request.inputs[start..<min(request.inputs.count, start + request.jobs)])
            let results = read(batch, options: request.ingest, jobs: request.jobs, root: request.root)
            for (path, outcome) in zip(batch, results) {
                if case .failure(.empty(let file)) = outcome, request.inputs.count > 1 {
                    let warning = ParseWarning(
                        location: SourceLocation(file: file), message: "the capture is empty (a failed download?); skipped")
                    if request.strict { throw PipelineError.strict(file: path, count: 1, first: warning.description) }
                    try body(path, IngestResult(warnings: [warning]))
                    continue
                }
                let result = try outcome.get()
                if request.strict, let first = result.warnings.first {
                    throw PipelineError.strict(file: path, count: result.warnings.count, first: first.description)
                }
                try body(path, result)
            }
            start += batch.count
        }
    }

    /// Reads `paths` (relative ones against `root`), `jobs` at a time, each to its result or its
    /// error, in the order given.
    static func read(_ paths: [String], options: IngestOptions, jobs: Int, root: String = ".") -> [Result<IngestResult, IngestError>] {
        ParallelMap.map(paths, jobs: jobs) { path in
            Result { () throws(IngestError) -> IngestResult in
                try Ingest.read(path: ReportManifest.resolve(path, root: root), named: path, options: options)
            }
        }
    }

    /// The credit assessments for one incident: the named policies, or the one in force. A
    /// policy whose terms do not cover the incident is skipped with a note saying why.
    public static func credits(for incident: Incident, metrics: IncidentMetrics, request: ReportRequest) throws -> (credits: [CreditAssessment], notes: [String]) {
        let assessed = try assess(incident, metrics: metrics, request: request)
        return (assessed.credits.map(\.credit), assessed.notes + assessed.outOfScope)
    }

    /// Every report file for the request, rendered in memory (nothing is written).
    public static func files(for request: ReportRequest) throws -> [(name: String, contents: String)] {
        let (incidents, warnings) = try load(request)
        var files: [(name: String, contents: String)] = []
        for incident in incidents {
            let metrics = IncidentMetrics(incident: incident)
            let assessed = try assess(incident, metrics: metrics, request: request)
            var periods: [PeriodCredit] = []
            for (credit, window) in assessed.credits {
                periods += try PeriodCredit.assess([.init(incident: incident, window: window)], policy: credit.policy, options: request.credit)
            }
            let own = warnings.filter { incident.sources.contains($0.location.file) }
            files += IncidentReport(
                incident: incident, metrics: metrics, credits: assessed.credits.map(\.credit), periods: periods,
                creditNotes: assessed.notes + assessed.outOfScope, warnings: own
            ).files()
        }
        return files
    }
}
