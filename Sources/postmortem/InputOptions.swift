import ArgumentParser
import PostmortemIngest
import PostmortemPipeline
import PostmortemTimeline

/// The options every command that reads incident sources shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Status pages, feeds, API dumps or postmortem texts to read.")
    var inputs: [String] = []

    @Option(help: "A date in or near the incident (YYYY-MM-DD), for dates written without a year.")
    var referenceDate: String?

    @Option(help: "The zone to assume for times written without one (PDT, UTC, GMT+08:00...).")
    var zone: String?

    @Option(help: "Read every input as this format instead of detecting it (\(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var formatHint: String?

    @Flag(help: "Join all inputs into one incident (a status page and its postmortem).")
    var merge = false

    @Flag(help: "Treat warnings (skipped updates, inferred years) as errors.")
    var strict = false

    @Option(help: "Read this many inputs at once (output is the same for any number).")
    var jobs = 1

    @Option(help: "Process only slice K of N of the inputs (e.g. 2/8), for array jobs; join the outputs with `postmortem merge`.")
    var shard: String?

    /// `--reference-date` read as a date, for every command that takes it.
    /// - Throws: `UsageError` when the text is not a real date YYYY-MM-DD.
    static func referenceDate(_ text: String?) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw UsageError(message: "--reference-date '\(text)' is not a date YYYY-MM-DD")
        }
        return date
    }

    /// The ingest options these flags describe.
    /// - Throws: `UsageError` for a malformed date, zone or format name.
    func ingestOptions() throws -> IngestOptions {
        var options = IngestOptions()
        options.referenceDate = try Self.referenceDate(referenceDate)
        if let zone {
            guard let written = ZoneTable.zone(for: zone) else {
                throw UsageError(message: "--zone '\(zone)' is not a zone postmortem knows (e.g. UTC, PDT, GMT+08:00)")
            }
            options.defaultZone = written
        }
        if let formatHint {
            guard let format = SourceFormat(rawValue: formatHint) else {
                throw UsageError(
                    message: "--format-hint '\(formatHint)' is not a format (\(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            options.formatHint = format
        }
        return options
    }

    /// Reads every input in order, merging them into one incident when `--merge` is given.
    /// Warnings go to stderr as they are found.
    func load() throws -> (incidents: [Incident], warnings: [ParseWarning]) {
        let loaded = try ReportPipeline.load(request())
        report(loaded.warnings)
        return loaded
    }

    /// Prints warnings to stderr (and as annotations under GitHub Actions).
    func report(_ warnings: [ParseWarning]) {
        for warning in warnings {
            ExitStatus.printError("postmortem: warning: \(warning)")
            Annotations.annotate(file: warning.location.file, line: warning.location.line, message: warning.message, level: "warning")
        }
    }

    /// The pipeline request these options describe.
    func request(credit: CreditOptions? = nil) throws -> ReportRequest {
        guard jobs >= 1 else { throw UsageError(message: "--jobs must be at least 1") }
        var selected = inputs
        if let shard {
            guard let slice = Shard(shard) else { throw UsageError(message: "--shard '\(shard)' is not K/N with 1 <= K <= N") }
            selected = slice.slice(inputs)
        }
        var request = ReportRequest(
            inputs: selected, ingest: try ingestOptions(), merge: merge, strict: strict,
            policies: credit?.policy ?? [], credit: try credit?.options() ?? .init(), jobs: jobs)
        request.services = credit?.service ?? []
        request.regions = credit?.region ?? []
        request.bill = credit?.bill
        return request
    }
}

/// Output formats the commands offer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case csv
    case markdown
}
