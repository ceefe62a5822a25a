import PostmortemTimeline

/// One capture as the store keeps it: the file as given, a digest of its bytes, and what
/// reading it gave (each incident, and the warnings).
public struct StoredCapture: Sendable, Equatable {
    /// One incident as this capture holds it.
    public struct Snapshot: Sendable, Equatable {
        /// The incident's primary identity key, when the reader found one.
        public var identity: String?
        /// Every identity key (the primary one and its aliases), which decide what it merges with.
        public var keys: [String] = []
        public var provider: String?
        /// The `Incident` without its events, JSON-encoded with sorted keys.
        public var json: String
        /// Its events, kept a row each.
        public var events: [TimelineEvent]
    }

    /// The file as the user gave it.
    public var name: String
    /// The file's own name (its last path component), which orders captures.
    public var sortName: String
    /// `CaptureDigest.description` of the bytes.
    public var digest: String
    public var byteCount: Int
    /// The format the reader detected (`SourceFormat.rawValue`).
    public var format: String?
    public var snapshots: [Snapshot] = []
    public var warnings: [ParseWarning] = []

    /// The file's last path component, the first key of capture order: a scraper names its
    /// captures by time (`summary_2023-01-31T141703Z.json`), so sorting names sorts captures, and
    /// the same captures kept in two folders still sort alike.
    public static func sortName(for name: String) -> String {
        String(name.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(name))
    }
}
