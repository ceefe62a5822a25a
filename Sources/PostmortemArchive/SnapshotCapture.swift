import PostmortemTimeline

/// One capture of a status source: its name (the file as given) and the incidents read from it.
public struct SnapshotCapture: Sendable, Equatable {
    public var name: String
    public var incidents: [Incident]

    public init(name: String, incidents: [Incident]) {
        self.name = name
        self.incidents = incidents
    }
}
