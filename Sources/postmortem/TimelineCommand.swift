import ArgumentParser
import PostmortemArchive
import PostmortemPipeline
import PostmortemReports

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Read sources into one timeline of dated events, in UTC.")

    @OptionGroup var input: InputOptions
    @Option(help: "json, csv or markdown.") var format: OutputFormat = .json
    @Flag(help: "No progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    func run() throws {
        do {
            var request = try input.request()
            request.quiet = quiet
            if format == .json, !request.merge, !request.strict, let db = request.database {
                // The store's export is this document, read from its cache of merged incidents.
                var output = StandardOutput()
                try ArchiveRun.export(try ArchiveStore(path: db, create: false), filter: ArchiveFilter(), to: { output.write($0) }) {
                    input.report([$0])
                }
                output.flush()
                return
            }
            if format == .json, !request.merge {
                // Rendered as the merged history is handed over, never as one document in memory.
                var output = StandardOutput()
                var writer = TimelineJSONWriter()
                let warnings = try ReportPipeline.forEachMerged(request) { incident in
                    // One event at a time: an SHD page's incident can hold half a million.
                    writer.append(incident, flushingAt: 1 << 20) { output.write($0) }
                    if writer.pendingCount >= 1 << 20 { output.write(writer.take()) }
                }
                input.report(warnings)
                for warning in warnings { writer.append(warning) }
                writer.finish()
                output.write(writer.take())
                output.flush()
                return
            }
            let (incidents, warnings) = try ReportPipeline.load(request)
            input.report(warnings)
            switch format {
            case .json: print(TimelineDocument.json(incidents, warnings: warnings), terminator: "")
            case .csv: print(TimelineDocument.csv(incidents), terminator: "")
            case .markdown: print(TimelineDocument.markdown(incidents, warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
