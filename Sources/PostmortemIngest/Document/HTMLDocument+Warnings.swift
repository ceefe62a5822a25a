import PostmortemTimeline

extension HTMLDocument {
    /// The warning every parser adds when libxml2 stopped before the end of the file, so a
    /// page cut short by a parser limit never passes for a complete one.
    public func stopWarnings(file: String) -> [ParseWarning] {
        guard let stop else { return [] }
        return [stop.warning(file: file)]
    }

    /// The error for a document that yielded no timeline: where libxml2 stopped, when it stopped
    /// early (the likely reason nothing was found), else `noTimeline` with what was expected.
    public func noTimeline(file: String, expected: String) -> IngestError {
        guard let stop else { return .noTimeline(file: file, expected: expected) }
        return stop.error(file: file)
    }
}

extension HTMLDocument.Stop {
    /// The stop as a warning on the line where reading ended.
    public func warning(file: String) -> ParseWarning {
        ParseWarning(location: SourceLocation(file: file, line: line), message: reason)
    }

    /// The stop as the error for a document in which nothing was found before it.
    public func error(file: String) -> IngestError {
        .malformed(location: SourceLocation(file: file, line: line), message: reason)
    }
}
