import PostmortemMetrics
import PostmortemTimeline

/// What `report` writes into one folder: every incident's and every simulation run's files,
/// then one `index.html` listing their pages (and any provider archive pages).
public struct ReportFolder: Sendable {
    public var incidents: [IncidentReport]
    public var simulations: [SimulationSummary]
    public var archives: [ProviderArchive]

    public init(incidents: [IncidentReport] = [], simulations: [SimulationSummary] = [], archives: [ProviderArchive] = []) {
        self.incidents = incidents
        self.simulations = simulations
        self.archives = archives
    }

    /// Every file, named and rendered, in a fixed order, `index.html` last.
    public func files() -> [(name: String, contents: String)] {
        var files: [(name: String, contents: String)] = []
        var entries: [ReportIndex.Entry] = []
        for report in incidents {
            files += report.files()
            entries.append(report.indexEntry)
        }
        for summary in simulations {
            files += SimulationReport.files(summary)
            entries.append(SimulationReport.indexEntry(summary))
        }
        for archive in archives {
            files.append((archive.pageName, archive.html()))
            entries.append(archive.indexEntry)
        }
        files.append(("index.html", ReportIndex(entries: entries).html()))
        return files
    }
}
