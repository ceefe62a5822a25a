import PostmortemTimeline

/// How a store renders each merged incident for the export it keeps ready.
///
/// The archive library does not know the output formats (the reporter does, further down the
/// pipeline), so whoever opens a store for writing hands it the rendering to keep. `name`
/// identifies the bytes `render` gives: a store whose cached rows were rendered under another
/// name (an older postmortem, a changed format) is not served from its cache but merged afresh,
/// and its cache is rebuilt on the next add.
public struct IncidentRendering: Sendable {
    /// Names the rendering and its version; changes whenever `render` would give other bytes.
    public var name: String
    /// The bytes of one merged incident (events included) as the export writes them.
    public var render: @Sendable (Incident) -> [UInt8]

    public init(name: String, render: @escaping @Sendable (Incident) -> [UInt8]) {
        self.name = name
        self.render = render
    }
}
