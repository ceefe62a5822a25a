import PostmortemTimeline

extension HTMLDocument {
    /// The warning every parser adds when libxml2 stopped before the end of the file, so a
    /// page cut short by a parser limit never passes for a complete one.
    public func stopWarnings(file: String) -> [ParseWarning] {
        guard let stop else { return [] }
        return [ParseWarning(location: SourceLocation(file: file, line: stop.line), message: stop.reason)]
    }

    /// The error for a document that yielded no timeline: where libxml2 stopped, when it stopped
    /// early (the likely reason nothing was found), else `noTimeline` with what was expected.
    public func noTimeline(file: String, expected: String) -> IngestError {
        guard let stop else { return .noTimeline(file: file, expected: expected) }
        return .malformed(location: SourceLocation(file: file, line: stop.line), message: stop.reason)
    }
}
