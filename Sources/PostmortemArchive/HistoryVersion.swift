import PostmortemTimeline

/// One capture's version of an incident, with the rank that says which version is the latest.
struct HistoryVersion: Sendable, Equatable {
    /// Later versions rank higher: the newest last update first; on a tie the capture whose
    /// name sorts later (scrapers name captures by time), so the result does not depend on the
    /// order captures were added in; then the later capture added and place in it.
    struct Rank: Sendable, Equatable, Comparable {
        var lastUpdate: Instant?
        var captureName: String
        var capture: Int
        var position: Int

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            if lhs.lastUpdate != rhs.lastUpdate {
                guard let left = lhs.lastUpdate else { return true }
                guard let right = rhs.lastUpdate else { return false }
                return left < right
            }
            return (lhs.captureName, lhs.capture, lhs.position) < (rhs.captureName, rhs.capture, rhs.position)
        }
    }

    var incident: Incident
    /// The capture's name (the file as given).
    var capture: String
    var rank: Rank
}
