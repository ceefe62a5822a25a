import ArgumentParser
import PostmortemPipeline

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a what-if grid over a scenario: one CSV row per parameter point and seed.")

    @Argument(help: "A scenario YAML file.") var scenario: String
    @Option(help: "A parameter and its values: key=v1,v2,... or key=lo:hi:step (repeatable).") var param: [String] = []
    @Option(help: "Seeds: 1-20, or 1,7.") var seeds = "1"
    @Option(help: "Runs at once (output is the same for any number).") var jobs = 1
    @Option(help: "Run only slice K of N of the grid (e.g. 2/8); join the CSVs with `postmortem merge`.") var shard: String?
    @Flag(help: "No progress line on stderr (shown only when stderr is a terminal).") var quiet = false

    func run() throws {
        do {
            let plan = try SweepPlan(scenario: scenario, params: param, seeds: seeds)
            var runs = plan.runs
            if let shard {
                guard let slice = Shard(shard) else { throw UsageError(message: "--shard '\(shard)' is not K/N with 1 <= K <= N") }
                runs = slice.slice(runs)
            }
            guard jobs >= 1 else { throw UsageError(message: "--jobs must be at least 1") }
            print(try plan.csv(runs: runs, jobs: jobs, quiet: quiet), terminator: "")
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
