import PostmortemMetrics

extension ValidationSummary {
    /// The validation as Markdown: a plain-words statement of what is fitted and what is
    /// predicted, then one row per figure with its role, mean, spread and hits on unseen seeds.
    public var markdown: String {
        let seedText = Self.seedRange(seeds)
        var out = "# Validation: \(scenario) on seeds \(seedText)\n\n"
        let fit = figures.filter { $0.role == "fit" }
        let predicted = figures.filter { $0.role == "predicted" }
        let echo = figures.filter { $0.role == "echo" }
        out += "**In plain words.** "
        if calibrated.isEmpty {
            out += "Nothing is calibrated. "
        } else {
            out += "\(calibrated.count) parameter\(calibrated.count == 1 ? " is" : "s are") calibrated ("
            out += calibrated.map { "`\($0.key)` = \($0.value)" }.joined(separator: ", ")
            out += ") on seed\(calibrationSeeds.count == 1 ? "" : "s") \(calibrationSeeds.map(String.init).joined(separator: ", "))"
            out += " against \(fit.count) fit figure\(fit.count == 1 ? "" : "s"). "
        }
        out += "\(predicted.count) figure\(predicted.count == 1 ? " is" : "s are") predicted: calibration never saw them. "
        if !echo.isEmpty { out += "\(echo.count) echo figure\(echo.count == 1 ? " restates" : "s restate") an input and \(echo.count == 1 ? "is" : "are") not evidence. " }
        out += "None of the \(seeds.count) seeds below was used for calibration.\n\n"
        out += "| Figure | Role | Published | Tolerance | Mean | SD | Within tolerance | Leave-one-out |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---|\n"
        for figure in figures {
            out += "| \(figure.name) | \(figure.role) | \(Self.number(figure.published)) | ±\(Self.number(figure.tolerance))"
            out += " | \(Self.number(figure.mean)) | \(Self.number(figure.standardDeviation)) | \(figure.within) of \(figure.runs) | "
            if let loo = figure.leaveOneOut {
                out += "refitted without it: mean \(Self.number(loo.mean)), \(loo.within) of \(loo.runs) within"
            } else {
                out += "-"
            }
            out += " |\n"
        }
        let precisions = figures.compactMap { figure in figure.precision.map { (figure.name, $0) } }
        if !precisions.isEmpty {
            out += "\n## Tolerances\n\n"
            for (name, text) in precisions { out += "- `\(name)`: \(text)\n" }
        }
        if figures.contains(where: { $0.leaveOneOut != nil }) {
            out += "\nLeave-one-out: for each fit figure the calibrated keys were set 20% low and refitted on the "
            out += "calibration seeds without that figure; the table gives how the refitted model predicts it on the seeds above.\n"
        }
        return out
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? NumberFormat.fixed(value, decimals: 2, trimZeros: true) : "n/a"
    }

    /// `11-30` for a run of consecutive seeds, else the list.
    static func seedRange(_ seeds: [UInt64]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "" }
        if seeds.count > 2, seeds == Array(first...last) { return "\(first)-\(last)" }
        return seeds.map(String.init).joined(separator: ", ")
    }
}
