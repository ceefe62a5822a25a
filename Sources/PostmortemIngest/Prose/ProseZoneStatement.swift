import PostmortemTimeline

/// A sentence that states the zone of every time in the document: "All times in CET.", "All
/// times are UTC", "Timeline (times in PDT)", "All timestamps CET.", "Times in this report are US
/// Eastern (EDT).", "Time zone: UK time.", "(all times IST)", "Times shown in UTC+1 (Zurich
/// time)", "All times in PST (UTC-7)".
///
/// What makes it a statement rather than narrative about some clock ("the server's time zone
/// was set to UTC by mistake"): it is a short sentence, or a bracket, with no clock of its own;
/// its subject is the times themselves (a zone-statement word, "times", "timestamps", "time
/// zone", opening it, after at most "all", "the", "our"... or a comma); and only linking words
/// ("are", "in", "shown", "this report") stand between that word and the zone.
///
/// An offset written in brackets after the label beats the label ("PST (UTC-7)" is UTC-7), as
/// a reader would take the writer's explicit offset over an abbreviation used loosely; so does
/// an abbreviation in brackets after a place's time ("UK time (BST)").
struct ProseZoneStatement: Sendable, Equatable {
    /// The zone, as the statement gives it (its token is the label as written).
    var token: String
    /// A literal offset written after the label, when there is one.
    var offsetToken: String?
    var line: Int
    var text: String

    /// Words a statement's subject may open with ("All times", "The timestamps", "Our times").
    static let determiners: Set<String> = ["all", "the", "our", "every", "these", "any", "local"]
    /// Marks after which a statement may start inside a sentence ("Unless noted, all times are UTC").
    static let clauseMarks: Set<String> = [",", ";", "(", "-", "–"]
    /// Words that may stand between the statement's subject and its zone: verbs of being and
    /// showing, prepositions, and the names of what the times are in ("this report").
    static let linkingWords: Set<String> = [
        "in", "are", "is", "shown", "given", "listed", "expressed", "reported", "written", "quoted", "displayed", "recorded", "stated",
        "noted", "presented", "use", "used", "follow", "the", "local", "this", "these", "that", "our", "report", "document", "postmortem",
        "post-mortem", "post", "page", "article", "timeline", "table", "section", "below", "above", "here", "herein", "throughout", "of",
        "for", "all", "and", "dates", "incident", "review", "summary", "write-up", "writeup", "approximate", "approximately", "zone", "=",
    ]
    /// The longest sentence (in tokens) read as a statement; a bracket inside a longer one may still be.
    static let maximumTokens = 24

    /// The first zone statement among the sentences, if any.
    static func find(in sentences: [ProseDocument.Sentence]) -> ProseZoneStatement? {
        for sentence in sentences {
            // Every statement word holds "time" or "zone": most sentences end at this byte scan.
            let lower = sentence.lower
            guard lower.containsBytes("time") || lower.containsBytes("zone") else { continue }
            let tokens = sentence.tokens
            // "## Timeline (UTC)", "Timeline (newest first, UTC)": a timeline heading's bracket
            // that ends with a zone zones the whole timeline.
            if sentence.kind == .heading, tokens.count >= 3, tokens[tokens.count - 1].lower == ")",
                tokens.contains(where: { $0.lower.hasPrefix("timeline") }),
                let zone = tokens.dropLast().last, zone.isWord, ZoneTable.zone(for: zone.text) != nil,
                tokens.contains(where: { $0.lower == "(" })
            {
                return ProseZoneStatement(token: zone.text, offsetToken: nil, line: sentence.line, text: sentence.text)
            }
            // "| Time (GMT+2) | Event |": a table's time column headed with its zone zones the
            // table's rows, as a timeline heading's bracket does.
            if sentence.kind == .tableRow, sentence.isHeading, let zone = columnZone(tokens) {
                return ProseZoneStatement(token: zone, offsetToken: nil, line: sentence.line, text: sentence.text)
            }
            guard tokens.contains(where: { isStatementWord($0.lower) }) else { continue }
            // The spans that may be statements: the whole sentence when short, and each bracket.
            var spans: [Range<Int>] = []
            if tokens.count <= maximumTokens { spans.append(0..<tokens.count) }
            var open: Int?
            for (k, token) in tokens.enumerated() where !token.isWord {
                if token.lower == "(" { open = k }
                if token.lower == ")", let first = open {
                    if first + 1 < k { spans.append((first + 1)..<k) }
                    open = nil
                }
            }
            for span in spans {
                // A span that writes a clock of its own is an event, not a statement about times.
                let clocked = sentence.mentions.contains { mention in
                    mention.start.isTimeOfDay && mention.first < span.upperBound && mention.last > span.lowerBound
                }
                guard !clocked, let found = statement(in: tokens, span: span) else { continue }
                return ProseZoneStatement(token: found.token, offsetToken: found.offset, line: sentence.line, text: sentence.text)
            }
        }
        return nil
    }

    /// The zone in brackets after a table header's time column: "Time (GMT+2)", "Date/Time
    /// (JST)", "Timestamp (UTC)", "Time (UK time)".
    static func columnZone(_ tokens: [ProseToken]) -> String? {
        for k in tokens.indices where k + 3 < tokens.count && tokens[k].isWord && tokens[k + 1].lower == "(" {
            guard tokens[k].lower.hasSuffix("time") || tokens[k].lower.hasPrefix("timestamp"), let zone = ProseZoneName.at(tokens, k + 2),
                k + 2 + zone.length < tokens.count, tokens[k + 2 + zone.length].lower == ")"
            else { continue }
            return zone.token
        }
        return nil
    }

    /// "times", "timestamps", "timezone", and "time"/"zone" of "time zone".
    static func isStatementWord(_ lower: String) -> Bool {
        switch lower {
        case "times", "timestamps", "timezone", "time", "zone": return true
        default: return false
        }
    }

    /// The zone the tokens of `span` state, if they are a statement.
    static func statement(in tokens: [ProseToken], span: Range<Int>) -> (token: String, offset: String?)? {
        var k = span.lowerBound
        while k < span.upperBound {
            defer { k += 1 }
            let word = tokens[k].lower
            guard isStatementWord(word) else { continue }
            // The subject: "times", "timestamps", "timezone", "time zone", or "time"
            // followed by a linking word ("Time in UTC", "Local time is CET").
            var subjectEnd = k + 1
            if word == "time", subjectEnd < span.upperBound, tokens[subjectEnd].lower == "zone" || tokens[subjectEnd].lower == "zones" {
                subjectEnd += 1
            } else if word == "time" {
                guard subjectEnd < span.upperBound, linkingWords.contains(tokens[subjectEnd].lower) else { continue }
            } else if word == "zone" {
                // "zone" alone only opens a span ("Zone: PDT"); "time zone" is read from "time".
                guard k == span.lowerBound else { continue }
            }
            // Before the subject: only determiners, from the span's start or a clause mark.
            var first = k
            while first > span.lowerBound, determiners.contains(tokens[first - 1].lower) { first -= 1 }
            // "Zone: all times PST": after a field's label (its colon) as well.
            guard first == span.lowerBound || clauseMarks.contains(tokens[first - 1].lower) || tokens[first].afterColon else { continue }
            // After it: linking words, then the zone.
            var j = subjectEnd
            while j < span.upperBound, j - subjectEnd < 8, ProseZoneName.at(tokens, j) == nil, linkingWords.contains(tokens[j].lower) { j += 1 }
            guard j < span.upperBound else { continue }
            if let zone = ProseZoneName.at(tokens, j) {
                let after = j + zone.length
                // "PST (UTC-7)": the writer's offset; "UK time (BST)", "US Eastern (EDT)": the label.
                if after + 1 < tokens.count, tokens[after].lower == "(" {
                    let bracketed = tokens[after + 1].text
                    if ZoneTable.literalOffsetToken(bracketed) { return (zone.token, bracketed) }
                    if zone.length > 1 || zone.token.contains("/"), ZoneTable.zone(for: bracketed) != nil { return (bracketed, nil) }
                }
                return (zone.token, nil)
            }
            // "Times are local time (PDT)": plain words, then the label in brackets.
            if let label = bracketedLabel(after: j, in: tokens), label < span.upperBound || span.upperBound == tokens.count {
                return (tokens[label].text, nil)
            }
        }
        return nil
    }

    /// The index of a zone label in brackets after up to three plain words ("UK time (BST)",
    /// "Sydney local time (AEST)"), if there is one.
    static func bracketedLabel(after start: Int, in tokens: [ProseToken]) -> Int? {
        var k = start
        while k < tokens.count, k - start < 3, tokens[k].isWord, tokens[k].lower != "(" {
            guard !tokens[k].text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
            k += 1
        }
        guard k > start, k + 1 < tokens.count, tokens[k].lower == "(", ZoneTable.zone(for: tokens[k + 1].text) != nil else { return nil }
        return k + 1
    }

    /// The zone for a time written on `date` at `hour` local.
    func zone(on date: CivilDate?, hour: Int) -> WrittenZone? {
        if let offsetToken, let zone = ZoneTable.zone(for: offsetToken) {
            return WrittenZone(token: token, offsetSeconds: zone.offsetSeconds)
        }
        return ZoneTable.zone(for: token, on: date, hour: hour)
    }
}
