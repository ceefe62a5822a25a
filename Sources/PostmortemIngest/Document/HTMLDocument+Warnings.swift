import PostmortemTimeline

extension HTMLDocument {
    /// The warning every parser adds when libxml2 stopped before the end of the file, so a
    /// page cut short by a parser limit never passes for a complete one.
    public func stopWarnings(file: String) -> [ParseWarning] {
        guard let stop else { return [] }
        return [ParseWarning(location: SourceLocation(file: file, line: stop.line), message: stop.reason)]
    }
}
