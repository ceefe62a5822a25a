import PostmortemTimeline

/// Reads what an event says about recovery: whether it declares the service restored, only
/// partly, and for which region.
///
/// Status-page updates of the 2008 era carry no status word, so "Amazon S3 service has been
/// restored" has to be recognised from its text. A statement about restoring *communication*
/// or *hosts* is progress, not recovery; a statement naming a region ends only that region.
public struct RestorationStatement: Sendable, Equatable {
    public var isRestored: Bool
    public var isPartial: Bool
    /// The region named, when the statement is about one region only.
    public var region: String?

    /// Status words that mean the incident is over.
    static let resolvedStatuses: Set<String> = ["resolved", "completed", "restored", "recovered", "postmortem"]

    /// Phrases that declare the service back.
    static let restoredPhrases = [
        "service has been restored", "service has been fully restored", "has been fully restored",
        "service is operating normally", "operating normally", "returned to normal", "is returning to normal",
        "back to normal", "fully recovered", "service was restored", "service has recovered",
        "has been resolved", "issue is resolved", "restored to normal", "were normal",
        "was normal", "returned to service",
    ]

    /// Things that can be "restored" without the service being back.
    static let progressWords = ["communication", "hosts", "connectivity", "capacity", "some ", "subset", "progress"]

    /// Region words recognised in text, with the name reported.
    static let regionWords: [(word: String, region: String)] = [
        ("EU", "EU"), ("Europe", "EU"), ("US", "US"), ("U.S.", "US"),
        ("us-east-1", "us-east-1"), ("US East", "US East"), ("US West", "US West"), ("Asia", "Asia"),
    ]

    public init(event: TimelineEvent) {
        let statusSaysResolved = event.status.map { Self.resolvedStatuses.contains($0) } ?? false
        isRestored = statusSaysResolved
        isPartial = false
        region = event.region
        if statusSaysResolved { return }
        // The first sentence that declares recovery decides, and names the region if any.
        for sentence in Self.sentences(event.text) {
            let lower = sentence.lowercased()
            guard Self.restoredPhrases.contains(where: { lower.contains($0) }) else { continue }
            if lower.contains("partially") || lower.contains("partial ") {
                isPartial = true
                continue
            }
            let progress = Self.progressWords.contains { lower.contains($0) } && !lower.contains("service")
            if progress { continue }
            isRestored = true
            region = event.region ?? Self.soleRegion(in: sentence)
            return
        }
    }

    /// Splits at ". " (good enough for the short sentences of status updates).
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == ".", next == text.endIndex || text[next] == " " || text[next] == "\n" {
                result.append(text[start...index])
                start = next
            }
            index = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// The one region a sentence is about, if it names exactly one ("EU service has been fully
    /// restored"); a sentence naming two ("both the US and EU") is about all of them.
    static func soleRegion(in text: some StringProtocol) -> String? {
        let words = Set(
            text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "." }).map {
                String($0).trimmingTrailingPeriod
            })
        var found: [String] = []
        for (word, region) in regionWords where words.contains(word) || (word.contains(" ") && text.contains(word)) {
            if !found.contains(region) { found.append(region) }
        }
        if found.contains("US East") || found.contains("US West") { found.removeAll { $0 == "US" } }
        return found.count == 1 ? found[0] : nil
    }
}

extension String {
    fileprivate var trimmingTrailingPeriod: String {
        hasSuffix(".") && count > 2 && !contains("U.S") ? String(dropLast()) : self
    }
}
