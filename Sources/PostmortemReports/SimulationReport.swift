import PostmortemMetrics
import PostmortemTimeline

/// The report files for one simulation run: Markdown with the figures table and chart, JSON,
/// the sampled series and the figures as CSV, and an SVG of the simulated curves with the
/// published points overlaid, and the HTML page that holds all of it.
public enum SimulationReport {
    /// The file-name stem of a run's report: `ebs-2011-seed1`.
    public static func stem(_ summary: SimulationSummary) -> String {
        "\(summary.scenario)-seed\(summary.seed)"
    }

    /// Every file of the run's report, in a fixed order.
    public static func files(_ summary: SimulationSummary) -> [(name: String, contents: String)] {
        let stem = stem(summary)
        let chart = RecoveryChart.svg(title: "Simulated vs published: \(summary.scenario) (seed \(summary.seed))", curves: summary.curves)
        var markdown = summary.markdown
        if chart != nil {
            markdown += "\n## Curves\n\nSimulated lines; published figures as dashed lines with points.\n\n![Simulated and published curves](\(stem)-curves.svg)\n"
        }
        var files: [(name: String, contents: String)] = [
            ("\(stem).md", markdown),
            ("\(stem).json", summary.json.serialized()),
            ("\(stem)-series.csv", summary.seriesTable.serialized()),
            ("\(stem)-figures.csv", summary.figuresTable.serialized()),
        ]
        if let chart { files.append(("\(stem)-curves.svg", chart)) }
        files.append(("\(stem).html", summary.html(chart: chart, siblings: files.map(\.name))))
        return files
    }
}
