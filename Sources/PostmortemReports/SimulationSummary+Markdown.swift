import PostmortemMetrics
import PostmortemTimeline

extension SimulationSummary {
    /// A short Markdown report: the figures table and the parameters the run used.
    public var markdown: String {
        var out = "# Simulation: \(scenario) (seed \(seed))\n\n"
        let matched = figures.filter(\.withinTolerance).count
        out += "Model `\(model)`, \(eventsProcessed) events; \(matched) of \(figures.count) published figures within tolerance.\n\n"
        out += "| Figure | Published | Simulated | Tolerance | Within |\n|---|---:|---:|---:|---|\n"
        for figure in figures {
            out += "| \(figure.name) | \(NumberFormat.fixed(figure.published, decimals: 2, trimZeros: true))"
            out += " | \(NumberFormat.fixed(figure.computed, decimals: 2, trimZeros: true))"
            out += " | ±\(NumberFormat.fixed(figure.tolerance, decimals: 2, trimZeros: true))"
            out += " | \(figure.withinTolerance ? "yes" : "no") |\n"
        }
        out += "\n## Parameters\n\n| Key | Value |\n|---|---|\n"
        for parameter in parameters {
            out += "| \(parameter.key) | \(parameter.value) |\n"
        }
        return out
    }
}
