import ArgumentParser
import PostmortemPipeline

/// The `postmortem` command line: argument parsing and exit codes only; the work is in the libraries.
@main
struct Postmortem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Turn public incident material into timelines, metrics, SLA credits and reports.",
        version: ToolVersion.current,
        subcommands: [
            TimelineCommand.self, MetricsCommand.self, CreditsCommand.self, UptimeCommand.self, ReportCommand.self, CheckCommand.self, MergeCommand.self, CorpusCommand.self, ArchiveCommand.self, Simulate.self, Calibrate.self, SweepCommand.self, ValidateCommand.self, VulnerabilityCommand.self,
        ]
    )
}
