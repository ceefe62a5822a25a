/// Something a parser could not read and skipped, with its place, so nothing is dropped silently.
public struct ParseWarning: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(location): \(message)" }
}
