import Foundation
import PostmortemTimeline

/// Reads the figures a postmortem states (percentages, counts, durations) as observations, each
/// with the subject it measures, the instant it refers to and its role on a recovery curve.
///
/// The subject is composed as `[single-AZ|multi-AZ] [service] noun state [scope]`, from the words
/// around the figure: the noun is the first one the text gives after "N% of", else before the
/// figure, else anywhere in the sentence; the service is the one a noun belongs to (volumes to EBS,
/// database instances to RDS) or else the one the section's heading names; the state is the
/// impairment word the sentence uses ("stuck"), or for a figure that is what remains or what was
/// never restored, the impairment word the document uses most; the scope says whether the figure is
/// about the affected zone or the others, and is left out when the noun is already zone-qualified.
/// So "45% of single-AZ instances" under the heading "Impact on Amazon Relational Database Service
/// (RDS)" is `single-AZ RDS instances stuck`.
///
/// Roles: `aside` for a bound ("less than 0.07%"), a share outside the affected scope, or a share
/// that did not do something ("did not automatically failover"); `residual` for what could not be
/// restored; `increment` for "an additional 5%"; `peak` when the text says "peak", or for a curve's
/// first figure when no later one is larger; `point` otherwise. A figure repeated for the same
/// subject ("the remaining 2.2%") is kept once, where it first appears.
///
/// Times: "at the end of 24 hours" / "at 36 hours" count from the incident start; otherwise the
/// first instant written in the sentence; a peak with neither takes the incident start; a point or
/// increment takes the last instant written earlier in its paragraph; residuals, asides and
/// durations with no written instant have none.
///
/// Durations ("for approximately 11 hours", "over the next nine hours") are `aside` figures in
/// hours, minutes or days whose subject is the clause that leads up to them, as written ("Volumes
/// were restored consistently"); when that clause opens with "This" or "It", the subject is what
/// the sentence before says ahead of its first time ("Customers also experienced elevated error
/// rates"). Counts are a written number right before a
/// counted noun ("1,200 requests").
struct ProseObservationReader {
    let document: ProseDocument
    let text: String
    let file: String
    let events: [TimelineEvent]
    let eventSentences: [Int]
    let sectionServices: [String?]
    /// The incident start, for "at the end of 24 hours".
    let start: Instant?

    static let nouns: [(key: String, noun: String, owner: String?)] = [
        ("database instance", "instances", "RDS"), ("db instance", "instances", "RDS"), ("volume", "volumes", "EBS"),
        ("instance", "instances", nil), ("request", "requests", nil), ("api call", "API calls", nil),
        ("customer", "customers", nil), ("object", "objects", "S3"), ("bucket", "buckets", "S3"),
        ("server", "servers", nil), ("node", "nodes", nil), ("quer", "queries", nil), ("job", "jobs", nil),
        ("build", "builds", nil), ("message", "messages", nil), ("host", "hosts", nil),
        ("connection", "connections", nil), ("user", "users", nil), ("account", "accounts", nil),
        ("cluster", "clusters", nil), ("workflow", "workflows", nil), ("deploy", "deployments", nil),
    ]
    static let impairments = ["stuck", "impaired", "unavailable", "degraded", "failing", "failed", "affected"]
    static let otherScopes = [
        "outside of the affected", "outside the affected", "other availability zones", "other azs", "other zones",
        "non-impacted", "healthy availability zones", "unaffected",
    ]
    static let affectedScopes = [
        "affected availability zone", "affected az", "affected zone", "affected volumes", "impacted availability zone",
        "the availability zone", "that availability zone",
    ]
    static let residualPhrases = [
        "could not be restored", "could not be recovered", "not recoverable", "unrecoverable", "never recovered",
        "never restored", "was lost", "were lost", "permanently",
    ]
    static let remainderPhrases = ["all but", "remaining", "remained", "still"]
    static let durationUnits: [String: ObservationUnit] = [
        "minute": .minutes, "minutes": .minutes, "min": .minutes, "mins": .minutes,
        "hour": .hours, "hours": .hours, "hr": .hours, "hrs": .hours, "day": .days, "days": .days,
    ]
    /// The bytes `durationUnits` start with: most words are rejected before they are hashed.
    static let durationUnitLeads = ProseVocabulary.leadTable(durationUnits.keys)
    static let approximations: Set<String> = ["approximately", "about", "around", "roughly", "nearly", "almost", "some", "over", "just"]

    func observations() -> [Observation] {
        reading().observations
    }

    /// The observations, and apart from them the figures of sentences about credits: those state
    /// terms, not measurements of the incident, so they are never observations; the parser
    /// reports the ones no announced credit accounts for.
    func reading() -> (observations: [Observation], creditFigures: [Observation]) {
        var creditFigures: [Observation] = []
        let lowerText = TextFolding.lowercased(text)
        let tallies = Self.impairments.dropLast().map { (word: $0, count: count(of: $0, in: lowerText)) }
        let dominant = tallies.max { $0.count < $1.count }.flatMap { $0.count > 0 ? $0.word : nil } ?? "affected"
        var found: [Observation] = []
        for (index, sentence) in document.sentences.enumerated() where !sentence.isHeading {
            let lower = sentence.lower
            let aboutCredit = lower.containsBytes("credit")
            let mark = found.count
            defer {
                if aboutCredit {
                    creditFigures += found[mark...]
                    found.removeSubrange(mark...)
                }
            }
            let tokens = sentence.tokens
            let location = SourceLocation(file: file, line: sentence.line)
            let section = index < sectionServices.count ? sectionServices[index] : nil
            let ownTime = eventSentences.firstIndex(of: index).map { events[$0].time }
            let earlier = eventSentences.lastIndex { $0 < index && document.sentences[$0].block == sentence.block }.map { events[$0].time }
            let percents = tokens.indices.compactMap { percentValue(tokens, $0) }
            for (n, figure) in percents.enumerated() {
                let before = phrase(tokens, from: n == 0 ? 0 : percents[n - 1].end, to: figure.index, sentence.text)
                let after = phrase(tokens, from: figure.end, to: n + 1 < percents.count ? percents[n + 1].index : tokens.count, sentence.text)
                var subject = subjectOf(before: before, after: after, sentence: lower, section: section, dominant: dominant)
                let role = roleOf(before: before, after: after, sentence: lower, subject: &subject)
                var time: Instant?
                if let hours = relativeHours(after), let start {
                    time = start.adding(seconds: Int64(hours * 3600))
                } else if let ownTime {
                    time = ownTime
                } else if role == .peak {
                    time = start
                } else if role == .point || role == .increment {
                    time = earlier
                }
                found.append(
                    Observation(value: figure.value, unit: .percent, subject: subject.text, time: time, role: role, text: sentence.text, source: location))
            }
            let previous = index > 0 && document.sentences[index - 1].block == sentence.block ? document.sentences[index - 1].text : nil
            found += durations(tokens, sentence: sentence.text, previous: previous, location: location)
            found += counts(tokens, lower: lower, section: section, dominant: dominant, time: ownTime ?? earlier, sentence: sentence.text, location: location)
        }
        return (Self.settled(found, start: start), creditFigures)
    }

    /// Drops repeats of a figure for the same subject and names each curve's peak.
    static func settled(_ found: [Observation], start: Instant?) -> [Observation] {
        var kept: [Observation] = []
        for observation in found
        where !kept.contains(where: { $0.value == observation.value && $0.unit == observation.unit && $0.subject == observation.subject }) {
            kept.append(observation)
        }
        var subjects: [String] = []
        for o in kept where o.unit == .percent && !subjects.contains(o.subject) { subjects.append(o.subject) }
        for subject in subjects {
            let curve = kept.indices.filter { kept[$0].subject == subject && kept[$0].unit == .percent }
            guard !curve.contains(where: { kept[$0].role == .peak }), let first = curve.first, kept[first].role == .point else { continue }
            let largest = curve.filter { kept[$0].role == .point }.allSatisfy { kept[$0].value <= kept[first].value }
            if largest, curve.count > 1 {
                kept[first].role = .peak
                kept[first].time = kept[first].time ?? start
            }
        }
        return kept
    }

    private func count(of word: String, in lower: String) -> Int {
        ByteSearch.count(word, in: lower)
    }

    // MARK: Percentages

    /// `13%`, `41.0%`, `13 percent`, with the token range it covers.
    private func percentValue(_ t: [ProseToken], _ i: Int) -> (value: Double, index: Int, end: Int)? {
        let word = t[i].text
        // The last byte first: most words end in no `%`, and are not compared as `Character`s.
        if word.utf8.last == 37, word.hasSuffix("%"), let value = Double(word.dropLast()) { return (value, i, i + 1) }
        if i + 1 < t.count, t[i + 1].lower == "percent", let value = Double(word) { return (value, i, i + 2) }
        return nil
    }

    private func phrase(_ t: [ProseToken], from: Int, to: Int, _ sentence: String) -> String {
        guard from < to, to <= t.count else { return "" }
        return t[from..<to].map(\.lower).joined(separator: " ")
    }

    struct Subject {
        var text: String
        var isOtherScope: Bool
        var isNegative: Bool
    }

    private func subjectOf(before: String, after: String, sentence: String, section: String?, dominant: String) -> Subject {
        let candidates = [after.hasPrefix("of ") ? after : "", before, sentence]
        var noun: (key: String, noun: String, owner: String?)?
        var source = sentence
        for (c, phrase) in candidates.enumerated() where !phrase.isEmpty {
            // After the figure the first noun counts; before it, the one nearest the figure.
            let nearestLast = c == 1
            var best: (Int, Int)?
            for (k, entry) in Self.nouns.enumerated() {
                guard let at = nearestLast ? ByteSearch.last(entry.key, in: phrase) : ByteSearch.first(entry.key, in: phrase) else { continue }
                let better = nearestLast ? at > best?.0 ?? at : at < best?.0 ?? at
                if best == nil || better { best = (at, k) }
            }
            if let best {
                noun = Self.nouns[best.1]
                source = phrase
                break
            }
        }
        let qualifier = source.containsBytes("single-az") ? "single-AZ" : source.containsBytes("multi-az") ? "multi-AZ" : nil
        var owner = noun?.owner
        if let o = owner, !text.containsBytes(o) { owner = nil }
        let service = owner ?? (noun == nil ? nil : section)
        let negated = Self.negatedState(sentence)
        let negative = negated != nil
        var state: String?
        if let negated {
            state = negated
        } else if let word = Self.impairments.dropLast().first(where: sentence.containsBytes) {
            state = word
        } else if Self.residualPhrases.contains(where: sentence.containsBytes) || Self.remainderPhrases.contains(where: sentence.containsBytes) {
            state = dominant
        }
        let scopeText = [source, sentence]
        let other = scopeText.contains { s in Self.otherScopes.contains(where: s.containsBytes) }
        let affected = scopeText.contains { s in Self.affectedScopes.contains(where: s.containsBytes) }
        var scope: String?
        if qualifier == nil { scope = other ? "in other AZs" : affected ? "in the affected AZ" : nil }
        let words = [qualifier, service, noun?.noun ?? "share", state, scope].compactMap { $0 }
        return Subject(text: words.joined(separator: " "), isOtherScope: other, isNegative: negative)
    }

    /// Verbs written closed up that read as a verb and its particle after "did not".
    static let closedPhrasalVerbs = [
        "failover": "fail over", "failback": "fail back", "shutdown": "shut down", "startup": "start up",
        "rollback": "roll back", "backup": "back up", "login": "log in", "logout": "log out",
    ]
    static let particles: Set<String> = ["over", "back", "up", "down", "out", "off", "in", "away"]

    /// The state a negated verb gives a figure's subject, from the sentence's own words: "2.5% did
    /// not automatically failover after..." gives "that did not fail over" (adverbs in -ly are
    /// skipped, a closed compound is split, a particle after the verb is kept).
    static func negatedState(_ lower: String) -> String? {
        guard let range = lower.range(of: "did not ") ?? lower.range(of: "didn't ") ?? lower.range(of: "didn’t ") else { return nil }
        let words = lower[range.upperBound...].split(whereSeparator: { !$0.isLetter && $0 != "-" }).prefix(6).map(String.init)
        guard let verbIndex = words.firstIndex(where: { !$0.hasSuffix("ly") }) else { return nil }
        let verb = words[verbIndex]
        if let split = closedPhrasalVerbs[verb] { return "that did not " + split }
        if verbIndex + 1 < words.count, particles.contains(words[verbIndex + 1]) {
            return "that did not \(verb) \(words[verbIndex + 1])"
        }
        return "that did not " + verb
    }

    private func roleOf(before: String, after: String, sentence: String, subject: inout Subject) -> ObservationRole {
        let tail = before.split(separator: " ").suffix(4)
        if subject.isOtherScope || subject.isNegative || before.hasSuffix("less than") || before.hasSuffix("fewer than") {
            return .aside
        }
        if Self.residualPhrases.contains(where: sentence.containsBytes) { return .residual }
        if tail.contains(where: { ["additional", "another", "extra", "further"].contains($0) }) { return .increment }
        if tail.contains("peak") || after.hasPrefix("at its peak") || after.hasPrefix("at peak") { return .peak }
        return .point
    }

    /// "at the end of 24 hours", "at 36 hours", "after 48 hours" right after a figure.
    private func relativeHours(_ after: String) -> Double? {
        let words = after.split(separator: " ").prefix(7).map(String.init)
        guard let first = words.first, first == "at" || first == "after" else { return nil }
        for (k, word) in words.enumerated() where k > 0 && (word == "hours" || word == "hour") {
            guard let value = Double(words[k - 1]) ?? Sentences.numberWord(words[k - 1]).map(Double.init) else { return nil }
            return value
        }
        return nil
    }

    // MARK: Durations and counts

    /// "for approximately 11 hours", "over the next nine hours", "lasted 45 minutes".
    private func durations(_ t: [ProseToken], sentence: String, previous: String?, location: SourceLocation) -> [Observation] {
        var found: [Observation] = []
        for i in t.indices.dropFirst() {
            guard ProseVocabulary.mayName(t[i].lower, leads: Self.durationUnitLeads), let unit = Self.durationUnits[t[i].lower],
                let value = number(t[i - 1].lower)
            else { continue }
            var j = i - 2
            while j >= 0, Self.approximations.contains(t[j].lower) || t[j].lower == "than" || t[j].lower == "more" { j -= 1 }
            guard j >= 0, ["for", "next", "following", "lasted", "took"].contains(t[j].lower) else { continue }
            var k = j
            while k > 0, ["over", "the", "next", "following"].contains(t[k - 1].lower) { k -= 1 }
            let clauseStart = t[..<k].lastIndex { !$0.isWord && $0.lower != "-" }.map { $0 + 1 } ?? 0
            let bytes = Array(sentence.utf8)
            let from = clauseStart < t.count ? t[clauseStart].start : 0
            let to = k > clauseStart ? t[k].start : from
            var subject = TextFolding.fold(String(decoding: bytes[from..<max(from, to)], as: UTF8.self))
            if Self.pronouns.contains(subject.lowercased().prefix { $0.isLetter }), let previous, let lead = Self.leadClause(of: previous) {
                subject = lead
            }
            if subject.isEmpty { subject = "duration" }
            found.append(Observation(value: value, unit: unit, subject: subject, time: nil, role: .aside, text: sentence, source: location))
        }
        return found
    }

    static let pronouns: Set<Substring> = ["this", "it", "that"]
    static let trailingLinks: Set<String> = ["until", "at", "by", "from", "since", "on", "around", "about"]

    /// What a sentence says before its first time or comma, for a duration that refers back to it
    /// with "This occurred for ...": "Customers also experienced elevated error rates".
    static func leadClause(of sentence: String) -> String? {
        let tokens = ProseToken.tokens(sentence)
        let mentions = ProseTimeScanner.mentions(in: tokens, sentence: sentence)
        var end = min(mentions.first?.first ?? tokens.count, tokens.firstIndex { !$0.isWord } ?? tokens.count)
        while end > 0, trailingLinks.contains(tokens[end - 1].lower) { end -= 1 }
        guard end > 0 else { return nil }
        let bytes = Array(sentence.utf8)
        return String(decoding: bytes[tokens[0].start..<tokens[end - 1].end], as: UTF8.self)
    }

    private func number(_ word: String) -> Double? {
        Double(word) ?? Sentences.numberWord(word).map(Double.init)
    }

    /// "1,200 customers", "37 volumes": a written number right before a counted noun.
    private func counts(
        _ t: [ProseToken], lower: String, section: String?, dominant: String, time: Instant?, sentence: String, location: SourceLocation
    ) -> [Observation] {
        var found: [Observation] = []
        for i in t.indices.dropLast() {
            guard let lead = t[i].text.utf8.first, lead >= 48, lead <= 57 else { continue }
            // Foundation's replacing only for a number written with commas ("1,200").
            let digits = t[i].text.containsBytes(",") ? t[i].text.replacingOccurrences(of: ",", with: "") : t[i].text
            guard let value = Double(digits), !digits.containsBytes("."), !t[i].text.hasSuffix("%") else { continue }
            let next = t[i + 1].lower
            guard let entry = Self.nouns.first(where: { next.hasPrefix($0.key) && next.hasSuffix("s") }) else { continue }
            if i > 0, CivilDate.month(named: t[i - 1].text) != nil { continue }
            var owner = entry.owner
            if let o = owner, !text.containsBytes(o) { owner = nil }
            let state = Self.impairments.first(where: lower.containsBytes)
            let words = [owner ?? section, entry.noun, state].compactMap { $0 }
            found.append(
                Observation(
                    value: value, unit: .count, subject: words.joined(separator: " "), time: time, role: .point, text: sentence, source: location))
        }
        return found
    }
}
