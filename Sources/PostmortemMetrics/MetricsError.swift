/// Why a metric or credit could not be computed. Each case names the file or policy to fix.
public enum MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A policy file is malformed: `field` is the key path (`tiers[1].credit`).
    case invalidPolicy(file: String, field: String, message: String)
    /// No shipped policy has this name and no file exists at that path.
    case unknownPolicy(name: String, known: [String])
    /// The incident has no impact window to measure.
    case noWindow(incident: String)
    /// The data files shipped with the tool (its resource bundle) cannot be found or read.
    case resourcesUnavailable(path: String, reason: String)
    /// A bill file is malformed: `line` is the row (0 when the file itself cannot be read).
    case invalidBill(file: String, line: Int, message: String)
    /// An accounting profile is malformed: `field` is the key path (`statuses.down`).
    case invalidProfile(file: String, field: String, message: String)
    /// No shipped accounting profile has this name and no file exists at that path.
    case unknownProfile(name: String, known: [String])

    public var description: String {
        switch self {
        case .invalidPolicy(let file, let field, let message):
            return "\(file): policy field '\(field)': \(message)"
        case .unknownPolicy(let name, let known):
            return "no SLA policy named '\(name)' and no such file (shipped policies: \(known.joined(separator: ", ")))"
        case .noWindow(let incident):
            return "'\(incident)' has no impact window, so no SLA credit can be computed"
        case .resourcesUnavailable(let path, let reason):
            return "\(path): cannot read the SLA policies shipped with postmortem (\(reason)); install the executable together with its resource bundle"
        case .invalidBill(let file, let line, let message):
            return line > 0 ? "\(file):\(line): bill row \(message)" : "\(file): bill \(message)"
        case .invalidProfile(let file, let field, let message):
            return "\(file): profile field '\(field)': \(message)"
        case .unknownProfile(let name, let known):
            return "no accounting profile named '\(name)' and no such file (shipped profiles: \(known.joined(separator: ", ")))"
        }
    }
}
