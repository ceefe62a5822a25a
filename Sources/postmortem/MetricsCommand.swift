import ArgumentParser
import PostmortemMetrics
import PostmortemReports

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Impact windows, update cadence and recovery curves per incident.")

    @OptionGroup var input: InputOptions
    @Option(help: "json, csv or markdown.") var format: OutputFormat = .json

    func run() throws {
        do {
            let (incidents, warnings) = try input.load()
            let metrics = incidents.map(IncidentMetrics.init(incident:))
            switch format {
            case .json: print(MetricsDocument.json(metrics, warnings: warnings), terminator: "")
            case .csv: print(MetricsDocument.csv(metrics), terminator: "")
            case .markdown:
                print(MetricsDocument.markdown(metrics, zones: incidents.map(\.primaryZone), warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
