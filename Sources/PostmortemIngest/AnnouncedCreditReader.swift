import PostmortemTimeline

/// Finds sentences in which a provider says what credit it granted, and summarises them.
///
/// Providers announce credits in prose that rarely matches their contract ("a 10 day credit equal
/// to 100% of their usage", "waiving our standard SLA process"); reports show both side by side.
public enum AnnouncedCreditReader {
    /// The announced credits in `text`, each with its sentence.
    public static func credits(in text: String, source: SourceLocation) -> [AnnouncedCredit] {
        var found: [AnnouncedCredit] = []
        // Most texts never say "credit": no sentence of theirs can announce one.
        guard ByteSearch.first("credit", in: TextFolding.lowercased(text)) != nil else { return found }
        for sentence in Sentences.split(text) {
            let lower = TextFolding.lowercased(sentence)
            guard lower.containsBytes("credit") else { continue }
            if let summary = dayCredit(lower) ?? waivedProcess(lower) {
                found.append(AnnouncedCredit(summary: summary, text: sentence, source: source))
            }
        }
        return found
    }

    /// "a 10 day credit equal to 100% of their usage" -> "10 days of 100% of usage".
    static func dayCredit(_ lower: String) -> String? {
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let creditIndex = words.firstIndex(where: { $0.hasPrefix("credit") }), creditIndex >= 2 else { return nil }
        let unitWord = words[creditIndex - 1]
        guard ["day", "days", "hour", "hours"].contains(unitWord), let count = Int(words[creditIndex - 2]) ?? Sentences.numberWord(words[creditIndex - 2])
        else { return nil }
        let unit = unitWord.hasPrefix("day") ? "day" : "hour"
        var summary = "\(count) \(unit)\(count == 1 ? "" : "s")"
        if let percent = words[creditIndex...].first(where: { $0.hasSuffix("%") }) {
            summary += " of \(percent) of usage"
        } else {
            summary += " of usage"
        }
        return summary
    }

    /// "we'll be waiving our standard SLA process and applying the appropriate service credit to all
    /// affected customers for the July billing period".
    static func waivedProcess(_ lower: String) -> String? {
        guard lower.containsBytes("waiv") else { return nil }
        var summary = "SLA claim process waived; credit applied automatically"
        let words = lower.split(separator: " ")
        if let index = words.firstIndex(of: "billing"), index >= 1 {
            let month = words[index - 1]
            if CivilDate.month(named: month) != nil {
                summary += " for the \(month.prefix(1).uppercased() + month.dropFirst()) billing period"
            }
        }
        return summary
    }
}
