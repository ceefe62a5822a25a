import ArgumentParser
import PostmortemMetrics
import PostmortemReports
import PostmortemTimeline

struct UptimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uptime",
        abstract: "Per-component uptime per month under an accounting profile, beside the provider's published figure.")

    @OptionGroup var input: InputOptions
    @Option(help: "An accounting profile: a shipped name (see --list-profiles) or a YAML file.") var profile = "statuspage"
    @Option(help: "A published figure, COMPONENT=PCT or COMPONENT@YYYY-MM=PCT, to compare and explain. Repeatable.")
    var published: [String] = []
    @Option(help: "json, csv or markdown.") var format: OutputFormat = .json
    @Flag(help: "List the shipped accounting profiles and exit.") var listProfiles = false

    mutating func validate() throws {
        if listProfiles { return }
        if input.inputs.isEmpty { throw ValidationError("give at least one input, or --list-profiles") }
    }

    func run() throws {
        do {
            if listProfiles {
                for profile in try AccountingProfile.shipped() { print("\(profile.id)\t\(profile.name)") }
                return
            }
            var figures: [PublishedUptime] = []
            for text in published {
                guard let figure = PublishedUptime(argument: text) else {
                    throw UsageError(message: "--published '\(text)' is not COMPONENT=PCT or COMPONENT@YYYY-MM=PCT with PCT from 0 to 100")
                }
                figures.append(figure)
            }
            let chosen = try AccountingProfile.named(profile)
            var (incidents, warnings) = try input.load()
            let uptimes = ComponentUptime.compute(incidents, profile: chosen, published: figures, alternatives: try AccountingProfile.shipped())
            let components = Set(uptimes.map(\.component)).sorted().joined(separator: ", ")
            for (text, figure) in zip(published, figures) where ComponentUptime.unmatched([figure], in: uptimes) == [figure] {
                let warning = ParseWarning(
                    location: SourceLocation(file: "--published"),
                    message: "'\(text)' matches no component and month of the inputs (components: \(components.isEmpty ? "none" : components)); not compared")
                ExitStatus.printError("postmortem: warning: \(warning)")
                warnings.append(warning)
            }
            switch format {
            case .json: print(UptimeDocument.json(uptimes, warnings: warnings), terminator: "")
            case .csv: print(UptimeDocument.csv(uptimes), terminator: "")
            case .markdown: print(UptimeDocument.markdown(uptimes, warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
