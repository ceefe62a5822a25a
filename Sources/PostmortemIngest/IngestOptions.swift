import PostmortemTimeline

/// What the user told us about the inputs.
public struct IngestOptions: Sendable, Equatable {
    /// A date in or near the incident, to resolve dates written without a year.
    public var referenceDate: CivilDate?
    /// The zone to assume for times written without one.
    public var defaultZone: WrittenZone?
    /// Skip detection and read every input as this format.
    public var formatHint: SourceFormat?

    public init(referenceDate: CivilDate? = nil, defaultZone: WrittenZone? = nil, formatHint: SourceFormat? = nil) {
        self.referenceDate = referenceDate
        self.defaultZone = defaultZone
        self.formatHint = formatHint
    }
}

/// What one input yielded: its incidents and everything that was skipped.
public struct IngestResult: Sendable, Equatable {
    public var incidents: [Incident]
    public var warnings: [ParseWarning]
    public var format: SourceFormat?

    public init(incidents: [Incident] = [], warnings: [ParseWarning] = [], format: SourceFormat? = nil) {
        self.incidents = incidents
        self.warnings = warnings
        self.format = format
    }
}

/// The bytes of one input and the name to report it by.
public struct SourceInput: Sendable {
    /// The path as the user gave it.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The first `count` bytes as text (lossy), for cheap detection.
    public func head(_ count: Int = 4096) -> String {
        String(decoding: bytes.prefix(count), as: UTF8.self)
    }
}
