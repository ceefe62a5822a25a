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
            let (incidents, warnings) = try input.load()
            switch format {
            case .json:
                var output = StandardOutput()
                TimelineDocument.streamJSON(incidents, warnings: warnings) { output.write($0) }
                output.flush()
            case .csv: print(TimelineDocument.csv(incidents), terminator: "")
            case .markdown: print(TimelineDocument.markdown(incidents, warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
