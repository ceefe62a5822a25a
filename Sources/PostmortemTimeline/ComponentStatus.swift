/// A component's status as a capture shows it (Statuspage `components[].status`:
/// `operational`, `degraded_performance`, `partial_outage`, `major_outage`, `under_maintenance`).
public struct ComponentStatus: Sendable, Equatable, Hashable, Codable {
    public var name: String
    public var status: String

    public init(name: String, status: String) {
        self.name = name
        self.status = status
    }
}
