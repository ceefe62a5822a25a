import Foundation
import PostmortemTimeline
import Yams

/// A simulation scenario read from YAML: the model to run, its parameters (flattened to dotted
/// keys such as `cluster.spareCapacityFraction`, in file order) and the published figures.
public struct Scenario: Sendable, Equatable {
    /// Where the scenario came from, for error messages.
    public var file: String
    public var name: String
    /// `ebs-cluster` or `gossip`.
    public var model: String
    public var description: String
    /// Parameters in file order.
    public var parameters: [Entry]
    public var figures: [PublishedFigure]
    /// The seeds `calibrate` fits on (`calibration.seeds`); validation uses other seeds.
    public var calibrationSeeds: [UInt64] = []

    /// One flattened parameter; `line` is `nil` for a value set with `--set`.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int?
        /// Where the value comes from, when the file says (`{value: 30, source: assumed, reason: ...}`).
        public var provenance: Provenance?
        /// Whether the value was replaced with `--set` (or by the calibrator) after loading.
        public var overridden = false

        public init(key: String, value: String, line: Int?, provenance: Provenance? = nil) {
            self.key = key
            self.value = value
            self.line = line
            self.provenance = provenance
        }
    }

    /// The keys whose values are `calibrated`, in file order.
    public var calibratedKeys: [String] {
        parameters.filter { $0.provenance?.source == .calibrated }.map(\.key)
    }

    /// Reads a scenario file, naming it `name` (default: `path`) in errors.
    public static func load(path: String, named name: String? = nil) throws(ScenarioError) -> Scenario {
        let file = name ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: file, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(file: file, reason: "it is a directory") }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(file: file, reason: "not readable UTF-8 text")
        }
        return try parse(text, file: file)
    }

    /// Parses scenario YAML.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .malformed(file: file, line: nil, message: "\(error)")
        }
        guard let root, let top = root.mapping else {
            throw .malformed(file: file, line: nil, message: "the top level must be a mapping")
        }
        var scenario = Scenario(file: file, name: "", model: "", description: "", parameters: [], figures: [])
        var sawName = false
        var sawModel = false
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                scenario.name = try scalar(value, key: key, file: file)
                sawName = true
            case "model":
                scenario.model = try scalar(value, key: key, file: file)
                sawModel = true
            case "description":
                scenario.description = try scalar(value, key: key, file: file)
            case "figures":
                scenario.figures = try figures(value, file: file)
            case "calibration":
                scenario.calibrationSeeds = try calibrationSeeds(value, file: file)
            default:
                try flatten(value, prefix: key, file: file, into: &scenario.parameters)
            }
        }
        guard sawName else { throw .missingKey(file: file, key: "name") }
        guard sawModel else { throw .missingKey(file: file, key: "model") }
        return scenario
    }

    /// The scenario with `--set key=value` overrides applied. Only existing keys may be set.
    public func applying(overrides: [(key: String, value: String)]) throws(ScenarioError) -> Scenario {
        var copy = self
        for (key, value) in overrides {
            guard let index = copy.parameters.firstIndex(where: { $0.key == key }) else {
                throw .unknownKey(file: file, line: nil, key: key)
            }
            copy.parameters[index].value = value
            copy.parameters[index].line = nil
            copy.parameters[index].overridden = true
        }
        return copy
    }

    /// The raw value for a key.
    public func value(_ key: String) -> String? {
        parameters.first { $0.key == key }?.value
    }

    static func scalar(_ node: Node, key: String, file: String) throws(ScenarioError) -> String {
        guard let text = node.scalar?.string else {
            throw .invalidValue(file: file, line: node.mark.map { $0.line }, key: key, message: "expected a single value")
        }
        return text
    }

    static func flatten(_ node: Node, prefix: String, file: String, into entries: inout [Entry]) throws(ScenarioError) {
        if let mapping = node.mapping, mapping.keys.contains(where: { $0.string == "value" }) {
            entries.append(try annotated(mapping, key: prefix, line: node.mark.map { $0.line }, file: file))
        } else if let mapping = node.mapping {
            for (keyNode, value) in mapping {
                let key = prefix + "." + (keyNode.string ?? "")
                try flatten(value, prefix: key, file: file, into: &entries)
            }
        } else if let scalar = node.scalar {
            entries.append(Entry(key: prefix, value: scalar.string, line: node.mark.map { $0.line }))
        } else {
            throw .invalidValue(file: file, line: node.mark.map { $0.line }, key: prefix,
                                message: "lists are only allowed under 'figures'")
        }
    }

    /// A parameter written with its provenance: `{value: 30, source: assumed, reason: "..."}`.
    static func annotated(_ mapping: Node.Mapping, key: String, line: Int?, file: String) throws(ScenarioError) -> Entry {
        var fields: [String: (text: String, line: Int?)] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            guard ["value", "source", "quote", "citation", "reason"].contains(name) else {
                throw .unknownKey(file: file, line: keyNode.mark.map { $0.line }, key: key + "." + name)
            }
            fields[name] = (try scalar(value, key: key + "." + name, file: file), value.mark.map { $0.line })
        }
        guard let value = fields["value"] else { throw .missingKey(file: file, key: key + ".value") }
        guard let sourceField = fields["source"] else { throw .missingKey(file: file, key: key + ".source") }
        guard let source = Provenance.Source(rawValue: sourceField.text) else {
            let names = Provenance.Source.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(file: file, line: sourceField.line, key: key + ".source",
                                message: "'\(sourceField.text)' is not one of \(names)")
        }
        var note = ""
        if let noteKey = source.noteKey {
            guard let field = fields[noteKey], !field.text.isEmpty else {
                throw .missingKey(file: file, key: key + "." + noteKey)
            }
            note = field.text
        } else {
            note = fields["reason"]?.text ?? ""
        }
        for other in ["quote", "citation", "reason"] where other != source.noteKey && fields[other] != nil
            && !(source == .calibrated && other == "reason") {
            throw .invalidValue(file: file, line: fields[other]?.line, key: key + "." + other,
                                message: "a \(source.rawValue) value takes \(source.noteKey.map { "a \($0)" } ?? "at most a reason"), not a \(other)")
        }
        return Entry(key: key, value: value.text, line: value.line ?? line, provenance: Provenance(source: source, note: note))
    }

    /// `calibration: {seeds: 1,7}`.
    static func calibrationSeeds(_ node: Node, file: String) throws(ScenarioError) -> [UInt64] {
        guard let mapping = node.mapping, mapping.count == 1, let seedsNode = node["seeds"] else {
            throw .invalidValue(file: file, line: node.mark.map { $0.line }, key: "calibration", message: "expected a mapping with only 'seeds'")
        }
        let text = try scalar(seedsNode, key: "calibration.seeds", file: file)
        var seeds: [UInt64] = []
        for part in text.split(separator: ",") {
            guard let seed = UInt64(part.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidValue(file: file, line: seedsNode.mark.map { $0.line }, key: "calibration.seeds",
                                    message: "'\(text)' is not a list of seeds such as 1,7")
            }
            seeds.append(seed)
        }
        guard !seeds.isEmpty else {
            throw .invalidValue(file: file, line: seedsNode.mark.map { $0.line }, key: "calibration.seeds", message: "no seeds given")
        }
        return seeds
    }

    static func figures(_ node: Node, file: String) throws(ScenarioError) -> [PublishedFigure] {
        guard let items = node.sequence else {
            throw .invalidValue(file: file, line: node.mark.map { $0.line }, key: "figures", message: "expected a list")
        }
        var result: [PublishedFigure] = []
        for (index, item) in items.enumerated() {
            let path = "figures[\(index)]"
            guard let mapping = item.mapping else {
                throw .invalidValue(file: file, line: item.mark.map { $0.line }, key: path, message: "expected a mapping")
            }
            var fields: [String: (String, Int?)] = [:]
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard ["name", "published", "tolerance", "unit", "source", "measure", "series", "at", "role", "precision"].contains(key) else {
                    throw .unknownKey(file: file, line: keyNode.mark.map { $0.line }, key: path + "." + key)
                }
                fields[key] = (try scalar(value, key: path + "." + key, file: file), value.mark.map { $0.line })
            }
            func required(_ key: String) throws(ScenarioError) -> (String, Int?) {
                guard let field = fields[key] else { throw .missingKey(file: file, key: path + "." + key) }
                return field
            }
            func number(_ key: String) throws(ScenarioError) -> Double {
                let (text, line) = try required(key)
                guard let value = Double(text), value.isFinite else {
                    throw .invalidValue(file: file, line: line, key: path + "." + key, message: "'\(text)' is not a number")
                }
                return value
            }
            var at: Instant?
            if let (text, line) = fields["at"] {
                guard let instant = Instant(iso8601: text) else {
                    throw .invalidValue(file: file, line: line, key: path + ".at", message: "'\(text)' is not an ISO 8601 instant")
                }
                at = instant
            }
            let (measureText, measureLine) = try required("measure")
            guard let measure = PublishedFigure.Measure(rawValue: measureText) else {
                throw .invalidValue(file: file, line: measureLine, key: path + ".measure",
                                    message: "'\(measureText)' is not one of at, peak, final, metric")
            }
            if measure == .at, at == nil { throw .missingKey(file: file, key: path + ".at") }
            if measure != .metric, fields["series"] == nil { throw .missingKey(file: file, key: path + ".series") }
            var figure = PublishedFigure(
                name: try required("name").0, value: try number("published"), tolerance: try number("tolerance"),
                unit: fields["unit"]?.0 ?? "percent", source: try required("source").0,
                measure: measure, series: fields["series"]?.0, at: at)
            if let (text, line) = fields["role"] {
                guard let role = FigureRole(rawValue: text) else {
                    throw .invalidValue(file: file, line: line, key: path + ".role", message: "'\(text)' is not one of fit, predicted, echo")
                }
                figure.role = role
            }
            figure.precision = fields["precision"]?.0
            result.append(figure)
        }
        return result
    }
}
