import PostmortemMetrics
/// Fits a scenario's `calibrated` parameters so that its runs land on its `fit` figures.
///
/// Coordinate search: for each key in turn, try the value scaled by each factor and keep a change
/// only when the loss (squared distance from each fit figure in units of its tolerance, summed
/// over figures and seeds) goes down. Only `fit` figures count: `predicted` ones are never seen,
/// so agreement there is evidence, and `echo` ones restate inputs. The model still never reads
/// the figures: the calibrator runs it as a black box and compares afterwards, like `Engine`.
public struct Calibrator: Sendable {
    public var keys: [String]
    public var seeds: [UInt64]
    public var rounds: Int
    public var factors: [Double]
    /// Fit figures left out of the loss (leave-one-out validation).
    public var excluded: Set<String>

    public init(keys: [String], seeds: [UInt64], rounds: Int = 2, factors: [Double] = [0.8, 0.9, 0.95, 1.05, 1.1, 1.25],
                excluded: Set<String> = []) {
        self.keys = keys
        self.seeds = seeds
        self.rounds = rounds
        self.factors = factors
        self.excluded = excluded
    }

    /// The calibrator a scenario declares: its `calibrated` keys on its `calibration.seeds`.
    /// - Throws: `ScenarioError.missingKey` for `calibration.seeds` when the scenario has calibrated keys but no seeds.
    public init(declaredBy scenario: Scenario, rounds: Int = 2, excluded: Set<String> = []) throws(ScenarioError) {
        guard !scenario.calibrationSeeds.isEmpty || scenario.calibratedKeys.isEmpty else {
            throw .missingKey(file: scenario.file, key: "calibration.seeds")
        }
        self.init(keys: scenario.calibratedKeys, seeds: scenario.calibrationSeeds, rounds: rounds, excluded: excluded)
    }

    /// Whether a figure of the run counts in the loss.
    func counts(_ figure: FigureComparison) -> Bool {
        figure.role == FigureRole.fit.rawValue && !excluded.contains(figure.name)
    }

    /// The result: the calibrated values in key order and the loss before and after.
    public struct Outcome: Sendable, Equatable {
        public var values: [Scenario.Entry]
        public var initialLoss: Double
        public var finalLoss: Double
    }

    /// The loss of a scenario over the seeds. A figure the run cannot compute counts as far off.
    public func loss(of scenario: Scenario) throws(ScenarioError) -> Double {
        var total = 0.0
        for seed in seeds {
            for figure in try Engine.run(scenario, seed: seed).figures where counts(figure) {
                let scale = max(figure.tolerance, 1e-6)
                let distance = figure.computed.isFinite ? (figure.computed - figure.published) / scale : 100
                total += distance * distance
            }
        }
        return total
    }

    public func calibrate(_ scenario: Scenario) throws(ScenarioError) -> Outcome {
        for key in keys where scenario.value(key).flatMap(Double.init) == nil {
            throw .invalidValue(file: scenario.file, line: nil, key: key, message: "only numeric keys can be calibrated")
        }
        var current = scenario
        let initial = try loss(of: current)
        var best = initial
        for _ in 0..<rounds {
            for key in keys {
                guard let text = current.value(key), let value = Double(text) else { continue }
                // A whole-number key (a round's length in seconds) stays whole.
                let whole = Int(text) != nil
                for factor in factors {
                    let scaled = whole ? (value * factor).rounded() : value * factor
                    guard scaled != value else { continue }
                    let candidate = try current.applying(overrides: [(key, Calibrator.format(scaled))])
                    // A value the model rejects (out of range, not whole) is simply not a candidate.
                    guard let candidateLoss = try? loss(of: candidate) else { continue }
                    if candidateLoss < best {
                        best = candidateLoss
                        current = candidate
                        break
                    }
                }
            }
        }
        let values = keys.compactMap { key in current.parameters.first { $0.key == key } }
        return Outcome(values: values, initialLoss: initial, finalLoss: best)
    }

    /// A short decimal for YAML: six significant digits, no exponent.
    public static func format(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        var digits = 6
        var magnitude = abs(value)
        while magnitude >= 1, digits > 0 {
            magnitude /= 10
            digits -= 1
        }
        var decimals = digits
        magnitude = abs(value)
        while magnitude < 1, decimals < 15 {
            magnitude *= 10
            decimals += 1
        }
        var text = String(Int64((abs(value) * pow10(decimals)).rounded()))
        if decimals > 0 {
            while text.count <= decimals { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (value < 0 ? "-" : "") + text
    }

    static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// The scenario file's text with each calibrated key's value replaced on its own line,
    /// keeping comments and layout.
    public static func rewrite(_ text: String, original: Scenario, values: [Scenario.Entry]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for value in values {
            guard let entry = original.parameters.first(where: { $0.key == value.key }), let line = entry.line,
                  line >= 1, line <= lines.count else { continue }
            let leaf = String(value.key.split(separator: ".").last ?? "")
            let current = lines[line - 1]
            if let colon = current.range(of: "value:") {
                // `{value: 0.005, source: calibrated}` or a block `value: 0.005`: replace up to the next `,` or `}`.
                let rest = current[colon.upperBound...]
                let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? current.endIndex
                lines[line - 1] = String(current[..<colon.upperBound]) + " " + value.value + String(current[end...])
                continue
            }
            guard let colon = current.range(of: leaf + ":") else { continue }
            lines[line - 1] = String(current[..<colon.upperBound]) + " " + value.value
        }
        return lines.joined(separator: "\n")
    }
}
