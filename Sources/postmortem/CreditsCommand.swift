import ArgumentParser
import PostmortemMetrics
import PostmortemPipeline
import PostmortemReports

struct CreditsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credits", abstract: "SLA credits owed for each incident under contract terms kept as data.")

    @OptionGroup var input: InputOptions
    @OptionGroup var credit: CreditOptions
    @Option(help: "json, csv or markdown.") var format: OutputFormat = .json
    @Flag(help: "List the shipped SLA policies and exit.") var listPolicies = false

    mutating func validate() throws {
        if listPolicies { return }
        if input.inputs.isEmpty, input.db == nil { throw ValidationError("give at least one input, --db FILE, or --list-policies") }
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
            let (incidents, warnings) = try input.load()
            let request = try input.request(credit: credit)
            var all: [CreditAssessment] = []
            for incident in incidents {
                let (credits, notes) = try ReportPipeline.credits(for: incident, metrics: IncidentMetrics(incident: incident), request: request)
                notes.forEach { ExitStatus.printError("postmortem: note: \($0)") }
                all += credits
            }
            switch format {
            case .json: print(CreditDocument.json(all, warnings: warnings), terminator: "")
            case .csv: print(CreditDocument.csv(all), terminator: "")
            case .markdown: print(CreditDocument.markdown(all, warnings: warnings), terminator: "")
            }
        } catch {
            throw ExitStatus.report(error)
        }
    }
}
