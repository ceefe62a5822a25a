import PostmortemTimeline

/// Why an input could not be read into a timeline. Each case names the file and, when known,
/// the place in it, so the user can fix the input.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path could not be opened or read (missing, a directory, no permission).
    case unreadable(file: String, reason: String)
    /// The file has no bytes (or only white space).
    case empty(file: String)
    /// The file holds a server's error response saved in place of a capture
    /// (`{"status": 500, "error": "Internal Server Error"}`), what a scraper keeps when a download fails.
    case failedCapture(file: String, response: String)
    /// No parser recognised the content.
    case unknownFormat(file: String, tried: [String])
    /// The format was recognised but no dated event could be read.
    case noTimeline(file: String, expected: String)
    /// The content is malformed at a place.
    case malformed(location: SourceLocation, message: String)
    /// `--strict` was given and the input produced warnings.
    case strictWarnings(file: String, warnings: [ParseWarning])

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .unknownFormat(let file, _),
            .noTimeline(let file, _), .strictWarnings(let file, _), .failedCapture(let file, _):
            return file
        case .malformed(let location, _):
            return location.file
        }
    }

    /// The line, when the error has one.
    public var line: Int? {
        switch self {
        case .malformed(let location, _): return location.line
        case .strictWarnings(_, let warnings): return warnings.first?.location.line
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)."
        case .empty(let file):
            return "\(file): the file is empty; expected a status page, feed, API dump or postmortem text."
        case .failedCapture(let file, let response):
            return "\(file): the file holds a server's error response (\(response)), not a capture of a status page."
        case .unknownFormat(let file, let tried):
            return "\(file): not a format postmortem reads (tried: \(tried.joined(separator: ", ")))."
        case .noTimeline(let file, let expected):
            return "\(file): no timeline found; expected \(expected)."
        case .malformed(let location, let message):
            return "\(location): \(message)"
        case .strictWarnings(let file, let warnings):
            let first = warnings.first.map { ": first: \($0)" } ?? ""
            return "\(file): \(warnings.count) warning(s) and --strict was given\(first)"
        }
    }
}
