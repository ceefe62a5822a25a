/// Why a manifest or a report run could not be carried out.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The manifest file is missing or malformed; `field` is the key path.
    case invalidManifest(file: String, field: String, message: String)
    /// An input was warned about and `strict` was asked for.
    case strict(file: String, count: Int, first: String)
    /// `--merge` was given inputs that are not one incident (far apart in time, other services).
    case mergeRefused(file: String, reasons: [String])

    public var description: String {
        switch self {
        case .invalidManifest(let file, let field, let message):
            return "\(file): manifest field '\(field)': \(message)"
        case .strict(let file, let count, let first):
            return "\(file): \(count) warning(s) and --strict was given; first: \(first)"
        case .mergeRefused(let file, let reasons):
            return "\(file): refusing to --merge inputs that are not one incident: \(reasons.joined(separator: "; ")); give --force to merge them anyway"
        }
    }
}
