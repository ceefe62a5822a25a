import PostmortemTimeline

/// A sentence that states the zone of every time in the document: "All times in CET.", "All
/// times are UTC", "Timeline (times in PDT)", "All times PDT.", "Times shown in UTC+1 (Zurich
/// time)", "All times in PST (UTC-7)".
///
/// An offset written in brackets after the label beats the label ("PST (UTC-7)" is UTC-7), as
/// a reader would take the writer's explicit offset over an abbreviation used loosely.
struct ProseZoneStatement: Sendable, Equatable {
    /// The zone, as the statement gives it (its token is the label as written).
    var token: String
    /// A literal offset written after the label, when there is one.
    var offsetToken: String?
    var line: Int
    var text: String

    static let leadWords: Set<String> = ["in", "are", "is", "shown", "given", "listed", "expressed", "reported", "use", ":", "="]

    /// The first zone statement among the sentences, if any.
    static func find(in sentences: [ProseDocument.Sentence]) -> ProseZoneStatement? {
        for sentence in sentences {
            let lower = sentence.lower
            guard lower.containsBytes("time") else { continue }
            let tokens = sentence.tokens
            // "## Timeline (UTC)", "Timeline (newest first, UTC)": a timeline heading's bracket
            // that ends with a zone zones the whole timeline.
            if sentence.kind == .heading, lower.containsBytes("timeline"), tokens.count >= 3, tokens[tokens.count - 1].lower == ")",
                let zone = tokens.dropLast().last, zone.isWord, ZoneTable.zone(for: zone.text) != nil,
                tokens.contains(where: { $0.lower == "(" })
            {
                return ProseZoneStatement(token: zone.text, offsetToken: nil, line: sentence.line, text: sentence.text)
            }
            for (i, token) in tokens.enumerated() where ["times", "time", "timezone", "timestamps", "zone"].contains(token.lower) {
                let isStatement =
                    (i > 0 && ["all", "the"].contains(tokens[i - 1].lower) && token.lower == "times")
                    || (i > 0 && tokens[i - 1].lower == "(") || i == 0
                    || (token.lower == "timezone" || token.lower == "zone")
                guard isStatement else { continue }
                var j = i + 1
                var skipped = 0
                while j < tokens.count, skipped < 3, leadWords.contains(tokens[j].lower) || tokens[j].lower == "the" || tokens[j].lower == "local" {
                    j += 1
                    skipped += 1
                }
                guard j < tokens.count, j > i + 1 || token.lower == "times" else { continue }
                // "Times are UK time (BST).": a place's name for its time, then the label in brackets.
                if ZoneTable.zone(for: tokens[j].text) == nil, let label = Self.bracketedLabel(after: j, in: tokens) { j = label }
                let candidate = tokens[j].text
                guard ZoneTable.zone(for: candidate) != nil || ProseTimeScanner.isZoneToken(candidate) && candidate.count >= 2 else { continue }
                guard ZoneTable.zone(for: candidate) != nil else { continue }
                var offset: String?
                if j + 2 < tokens.count, tokens[j + 1].lower == "(", ZoneTable.literalOffsetToken(tokens[j + 2].text) {
                    offset = tokens[j + 2].text
                }
                return ProseZoneStatement(token: candidate, offsetToken: offset, line: sentence.line, text: sentence.text)
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
