/// One dated statement in an incident's timeline: a status update, or a sentence of a postmortem.
public struct TimelineEvent: Sendable, Equatable, Hashable, Codable {
    /// When it happened (or was posted), in UTC.
    public var time: Instant
    /// The end of the span, for events written as a span ("9:16 PM to 11:16 PM PDT").
    public var endTime: Instant?
    /// The zone the time was written in (`PDT`), with its offset at that instant.
    public var zone: WrittenZone?
    /// The time as the source wrote it: `9:05 AM PDT`, `July 21, 7:19 PM PDT`.
    public var writtenTime: String?
    /// How precisely the source gave the time.
    public var precision: TimePrecision
    /// The status word as written, lower-cased (`investigating`, `resolved`), when the source states one.
    public var status: String?
    /// The region, availability zone or location the event is about, when stated.
    public var region: String?
    /// The service or component the event is about, when stated.
    public var service: String?
    /// The source text of the event (the update body, or the sentence).
    public var text: String
    /// Where the text came from.
    public var source: SourceLocation
    /// Components whose status changed with this update (Statuspage `affected_components`).
    public var componentChanges: [ComponentChange]
    /// Whether this is an update posted during the incident or a statement written afterwards.
    public var kind: EventKind
    /// The source's own id for the update (Statuspage `incident_updates[].id`), which identifies
    /// it across captures; `nil` when the source gives none.
    public var updateID: String?

    public init(
        time: Instant, endTime: Instant? = nil, zone: WrittenZone? = nil, writtenTime: String? = nil,
        precision: TimePrecision = .minute, status: String? = nil, region: String? = nil,
        service: String? = nil, text: String, source: SourceLocation, componentChanges: [ComponentChange] = [],
        kind: EventKind = .update, updateID: String? = nil
    ) {
        self.time = time
        self.endTime = endTime
        self.zone = zone
        self.writtenTime = writtenTime
        self.precision = precision
        self.status = status
        self.region = region
        self.service = service
        self.text = text
        self.source = source
        self.componentChanges = componentChanges
        self.kind = kind
        self.updateID = updateID
    }
}

/// A component's status change announced by an update.
public struct ComponentChange: Sendable, Equatable, Hashable, Codable {
    public var code: String?
    public var name: String
    public var oldStatus: String?
    public var newStatus: String?

    public init(code: String? = nil, name: String, oldStatus: String? = nil, newStatus: String? = nil) {
        self.code = code
        self.name = name
        self.oldStatus = oldStatus
        self.newStatus = newStatus
    }
}

/// Where an event's time comes from.
public enum EventKind: String, Sendable, Equatable, Hashable, Codable {
    /// An update posted while the incident ran; its time is when it was posted.
    case update
    /// A statement written afterwards (a postmortem sentence); its time is when the thing happened.
    case narrative
}
