import ArgumentParser
import PostmortemPipeline
import PostmortemReports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Regenerate the reports in a folder's manifest and fail if any differ from the kept files.")

    @Argument(help: "The reports folder holding manifest.yaml.") var folder = "Reports"
    @Option(help: "Also write a JUnit XML result, one test case per report.") var junit: String?

    func run() throws {
        do {
            let check = try DriftCheck(folder: folder)
            if let junit { try OutputFile.write(check.junit(), to: junit) }
            for result in check.results {
                if let failure = result.failure {
                    ExitStatus.printError("postmortem: \(folder)/\(result.name): cannot regenerate: \(failure)")
                    Annotations.annotate(file: "\(folder)/manifest.yaml", line: nil, message: "\(result.name): \(failure)")
                } else if result.drifted.isEmpty {
                    print("ok      \(result.name)")
                } else {
                    print("DRIFT   \(result.name)")
                    for drift in result.drifted {
                        print(drift.diff, terminator: "")
                        Annotations.annotate(file: drift.path, line: nil, message: "report drifted from its sources; run `postmortem report --update`")
                    }
                }
            }
            let failed = check.results.filter { !$0.passed }.count
            print("\(check.results.count - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitStatus.drift }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
