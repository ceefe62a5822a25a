/// A quantity a source states about the incident: "about 13% of the volumes ... were stuck".
public struct Observation: Sendable, Equatable, Hashable, Codable {
    /// The measured value, in `unit`.
    public var value: Double
    public var unit: ObservationUnit
    /// What the value measures, in the field's words: `EBS volumes stuck in the affected AZ`.
    public var subject: String
    /// The instant the value refers to, when the source gives or implies one.
    public var time: Instant?
    /// What the figure means on its curve: the peak, a point on the way down, or what never recovered.
    public var role: ObservationRole
    /// The sentence it came from.
    public var text: String
    public var source: SourceLocation

    public init(
        value: Double, unit: ObservationUnit, subject: String, time: Instant? = nil,
        role: ObservationRole = .point, text: String, source: SourceLocation
    ) {
        self.value = value
        self.unit = unit
        self.subject = subject
        self.time = time
        self.role = role
        self.text = text
        self.source = source
    }
}

public enum ObservationUnit: String, Sendable, Equatable, Hashable, Codable {
    case percent
    case count
    case minutes
    case hours
    case days
}

public enum ObservationRole: String, Sendable, Equatable, Hashable, Codable {
    /// The highest value reached.
    case peak
    /// An intermediate value at a stated instant.
    case point
    /// An increment to another figure ("an additional 5%").
    case increment
    /// What was never recovered.
    case residual
    /// A figure that is not a point on a recovery curve (a share that did not fail over).
    case aside
}
