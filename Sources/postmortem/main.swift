import ArgumentParser

/// The command-line entry point. On this branch only `simulate` and `calibrate` are registered; the full root
/// command lives on `main`.
struct Postmortem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Incident timelines, metrics, reports and recovery-model simulations.",
        subcommands: [Simulate.self, Calibrate.self])
}

Postmortem.main()
