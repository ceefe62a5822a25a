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
    /// With `merge`, join the inputs even when `MergeCheck` finds they are not one incident
    /// (each reason becomes a warning instead of an error).
    public var forceMerge = false
    /// Policy names or files; empty means the policy in force on the incident's date.
    public var policies: [String]
    public var credit: CreditAssessment.Options
    /// How many inputs to read at once; output order never depends on it.
    public var jobs: Int
    /// An archive store to read instead of the inputs: its merged history is the one input.
    public var database: String?
    /// The folder relative inputs are read from; they keep the relative name in the output.
    public var root: String
    /// Only incidents naming one of these services (or components) are credited; empty, all.
    public var services: [String] = []
    /// Only incidents in one of these regions are credited; empty, all.
    public var regions: [String] = []
    /// A bill CSV (`--bill`) to turn each period's credit into money.
    public var bill: String?
    /// No progress line while reading the inputs (it shows only when stderr is a terminal).
    public var quiet = true

    public init(
        inputs: [String], ingest: IngestOptions = IngestOptions(), merge: Bool = false, strict: Bool = false,
        policies: [String] = [], credit: CreditAssessment.Options = .init(), jobs: Int = 1, root: String = ".",
        database: String? = nil
    ) {
        self.database = database
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
    /// then joins everything into one incident. With `database`, the store's merged history
    /// (merged the same way, captures in capture order) stands for the inputs.
    /// - Throws: `IngestError` for an input that cannot be read; `PipelineError.strict` on warnings
    ///   with `strict`; `ArchiveError` for the store.
    public static func load(_ request: ReportRequest) throws -> (incidents: [Incident], warnings: [ParseWarning]) {
        var incidents: [Incident]
        var warnings: [ParseWarning] = []
        // The warnings `strict` fails on here (an input's own fail as it is read).
        let unchecked: [ParseWarning]
        if let database = request.database {
            let history = try ArchiveStore(path: database, create: false).history()
            (incidents, warnings) = (history.incidents, history.warnings)
            unchecked = warnings
        } else {
            var history = SnapshotHistory()
            try forEachInput(request) { path, result in
                history.add(SnapshotCapture(name: path, incidents: result.incidents))
                warnings += result.warnings
            }
            incidents = history.incidents
            unchecked = history.warnings
            warnings += unchecked
        }
        if request.strict, let first = unchecked.first {
            throw PipelineError.strict(file: first.location.file, count: unchecked.count, first: first.description)
        }
        if request.merge, let merged = Incident.merging(incidents) {
            let reasons = MergeCheck.conflicts(incidents)
            let file = incidents.first?.sources.first ?? request.inputs.first ?? "(inputs)"
            if !reasons.isEmpty, !request.forceMerge { throw PipelineError.mergeRefused(file: file, reasons: reasons) }
            for reason in reasons {
                warnings.append(ParseWarning(location: SourceLocation(file: file), message: "merged with --force although \(reason)"))
            }
            incidents = [merged]
        }
        return (incidents, warnings)
    }

    /// Reads and merges the inputs as `load` does (without `merge`), then hands each merged
    /// incident to `body` in order and returns the warnings, releasing each incident once handed
    /// over: what `timeline` writes as it goes, so memory holds the merged history once and never
    /// a rendered copy of it all.
    /// - Throws: as `load`, or what `body` throws.
    public static func forEachMerged(_ request: ReportRequest, _ body: (Incident) throws -> Void) throws -> [ParseWarning] {
        var warnings: [ParseWarning] = []
        var history = SnapshotHistory()
        if let database = request.database {
            let stored = try ArchiveStore(path: database, create: false).history()
            if request.strict, let first = stored.warnings.first {
                throw PipelineError.strict(file: first.location.file, count: stored.warnings.count, first: first.description)
            }
            for incident in stored.incidents { try body(incident) }
            return stored.warnings
        }
        try forEachInput(request) { path, result in
            history.add(SnapshotCapture(name: path, incidents: result.incidents))
            warnings += result.warnings
        }
        if request.strict, let first = history.warnings.first {
            throw PipelineError.strict(file: first.location.file, count: history.warnings.count, first: first.description)
        }
        try history.drain(body)
        return warnings + history.warnings
    }

    /// Reads the inputs in order, `jobs` at a time, handing each input's result to `body` before
    /// reading further, so an archive is never held in memory whole.
    ///
    /// Among several inputs, an empty (0-byte) one, or one holding a server's error response, is
    /// a failed capture of a snapshot series (a scraper commits what the download left): it
    /// becomes a warning and is skipped, so one failed download does not stop a month of
    /// captures. A single such input is an error.
    /// - Throws: the first input's error, or `PipelineError.strict` on warnings with `strict`.
    public static func forEachInput(_ request: ReportRequest, _ body: (_ path: String, IngestResult) throws -> Void) throws {
        let progress = ProgressMeter.forTerminal(label: "reading", total: request.inputs.count, quiet: request.quiet)
        defer { progress.finish() }
        var start = 0
        while start < request.inputs.count {
            let batch = Array(request.inputs[start..<min(request.inputs.count, start + request.jobs)])
            let results = read(batch, options: request.ingest, jobs: request.jobs, root: request.root)
            for (path, outcome) in zip(batch, results) {
                defer { progress.advance(file: ReportManifest.resolve(path, root: request.root)) }
                if case .failure(let error) = outcome, let warning = Self.failedCaptureWarning(error), request.inputs.count > 1 {
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

    /// Why an input is a failed capture rather than a bad input, when it is one.
    static func failedCapture(_ error: IngestError) -> String? {
        switch error {
        case .empty: return "the capture is empty (a failed download?)"
        case .failedCapture(_, let response): return "the capture holds a server's error response (\(response))"
        default: return nil
        }
    }

    /// The warning that stands for a failed capture among several inputs (`timeline` and
    /// `archive add` alike), or `nil` when `error` is a bad input.
    static func failedCaptureWarning(_ error: IngestError) -> ParseWarning? {
        failedCapture(error).map { ParseWarning(location: SourceLocation(file: error.file), message: $0 + "; skipped") }
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

    /// The report of each incident the request's inputs hold, with its metrics, credits and warnings.
    public static func reports(for request: ReportRequest) throws -> [IncidentReport] {
        let (incidents, warnings) = try load(request)
        var reports: [IncidentReport] = []
        for incident in incidents {
            let metrics = IncidentMetrics(incident: incident)
            let assessed = try assess(incident, metrics: metrics, request: request)
            var periods: [PeriodCredit] = []
            for (credit, window) in assessed.credits {
                periods += try PeriodCredit.assess([.init(incident: incident, window: window)], policy: credit.policy, options: request.credit)
            }
            let own = warnings.filter { incident.sources.contains($0.location.file) }
            reports.append(
                IncidentReport(
                    incident: incident, metrics: metrics, credits: assessed.credits.map(\.credit), periods: periods,
                    creditNotes: assessed.notes + assessed.outOfScope, warnings: own))
        }
        return reports
    }

    /// Every report file for the request, `index.html` included, rendered in memory (nothing is written).
    public static func files(for request: ReportRequest) throws -> [(name: String, contents: String)] {
        ReportFolder(incidents: try reports(for: request)).files()
    }

    /// The files of a folder holding both incident reports and simulation runs (`report` given
    /// sources and scenario files at once), with one index listing them all.
    public static func files(for request: ReportRequest?, scenarios: [String], seed: UInt64, overrides: [String]) throws -> [(name: String, contents: String)] {
        var simulations: [SimulationSummary] = []
        for scenario in scenarios { simulations.append(try ScenarioRun.run(path: scenario, seed: seed, overrides: overrides)) }
        let incidents = try request.map { try reports(for: $0) } ?? []
        return ReportFolder(incidents: incidents, simulations: simulations).files()
    }
}
