import Yams

/// A data file users edit (a policy, a profile, a reports manifest), parsed once into its YAML tree so that every
/// failure names the file, the line and the key path (`tiers[1].credit`): a malformed document,
/// a value of the wrong type, a key the format does not have (a misspelt optional key would
/// otherwise be dropped without a word), and the checks the type makes after decoding.
public struct YAMLDataFile<Failure: Error> {
    /// Makes the caller's error from the key path, the line (when known) and a message.
    public typealias Invalid = (_ field: String, _ line: Int?, _ message: String) -> Failure

    let root: Node
    let invalid: Invalid

    /// Parses `yaml`.
    /// - Throws: the error `invalid` makes, at the line where the YAML stops being valid, or for
    ///   a document that holds nothing.
    public init(yaml: String, invalid: @escaping Invalid) throws(Failure) {
        self.invalid = invalid
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw invalid("(document)", Self.line(of: error), "not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw invalid("(document)", nil, "not valid YAML: \(error)")
        }
        guard let node, node.null == nil else {
            throw invalid("(document)", nil, "the file holds no YAML document (it is empty)")
        }
        guard node.mapping != nil else {
            throw invalid("(document)", node.mark?.line, "is not a mapping of keys ('key: value' lines)")
        }
        root = node
    }

    /// The document decoded as `Value`, every key of it known to `Value`.
    /// - Throws: the error `invalid` makes, naming the field and its line.
    public func decode<Value: Codable>(_ type: Value.Type) throws(Failure) -> Value {
        let value: Value
        do {
            value = try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            let (field, message) = error.fieldAndMessage
            throw invalid(field, line(of: field), message)
        } catch {
            throw invalid("(document)", nil, "\(error)")
        }
        // The keys `Value` knows are those it writes back; a key given with a value that it does
        // not write back is one it does not have.
        if let known = try? Yams.compose(yaml: YAMLEncoder().encode(value)),
            let (field, node, siblings) = Self.unknownKey(in: root, known: known, at: "")
        {
            let name = field.split(separator: ".").last.map(String.init) ?? field
            // The type's fields beside it, also those this file leaves out (nil, so not written back).
            let parent = Array(Self.parts(of: field).dropLast())
            let candidates = siblings + Self.fieldNames(of: value, at: parent).filter { !siblings.contains($0) }
            let near = candidates.min { Self.editDistance(name, $0) < Self.editDistance(name, $1) }.flatMap { Self.editDistance(name, $0) <= 2 ? $0 : nil }
            throw invalid(field, node.mark?.line, "is not a key of this file" + (near.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        return value
    }

    /// The line of the key or item `field` names (`tiers[1].credit`), or of the nearest part of
    /// it the document has (a missing key: its mapping).
    public func line(of field: String) -> Int? {
        var node = root
        var line = root.mark?.line
        for part in Self.parts(of: field) {
            switch part {
            case .key(let key):
                guard let pair = node.mapping?.first(where: { $0.key.string == key }) else { return line }
                line = pair.key.mark?.line ?? line
                node = pair.value
            case .index(let index):
                guard let items = node.sequence, items.indices.contains(index) else { return line }
                node = items[index]
                line = node.mark?.line ?? line
            }
        }
        return line
    }

    enum Part: Equatable {
        case key(String)
        case index(Int)
    }

    /// `tiers[1].credit` as its parts; `(document)` has none.
    static func parts(of field: String) -> [Part] {
        guard field != "(document)" else { return [] }
        var parts: [Part] = []
        for piece in field.split(separator: ".") {
            var rest = Substring(piece)
            if let open = rest.firstIndex(of: "[") {
                if open > rest.startIndex { parts.append(.key(String(rest[..<open]))) }
                rest = rest[open...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { parts.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                parts.append(.key(String(rest)))
            }
        }
        return parts
    }

    /// The first key, in document order, of `given` that `known` lacks at the same place, with the
    /// keys `known` has there. A key whose value is null is no key (the type writes no nil back).
    static func unknownKey(in given: Node, known: Node, at path: String) -> (field: String, key: Node, siblings: [String])? {
        if let pairs = given.mapping {
            let knownPairs = known.mapping
            for (key, value) in pairs where value.null == nil {
                let name = key.string ?? "\(key)"
                let field = path.isEmpty ? name : path + "." + name
                guard let match = knownPairs?.first(where: { $0.key.string == name }) else {
                    return (field, key, knownPairs?.compactMap(\.key.string) ?? [])
                }
                if let found = unknownKey(in: value, known: match.value, at: field) { return found }
            }
        } else if let items = given.sequence, let knownItems = known.sequence {
            for (index, item) in items.enumerated() where knownItems.indices.contains(index) {
                if let found = unknownKey(in: item, known: knownItems[index], at: path + "[\(index)]") { return found }
            }
        }
        return nil
    }

    /// The stored properties of the struct at `path` inside `value` (with synthesized `Codable`,
    /// its keys), nil optionals included.
    static func fieldNames(of value: Any, at path: [Part]) -> [String] {
        func unwrapped(_ mirror: Mirror) -> Mirror {
            guard mirror.displayStyle == .optional, let some = mirror.children.first else { return mirror }
            return Mirror(reflecting: some.value)
        }
        var mirror = unwrapped(Mirror(reflecting: value))
        for part in path {
            let child: Any?
            switch part {
            case .key(let key): child = mirror.children.first { $0.label == key }?.value
            case .index(let index): child = mirror.children.dropFirst(index).first?.value
            }
            guard let child else { return [] }
            mirror = unwrapped(Mirror(reflecting: child))
        }
        guard mirror.displayStyle == .struct else { return [] }
        return mirror.children.compactMap(\.label)
    }

    /// Levenshtein distance, for the key a misspelt one was meant to be.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// The line libyaml stopped at.
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    /// libyaml's problem in one line, without the quoted source it appends.
    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context.map { "\($0.text) (line \($0.mark.line))" }, problem].compactMap { $0 }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key '\(duplicates.joined(separator: "', '"))' is given twice"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
    }
}

extension YAMLDataFile where Failure == MetricsError {
    /// Runs the type's own checks, giving the line of the field a failure names.
    func checking(_ check: () throws(MetricsError) -> Void) throws(MetricsError) {
        do {
            try check()
        } catch {
            throw error.locating { line(of: $0) }
        }
    }
}

extension MetricsError {
    /// A data-file error with no line, given the line of its field.
    func locating(_ line: (String) -> Int?) -> MetricsError {
        switch self {
        case .invalidPolicy(let file, nil, let field, let message):
            return .invalidPolicy(file: file, line: line(field), field: field, message: message)
        case .invalidProfile(let file, nil, let field, let message):
            return .invalidProfile(file: file, line: line(field), field: field, message: message)
        default:
            return self
        }
    }
}
