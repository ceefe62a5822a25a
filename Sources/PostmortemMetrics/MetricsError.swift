/// Why a metric or credit could not be computed. Each case names the file or policy to fix.
public enum MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A policy file is malformed: `field` is the key path (`tiers[1].credit`), `line` its line.
    case invalidPolicy(file: String, line: Int? = nil, field: String, message: String)
    /// No shipped policy has this name and no file exists at that path.
    case unknownPolicy(name: String, known: [String])
    /// The incident has no impact window to measure.
    case noWindow(incident: String)
    /// The data files shipped with the tool (its resource bundle) cannot be found or read.
    case resourcesUnavailable(path: String, reason: String)
    /// A bill file is malformed: `line` is the row (the header is line 1).
    case invalidBill(file: String, line: Int, message: String)
    /// An accounting profile is malformed: `field` is the key path (`statuses.down`), `line` its line.
    case invalidProfile(file: String, line: Int? = nil, field: String, message: String)
    /// A policy or profile file named on the command line cannot be read (a directory, no
    /// permission, not UTF-8 text).
    case unreadableFile(file: String, reason: String)
    /// No shipped accounting profile has this name and no file exists at that path.
    case unknownProfile(name: String, known: [String])

    public var description: String {
        switch self {
        case .invalidPolicy(let file, let line, let field, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): policy field '\(field)': \(message)"
        case .unknownPolicy(let name, let known):
            return "no SLA policy named '\(name)' and no such file (shipped policies: \(known.joined(separator: ", ")))"
        case .noWindow(let incident):
            return "'\(incident)' has no impact window, so no SLA credit can be computed"
        case .resourcesUnavailable(let path, let reason):
            return "\(path): cannot read the SLA policies shipped with postmortem (\(reason)); install the executable together with its resource bundle"
        case .invalidBill(let file, let line, let message):
            return line > 0 ? "\(file):\(line): bill: \(message)" : "\(file): bill: \(message)"
        case .invalidProfile(let file, let line, let field, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): profile field '\(field)': \(message)"
        case .unreadableFile(let file, let reason):
            return "\(file): cannot read the file: \(reason)."
        case .unknownProfile(let name, let known):
            return "no accounting profile named '\(name)' and no such file (shipped profiles: \(known.joined(separator: ", ")))"
        }
    }
}
