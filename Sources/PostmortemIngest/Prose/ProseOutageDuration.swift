/// The length a postmortem states for its whole outage, anywhere in the text: "a 27-minute
/// outage", "non-operational for around 5.5 hours ..., with another 3.5 hours of build backlog",
/// "degraded service for 24 hours and 11 minutes", "a total downtime of 699 minutes",
/// "restoration took 4 days", "lasted for 19 hours and 26 minutes".
///
/// Stricter than `ProseDuration` (which reads the start's own sentence, where "for 45 minutes"
/// can only be the impact's): a sentence elsewhere in the text gives many lengths that are not the
/// outage's ("for about 30 minutes after the truncation, the API remained operational", "within
/// ten minutes", "time to detect: 54 minutes"), so the length must be tied to the outage by its
/// words: an outage noun after it ("73 hours of downtime"), a verb of lasting before it, an outage
/// state before "for" ("down for", "degraded service for") or a restoration before "took".
struct ProseOutageDuration: Sendable, Equatable {
    /// The outage's length, in seconds.
    var seconds: Int64
    /// The sentence that states it, and its line.
    var sentence: String
    var line: Int?

    /// Whether the length is a template's "Time to recovery: 87 minutes" field. Such fields are
    /// counted from the team's own marks (detection, incident declared, ticket closed), which often
    /// are not the impact's: the field may pick among restorations the text gives, and makes an
    /// end of its own only from a stated start.
    var isTimeToField: Bool {
        let words = ProseDuration.words(sentence)
        return zip(words, words.dropFirst()).contains { $0 == "time" && $1 == "to" }
    }

    /// Verbs of lasting right before the length ("lasting approximately 5.5 hours").
    static let lastingWords: Set<String> = ["lasting", "lasted", "lasts", "totalling", "totaling", "spanning", "spanned"]
    /// States of the service that "for" can measure ("non-operational for around 5.5 hours",
    /// "degraded service for 24 hours", "unavailable for 3 hours").
    static let outageStates: Set<String> = [
        "down", "unavailable", "non-operational", "inoperable", "offline", "inaccessible", "unreachable", "degraded", "disrupted",
        "impaired", "broken", "outage", "lasted", "lasting", "lasts",
    ]
    /// Nouns of what "took" a length when the length is the outage's ("restoration took 4 days").
    static let restorationNouns: Set<String> = ["restoration", "recovery", "outage", "incident", "disruption"]
    /// What "time to ..." measures when it is the outage's length.
    static let resolutionWords: Set<String> = ["resolution", "resolve", "recovery", "recover", "mitigation", "mitigate", "restore", "restoration", "repair"]
    /// Adjectives between "of" and the outage noun ("31 hours of full downtime").
    static let adjectives: Set<String> = ["full", "total", "complete", "partial", "customer-facing", "user-facing", "service"]
    /// Words that may stand between the length and the word that ties it to the outage.
    static let hedges: Set<String> = ["approximately", "about", "around", "nearly", "roughly", "almost", "just", "some", "over", "under", "a", "an", "the", "total", "for"]

    /// Words that make a length a part's: most or some users, a partial outage.
    static let partialList = PhraseList(
        ["most customers", "most users", "most of", "for most", "majority of", "some customers", "some users", "some of", "partial", "partially"],
        atWordStart: true)

    /// The first outage length the sentences state, in their order, leaving out the lengths of
    /// a part ("53 minutes for most customers").
    static func find(in sentences: [(text: String, line: Int?)]) -> ProseOutageDuration? {
        for sentence in sentences where ProseDuration.mayHoldLength(sentence.text) {
            // "The outage lasted 53 minutes for most customers": the length of a part, not the whole.
            if partialList.matches(sentence.text.lowercased()) { continue }
            if let seconds = seconds(in: sentence.text) { return ProseOutageDuration(seconds: seconds, sentence: sentence.text, line: sentence.line) }
        }
        return nil
    }

    /// The seconds of the sentence's outage length, if it states one.
    static func seconds(in sentence: String) -> Int64? {
        let words = ProseDuration.words(sentence)
        var i = 0
        while i < words.count {
            // "a 27-minute outage", "a 46-minute incident".
            let hyphen = words[i].utf8.contains(45) ? words[i].split(separator: "-") : []
            if hyphen.count == 2, let value = ProseDuration.number(String(hyphen[0])), let unit = ProseDuration.units[String(hyphen[1])],
                i + 1 < words.count, ProseDuration.impactNouns.contains(words[i + 1]) && words[i + 1] != "period"
            {
                return Int64(value * Double(unit))
            }
            guard let total = ProseDuration.amount(words, at: i) else {
                i += 1
                continue
            }
            if tiesToOutage(words, first: i, end: total.end) {
                return Int64(total.seconds + ProseDuration.further(words, from: total.end))
            }
            i = total.end
        }
        return nil
    }

    /// Whether the words around the length `words[first..<end]` make it the outage's.
    static func tiesToOutage(_ words: [String], first: Int, end: Int) -> Bool {
        // After: "73 hours of downtime", "31 hours of full downtime", "5 hours outage".
        var after = end
        if after < words.count, words[after] == "of" { after += 1 }
        while after < words.count, adjectives.contains(words[after]) { after += 1 }
        if after < words.count, after > end, ProseDuration.impactNouns.contains(words[after]), words[after] != "period" { return true }
        // Before, over hedges: "lasting approximately 5.5 hours", "lasted for 19 hours".
        var k = first - 1
        while k >= 0, hedges.contains(words[k]) {
            if words[k] == "for" { break }
            k -= 1
        }
        guard k >= 0 else { return false }
        if lastingWords.contains(words[k]) { return true }
        if words[k] == "for" {
            // "non-operational for around 5.5 hours", "degraded service for 24 hours", "lasted for".
            let before = words[max(0, k - 2)..<k]
            return before.contains { outageStates.contains($0) }
        }
        // "a total downtime of 699 minutes", "an outage of three hours".
        if words[k] == "of", k > 0 { return ProseDuration.impactNouns.contains(words[k - 1]) && words[k - 1] != "period" }
        // "restoration took 4 days".
        if words[k] == "took", k > 0 { return restorationNouns.contains(words[k - 1]) }
        // "Time to resolution: 70 minutes", "time to recover: 2 hours" (not "time to detect").
        if k >= 2, words[k - 1] == "to", words[k - 2] == "time" { return resolutionWords.contains(words[k]) }
        return false
    }
}
