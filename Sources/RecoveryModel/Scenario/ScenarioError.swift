/// Why a scenario could not be loaded or run. Each case names the file and the key path
/// (`cluster.spareCapacityFraction`, `figures[2].published`) so the user can fix it.
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The text is not YAML, or not a mapping at the top.
    case malformed(file: String, line: Int?, message: String)
    /// A required key is absent.
    case missingKey(file: String, key: String)
    /// A key the model does not know (a typo, or a `--set` for another model).
    case unknownKey(file: String, line: Int?, key: String)
    /// A key holds a value of the wrong kind or out of range.
    case invalidValue(file: String, line: Int?, key: String, message: String)

    public var file: String {
        switch self {
        case .unreadable(let file, _), .malformed(let file, _, _), .missingKey(let file, _),
            .unknownKey(let file, _, _), .invalidValue(let file, _, _, _):
            return file
        }
    }

    /// The line in the file, when the error comes from one (not from `--set`).
    public var line: Int? {
        switch self {
        case .malformed(_, let line, _), .unknownKey(_, let line, _), .invalidValue(_, let line, _, _):
            return line
        case .unreadable, .missingKey:
            return nil
        }
    }

    /// The key path the error is about, when there is one.
    public var key: String? {
        switch self {
        case .missingKey(_, let key), .unknownKey(_, _, let key), .invalidValue(_, _, let key, _):
            return key
        case .unreadable, .malformed:
            return nil
        }
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        switch self {
        case .unreadable(_, let reason):
            return "\(place): cannot read the scenario: \(reason)."
        case .malformed(_, _, let message):
            return "\(place): not a scenario: \(message)."
        case .missingKey(_, let key):
            return "\(place): missing key '\(key)'."
        case .unknownKey(_, _, let key):
            return "\(place): unknown key '\(key)'."
        case .invalidValue(_, _, let key, let message):
            return "\(place): invalid value for '\(key)': \(message)."
        }
    }
}
