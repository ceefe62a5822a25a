import PostmortemTimeline

/// Whether incidents given to `--merge` can be one incident: their times close together and
/// their services the same. `--merge` joins whatever it is given, so without this check a
/// status page and an unrelated postmortem years apart would fuse without a word.
public enum MergeCheck {
    /// Incidents whose times are further apart than this are taken as different incidents.
    public static let maximumGapDays = 7

    /// Why the incidents cannot be merged, one sentence per pair that disagrees; empty when they can.
    public static func conflicts(_ incidents: [Incident]) -> [String] {
        guard var span = incidents.first.flatMap(Self.span) else { return [] }
        var services = incidents.first?.services ?? []
        let names = incidents.first.map(Self.describe) ?? ""
        var reasons: [String] = []
        for incident in incidents.dropFirst() {
            if let other = Self.span(of: incident) {
                let gap = max(span.end.seconds(until: other.start), other.end.seconds(until: span.start), 0)
                if gap > Int64(maximumGapDays) * 86_400 {
                    reasons.append("\(names) and \(Self.describe(incident)) are \(gap / 86_400) days apart (more than \(maximumGapDays))")
                }
                span = (min(span.start, other.start), max(span.end, other.end))
            }
            if !services.isEmpty, !incident.services.isEmpty, !Self.anySame(services, incident.services) {
                reasons.append(
                    "\(names) and \(Self.describe(incident)) name different services (\(services.joined(separator: ", ")); \(incident.services.joined(separator: ", ")))")
            }
            services += incident.services.filter { !services.contains($0) }
        }
        return reasons
    }

    /// "'Title' (file)".
    static func describe(_ incident: Incident) -> String {
        "'\(incident.title)' (\(incident.sources.joined(separator: ", ")))"
    }

    /// From the first to the last instant the incident states: its events and stated window.
    static func span(of incident: Incident) -> (start: Instant, end: Instant)? {
        let times = incident.events.map(\.time) + incident.events.compactMap(\.endTime)
            + [incident.statedImpactStart, incident.statedImpactEnd].compactMap { $0 }
        guard let first = times.min(), let last = times.max() else { return nil }
        return (first, last)
    }

    /// Whether some name in `a` and some name in `b` are the same service.
    static func anySame(_ a: [String], _ b: [String]) -> Bool {
        a.contains { left in b.contains { right in same(left, right) } }
    }

    /// Two names of one service: equal or one inside the other once case, the provider's name and
    /// a trailing region are set aside ("Amazon S3 (US)" and "S3"), or one is the other's
    /// acronym, with runs of a letter written as a count the way AWS names its services
    /// ("Amazon Simple Storage Service" is S3, "Elastic Compute Cloud" EC2).
    static func same(_ left: String, _ right: String) -> Bool {
        let a = forms(of: left)
        let b = forms(of: right)
        guard let fullA = a.first, let fullB = b.first else { return false }
        if fullA.contains(fullB) || fullB.contains(fullA) { return true }
        return !Set(a).isDisjoint(with: b)
    }

    static let providerWords: Set<String> = ["amazon", "aws", "google", "microsoft"]

    /// The name without case, provider words and a region in parentheses, then its acronyms.
    static func forms(of name: String) -> [String] {
        var text = name.lowercased()
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") { text = String(text[..<open]) }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !providerWords.contains($0) }
        guard !words.isEmpty else { return [] }
        var forms = [words.joined(separator: " ")]
        if words.count > 1 {
            let initials = String(words.compactMap(\.first))
            forms.append(initials)
            forms.append(runLength(initials))
        }
        return forms
    }

    /// "sss" -> "s3", "ecc" -> "ec2".
    static func runLength(_ text: String) -> String {
        var out = ""
        var previous: Character?
        var count = 0
        for character in text + " " {
            if character == previous {
                count += 1
                continue
            }
            if let previous { out += count > 1 ? "\(previous)\(count)" : "\(previous)" }
            previous = character
            count = 1
        }
        return out
    }
}
