/// How precisely a source pinned down an instant.
public enum TimePrecision: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case second
    case minute
    case hour
    /// "Saturday morning", "the evening of April 22nd".
    case partOfDay
    case day
}
