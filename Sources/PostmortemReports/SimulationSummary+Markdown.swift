import PostmortemMetrics
import PostmortemTimeline

extension SimulationSummary {
    /// A short Markdown report: what is fitted and what is predicted, in plain words, the
    /// figures table with each figure's role, and the parameters with where each comes from.
    public var markdown: String {
        var out = "# Simulation: \(scenario) (seed \(seed))\n\n"
        let scored = scoredFigures
        let matched = scored.filter(\.withinTolerance).count
        out += "Model `\(model)`, \(eventsProcessed) events; \(matched) of \(scored.count) published figures within tolerance"
        let echoes = figures.count - scored.count
        out += echoes > 0 ? " (\(echoes) echo figure\(echoes == 1 ? "" : "s") shown, not counted).\n\n" : ".\n\n"
        out += fittedAndPredicted
        out += "| Figure | Role | Published | Simulated | Tolerance | Within |\n|---|---|---:|---:|---:|---|\n"
        for figure in figures {
            out += "| \(figure.name) | \(figure.role ?? "-") | \(NumberFormat.fixed(figure.published, decimals: 2, trimZeros: true))"
            out += " | \(NumberFormat.fixed(figure.computed, decimals: 2, trimZeros: true))"
            out += " | ±\(NumberFormat.fixed(figure.tolerance, decimals: 2, trimZeros: true))"
            out += " | \(figure.role == "echo" ? "(echo)" : figure.withinTolerance ? "yes" : "no") |\n"
        }
        out += "\n## Parameters\n\n| Key | Value | Source | Quote, citation or reason |\n|---|---|---|---|\n"
        for parameter in parameters {
            let note = (parameter.note ?? "").replacingPipes
            out += "| \(parameter.key) | \(parameter.value) | \(parameter.source ?? "-") | \(note) |\n"
        }
        return out
    }

    /// The plain-words paragraph: which parameters were fitted to which figures, on which
    /// seeds, and which figures the fit never saw.
    var fittedAndPredicted: String {
        guard figures.contains(where: { $0.role != nil }) else { return "" }
        let names = { (role: String) in figures.filter { $0.role == role }.map { "`\($0.name)`" } }
        let calibrated = parameters.filter { $0.source == "calibrated" }.map { "`\($0.key)`" }
        let fit = names("fit")
        let predicted = names("predicted")
        let echo = names("echo")
        var out = "**What is fitted and what is predicted.** "
        if calibrated.isEmpty {
            out += "No parameter is calibrated: every value comes from the postmortem, public material or a stated assumption. "
        } else {
            let seeds = calibrationSeeds.map(String.init).joined(separator: ", ")
            out += "\(calibrated.count) parameter\(calibrated.count == 1 ? " was" : "s were") calibrated (\(calibrated.joined(separator: ", ")))"
            out += seeds.isEmpty ? "" : " on seed\(calibrationSeeds.count == 1 ? "" : "s") \(seeds)"
            out += " against \(fit.count) fit figure\(fit.count == 1 ? "" : "s")"
            out += fit.isEmpty ? ". " : " (\(fit.joined(separator: ", "))): agreement there shows only that the fit worked. "
        }
        if !predicted.isEmpty {
            out += "The \(predicted.count) predicted figure\(predicted.count == 1 ? " was" : "s were") never seen by calibration"
            out += " (\(predicted.joined(separator: ", "))): they come out of the mechanism. "
        }
        if !echo.isEmpty {
            out += "Echo figures restate an input such as an intervention time (\(echo.joined(separator: ", "))) and are not counted as agreement. "
        }
        if seed != 0, calibrationSeeds.contains(seed) {
            out += "This run uses a calibration seed; `postmortem validate` scores the figures on unseen seeds."
        }
        return out.trimmingTrailingSpace + "\n\n"
    }
}

extension String {
    /// The text with `|` escaped for a Markdown table cell.
    var replacingPipes: String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }

    var trimmingTrailingSpace: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
