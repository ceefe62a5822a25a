import ArgumentParser
import PostmortemPipeline
import PostmortemReports

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Read sources into one timeline of dated events, in UTC.")

    @OptionGroup var input: InputOptions
    @Option(help: "json, csv or markdown.") var format: OutputFormat = .json

    func run() throws {
        do {
            if !input.merge, format != .markdown {
                try stream()
                return
            }
            let (incidents, warnings) = try input.load()
            switch format {
            case .json: print(TimelineDocument.json(incidents, warnings: warnings), terminator: "")
            case .csv: print(TimelineDocument.csv(incidents), terminator: "")
            case .markdown: print(TimelineDocument.markdown(incidents, warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }

    /// JSON and CSV are written input by input; the bytes are the same as the whole document's.
    private func stream() throws {
        var output = StandardOutput()
        var writer = TimelineStream(format: format == .json ? .json : .csv) { output.write($0) }
        try ReportPipeline.forEachInput(try input.request()) { result in
            input.report(result.warnings)
            writer.add(result.incidents, warnings: result.warnings)
        }
        writer.finish()
        output.flush()
    }
}
