/// Restorations written as what the failing thing does again or what stopped, rather than with
/// a word of recovery: "requests succeeded again", "the endpoint was reachable again", "upload
/// errors stopped at 10:31", "remaining errors cleared; all systems operational", "the last VMs
/// were back by 09:45".
///
/// Read part by part (a clause cut at commas, semicolons and "and"/"but"), so that "the nodes were
/// restarted and requests succeeded again" states a restoration in its second part, and a
/// qualifier in one part ("for most customers") does not reach another. A part qualified as
/// partial or doubtful, or that still names the failure ("failed again"), states none.
enum ProseRestorationClause {
    /// The words of a part that make its restoration partial, doubtful or not yet real.
    static let qualifiers = PhraseList(
        ["partial", "partially", "most ", "some ", "all but", "not all", "not yet", "not fully", "near-normal", "near normal",
         "believe", "appeared", "thought", "expect", "if ", "unless", "whether", "will ", "would ", "should ", "plan", "began", "begun", "start", "gradually", "slowly"],
        atWordStart: true)
    /// Work against the failure, which "again" repeats rather than ends ("restarted again", "tried again").
    static let workWords = PhraseList(
        ["restart", "reboot", "retr", "tried", "try", "attempt", "deploy", "roll", "page", "paged", "escalat", "investigat", "report", "alert", "rais", "check"],
        atWordStart: true)
    /// What a failure does when it ends.
    static let cessations: Set<String> = ["stopped", "ceased", "cleared", "subsided", "ended", "disappeared", "vanished", "abated", "dropped", "fell", "went"]
    /// Nouns of a failure that can stop.
    static let failureNouns: Set<String> = [
        "error", "errors", "failure", "failures", "timeout", "timeouts", "outage", "impact", "disruption", "latency", "latencies",
        "problem", "problems", "issue", "issues", "alert", "alerts", "rejections", "drops", "5xx", "500s", "503s", "crashes", "retries",
    ]
    static let beVerbs: Set<String> = ["is", "are", "was", "were", "be", "been"]
    /// States that are the service's health ("normal again", "healthy again").
    static let goodStates: Set<String> = ["normal", "healthy", "fine", "available", "reachable", "responsive", "stable", "operational", "up", "online", "working"]
    /// The good states that "all <things>" can be in when the impact is over ("all regions healthy").
    static let everyPartStates: Set<String> = ["normal", "healthy", "available", "reachable", "responsive", "stable", "operational", "online"]
    /// Levels a measure returns to when the impact is over.
    static let levelWords: Set<String> = ["pre-incident", "baseline", "normal", "usual", "expected", "previous", "prior", "healthy", "nominal", "zero"]
    /// Verbs before "back" that make it a change the responders made ("rolled back", "switched back").
    static let stepVerbs: Set<String> = ["rolled", "roll", "rolling", "switched", "reverted", "moved", "set", "changed", "downgraded", "pinned", "scaled", "failed"]
    /// Words after "back" that make it a place or a version, not a restoration.
    static let placeWords: Set<String> = ["in", "at", "to", "on", "into", "from", "where", "inside"]

    /// Whether the clause (any case) states that the thing is back, in one of its parts.
    static func states(_ clause: String) -> Bool {
        states(lower: clause.lowercased())
    }

    /// `states` of a clause already lower-cased.
    static func states(lower: String) -> Bool {
        parts(lower).contains(where: statesInPart)
    }

    static func statesInPart(_ words: [String]) -> Bool {
        let part = words.joined(separator: " ")
        guard !qualifiers.matches(part) else { return false }
        // "all systems operational", "fully restored": an explicit end in a part of its own.
        if ProseWindowEvidence.explicitEndList.matches(part) { return true }
        for (i, word) in words.enumerated() {
            switch word {
            case "again":
                // "requests succeeded again", "reachable again"; not "failed again", "restarted it again".
                // A good state right before it counts even beside the failure's noun ("search latency normal again").
                guard i > 0, words[i - 1] != "once" else { continue }
                if goodStates.contains(words[i - 1]) { return true }
                guard !ProseWindowEvidence.outageWordsList.matches(part), !workWords.matches(part) else { continue }
                return true
            case "succeed", "succeeds", "succeeded", "succeeding":
                // "payments succeed" in a row: the failing thing works (not "failed to succeed", not
                // "did not succeed", not "logs in to check ... and succeeds", whose subject is a person's work).
                guard i > 0, !["not", "never", "to"].contains(words[i - 1]), !ProseWindowEvidence.outageWordsList.matches(part), !workWords.matches(part) else { continue }
                return true
            case "returned", "recovered":
                // "error rates had returned to pre-incident levels", "latency fell to baseline".
                guard i + 2 < words.count, words[i + 1] == "to", levelWords.contains(words[i + 2]) else { break }
                return true
            case _ where cessations.contains(word):
                // "upload errors stopped", "the errors went away", "timeouts dropped to zero".
                guard i > 0, failureNouns.contains(words[i - 1]) || i > 1 && failureNouns.contains(words[i - 2]) else { continue }
                if word == "went", !(i + 1 < words.count && words[i + 1] == "away") { continue }
                if word == "dropped" || word == "fell", !(i + 2 < words.count && words[i + 1] == "to" && ["zero", "0", "normal", "baseline"].contains(words[i + 2])) { continue }
                return true
            case "operational" where i >= 1 && i == words.count - 1:
                // "Service operational.", "log forwarding operational": a row's closing state (not
                // "not operational", "non-operational", which are one word or a denial).
                guard !normalcyDenials.contains(words[i - 1]), !ProseWindowEvidence.outageWordsList.matches(part) else { continue }
                return true
            case _ where everyPartStates.contains(word) && i >= 2:
                // "all regions healthy", "all services are operational": every part of the thing
                // in a good state (a part of its own, so no failure is named beside it); not
                // "all of them available to help".
                guard let all = words[max(0, i - 3)..<(i - 1)].lastIndex(of: "all"), words[all + 1] != "of",
                    i + 1 == words.count || !["to", "for"].contains(words[i + 1]),
                    !ProseWindowEvidence.outageWordsList.matches(part)
                else { continue }
                return true
            case "back":
                // "Error rate back below 0.1%": a measure of the failure back under its bound.
                if i + 1 < words.count, ["below", "under", "within"].contains(words[i + 1]) { return true }
                // "Load time back to the usual 300 ms", "queue depth back to its baseline"; not
                // "agent rolled back to the previous version", the responders' step.
                if i > 0, stepVerbs.contains(words[i - 1]) { continue }
                if i + 1 < words.count, words[i + 1] == "to" {
                    var k = i + 2
                    while k < words.count, ["the", "its", "their", "our"].contains(words[k]) { k += 1 }
                    if k < words.count, levelWords.contains(words[k]) { return true }
                }
                // "the last VMs were back by 09:45"; not "every primary was back in the first site"
                // (back in a place) or "was back to the old build".
                guard i > 0, beVerbs.contains(words[i - 1]), !ProseWindowEvidence.outageWordsList.matches(part) else { continue }
                if i + 1 < words.count, placeWords.contains(words[i + 1]) { continue }
                return true
            case "come", "comes":
                // "ap-south was the last to come back": what failed comes back (not "come back to
                // the old build", a place or version).
                guard i + 1 < words.count, words[i + 1] == "back", !ProseWindowEvidence.outageWordsList.matches(part) else { continue }
                if i + 2 < words.count, placeWords.contains(words[i + 2]) { continue }
                return true
            case "normally", "usual":
                // "submissions have been processed normally since 00:25", "all regions served
                // requests normally", "builds picking up within seconds as usual": the service
                // does its work as it should. Not when the part names the failure or denies it
                // ("not loading normally"), nor what ran normally until or before the failure.
                if word == "usual", !(i > 0 && words[i - 1] == "as") { continue }
                guard !words.contains(where: normalcyDenials.contains), !ProseWindowEvidence.outageWordsList.matches(part) else { continue }
                return true
            default:
                continue
            }
        }
        return false
    }

    /// Words that keep "normally"/"as usual" from stating a restoration in their part: a denial,
    /// or the time before the failure ("worked normally until the deploy").
    static let normalcyDenials: Set<String> = ["not", "never", "no", "nor", "longer", "until", "till", "before", "while", "unless", "isn't", "wasn't", "weren't", "aren't", "didn't", "don't", "doesn't"]

    /// `parts` of ASCII text on its bytes, the same parts (`nil` for other text, which `parts`
    /// cuts into `Character`s): splitting every clause twice on `Character`s was a fourteenth of
    /// the reader's time.
    static func asciiParts(_ lower: String) -> [[String]]? {
        var copy = lower
        return copy.withUTF8 { b -> [[String]]? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var parts: [[String]] = []
            var words: [String] = []
            var k = 0
            let n = b.count
            while k <= n {
                // A comma, semicolon or point ends the piece and its words.
                if k == n || b[k] == 44 || b[k] == 59 || b[k] == 46 {
                    if !words.isEmpty { parts.append(words) }
                    words = []
                    k += 1
                    continue
                }
                let c = b[k]
                guard (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57) || c == 45 || c == 39 else {
                    k += 1
                    continue
                }
                var end = k
                while end < n, (b[end] | 0x20) >= 97 && (b[end] | 0x20) <= 122 || (b[end] >= 48 && b[end] <= 57) || b[end] == 45 || b[end] == 39 { end += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: b[k..<end]), as: UTF8.self)
                if word == "and" || word == "but" {
                    if !words.isEmpty { parts.append(words) }
                    words = []
                } else {
                    words.append(word)
                }
                k = end
            }
            return parts
        }
    }

    /// A sentence with one time whose restoration sits in a clause of its own, moments after
    /// that time ("fixed the problem at 03:50 UTC, and our site was reachable again a few minutes
    /// later"): the restoration is at the time, within a few minutes. Not when the sentence gives
    /// a length longer than a quarter of an hour ("and recovered two hours later").
    static func statesSoonAfter(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        guard soonList.matches(lower), states(lower) else { return false }
        let tokens = ProseToken.tokens(sentence)
        guard ProseTimeScanner.mentions(in: tokens, sentence: sentence).count == 1 else { return false }
        let words = ProseDuration.words(sentence)
        return !words.indices.contains { ProseDuration.amount(words, at: $0).map { $0.seconds > 15 * 60 } ?? false }
    }

    static let soonList = PhraseList(["few minutes later", "minutes later", "moments later", "shortly after", "soon after", "shortly afterwards", "soon afterwards"], atWordStart: true)

    /// The clause's words, cut into parts at commas, semicolons, full stops and the conjunctions
    /// that join two statements ("and", "but").
    static func parts(_ lower: String) -> [[String]] {
        if let ascii = asciiParts(lower) { return ascii }
        var parts: [[String]] = []
        for piece in lower.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "." }) {
            var words: [String] = []
            for word in piece.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }) {
                if word == "and" || word == "but" {
                    if !words.isEmpty { parts.append(words) }
                    words = []
                } else {
                    words.append(String(word))
                }
            }
            if !words.isEmpty { parts.append(words) }
        }
        return parts
    }
}
