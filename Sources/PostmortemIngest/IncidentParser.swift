import PostmortemTimeline

/// A reader for one source format: bytes in, incidents and warnings out, nothing else.
public protocol IncidentParser: Sendable {
    /// The format this parser reads.
    static var format: SourceFormat { get }
    init()
    /// A cheap look at the content: does it look like this format?
    static func matches(_ input: SourceInput) -> Bool
    /// Reads the input.
    /// - Throws: `IngestError` naming the file and the place when nothing usable can be read.
    func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult
}
