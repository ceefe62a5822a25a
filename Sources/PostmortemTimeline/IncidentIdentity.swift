/// What makes two captures' incidents the same incident: a stable key set by the reader from the
/// source's own identifiers, plus the other keys the incident is known by in other formats.
///
/// Keys are `scheme:value` strings. Statuspage ids are page-independent random codes, so a
/// summary.json capture, an incident API record and a feed entry whose link ends in
/// `/incidents/<id>` all carry `statuspage:<id>` and meet.
public struct IncidentIdentity: Sendable, Equatable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The primary key (`statuspage:qd7z2cytghrd`, `gcp:rjF86FbooET3FDpMV9w1`).
    public var key: String
    /// Further keys for the same incident (a feed entry id, the incident URL), without `key`.
    public var aliases: [String]

    public init(key: String, aliases: [String] = []) {
        self.key = key
        var seen: Set<String> = [key]
        self.aliases = aliases.filter { seen.insert($0).inserted }
    }

    /// Every key, primary first.
    public var keys: [String] { [key] + aliases }

    public var description: String { key }

    public static func < (lhs: IncidentIdentity, rhs: IncidentIdentity) -> Bool { lhs.key < rhs.key }

    /// A Statuspage incident by its id, also known by its short link when there is one.
    public static func statuspage(id: String, shortlink: String? = nil) -> IncidentIdentity {
        IncidentIdentity(key: "statuspage:" + id, aliases: shortlink.map { ["url:" + $0] } ?? [])
    }

    /// An incident known only by its published address. A Statuspage address
    /// (`…/incidents/<id>`) also carries the Statuspage key.
    public static func url(_ url: String) -> IncidentIdentity {
        if let id = statuspageID(inURL: url) { return IncidentIdentity(key: "statuspage:" + id, aliases: ["url:" + url]) }
        return IncidentIdentity(key: "url:" + url)
    }

    /// A feed entry by its `<id>` (or RSS `<guid>`), also known by its link.
    public static func feedEntry(id: String?, link: String?) -> IncidentIdentity? {
        let fromLink = link.map(url)
        switch (id, fromLink) {
        case (nil, nil): return nil
        case (nil, let linked?): return linked
        case (let id?, nil): return IncidentIdentity(key: "feed:" + id)
        case (let id?, let linked?): return IncidentIdentity(key: linked.key, aliases: linked.aliases + ["feed:" + id])
        }
    }

    /// A Google Cloud incident by its `id` (new schema), else its `uri` (old schema, whose
    /// integer `number` is reused across services and so is no identity on its own).
    public static func googleCloud(id: String?, uri: String?) -> IncidentIdentity? {
        let uriKey = uri.map { "gcp-uri:" + ($0.hasPrefix("/") ? String($0.dropFirst()) : $0) }
        if let id { return IncidentIdentity(key: "gcp:" + id, aliases: uriKey.map { [$0] } ?? []) }
        return uriKey.map { IncidentIdentity(key: $0) }
    }

    /// An AWS Service Health Dashboard event, which has no id: its service code and the instant
    /// of its first update (the same event listed twice shares both; one event split in two
    /// entries does not).
    public static func aws(serviceCode: String, firstUpdate: Instant) -> IncidentIdentity {
        IncidentIdentity(key: "aws:" + serviceCode + "@" + firstUpdate.iso8601)
    }

    /// The Statuspage incident id at the end of a `…/incidents/<id>` address, when it is one.
    static func statuspageID(inURL url: String) -> String? {
        var path = Substring(url)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        while path.hasSuffix("/") { path = path.dropLast() }
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts[parts.count - 2] == "incidents" else { return nil }
        let id = parts[parts.count - 1]
        guard id.count >= 8, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return String(id)
    }
}
