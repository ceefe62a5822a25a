/// Why a manifest or a report run could not be carried out.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The manifest file is malformed; `field` is the key path, `line` its line.
    case invalidManifest(file: String, line: Int? = nil, field: String, message: String)
    /// The manifest file cannot be read (missing, a directory, not UTF-8).
    case unreadableManifest(file: String, reason: String)
    /// An input was warned about and `strict` was asked for.
    case strict(file: String, count: Int, first: String)
    /// `--merge` was given inputs that are not one incident (far apart in time, other services).
    case mergeRefused(file: String, reasons: [String])

    public var description: String {
        switch self {
        case .invalidManifest(let file, let line, let field, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): manifest field '\(field)': \(message)"
        case .unreadableManifest(let file, let reason):
            return "\(file): cannot read the reports manifest: \(reason)."
        case .strict(let file, let count, let first):
            return "\(file): \(count) warning(s) and --strict was given; first: \(first)"
        case .mergeRefused(let file, let reasons):
            return "\(file): refusing to --merge inputs that are not one incident: \(reasons.joined(separator: "; ")); give --force to merge them anyway"
        }
    }
}
