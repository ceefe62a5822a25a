import ArgumentParser
import PostmortemMetrics
import PostmortemPipeline
import PostmortemReports

struct CreditsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credits",
        abstract: "SLA credits owed per incident and per measurement period, under contract terms kept as data.")

    @OptionGroup var input: InputOptions
    @OptionGroup var credit: CreditOptions
    @Option(help: "json, csv or markdown.") var format: OutputFormat = .json
    @Option(help: "With --format csv: the incidents table or the periods table.") var table: CreditTable = .incidents
    @Flag(help: "Write one Markdown claim per period that owes a credit into --output-dir.") var claim = false
    @Option(help: "The folder for --claim.") var outputDir: String?
    @Flag(help: "List the shipped SLA policies and exit.") var listPolicies = false

    mutating func validate() throws {
        if listPolicies { return }
        if input.inputs.isEmpty { throw ValidationError("give at least one input, or --list-policies") }
        if claim, outputDir == nil { throw ValidationError("--claim needs --output-dir") }
        if !claim, outputDir != nil { throw ValidationError("--output-dir is for --claim") }
    }

    func run() throws {
        do {
            if listPolicies {
                for policy in try PolicyLibrary.shipped() {
                    let range = policy.effectiveFrom + " to " + (policy.effectiveUntil ?? "now")
                    print("\(policy.id)\t\(policy.name)\t\(range)")
                }
                return
            }
            let (incidents, readWarnings) = try input.load()
            let request = try input.request(credit: credit)
            let ledger = try ReportPipeline.creditLedger(incidents, request: request)
            ledger.notes.forEach { ExitStatus.printError("postmortem: note: \($0)") }
            input.report(ledger.warnings)
            let warnings = readWarnings + ledger.warnings
            if claim, let outputDir {
                let files = CreditClaim.files(ledger.periods)
                try OutputFile.writeAll(files, into: outputDir)
                ExitStatus.printError("postmortem: wrote \(files.count) claim(s) into \(outputDir)")
                return
            }
            switch format {
            case .json: print(CreditDocument.json(ledger.incidents, periods: ledger.periods, warnings: warnings), terminator: "")
            case .csv where table == .periods: print(CreditDocument.periodsCSV(ledger.periods), terminator: "")
            case .csv: print(CreditDocument.csv(ledger.incidents), terminator: "")
            case .markdown: print(CreditDocument.markdown(ledger.incidents, periods: ledger.periods, warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}

/// The table `credits --format csv` prints.
enum CreditTable: String, ExpressibleByArgument, CaseIterable {
    case incidents
    case periods
}
