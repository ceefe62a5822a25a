import PostmortemTimeline

/// The header of a write-up sent as an e-mail (`From:`, `To:`, `Date:`, `Subject:` lines up to
/// the first blank line): what the document says about itself, not about the incident.
///
/// The subject is the document's title and the `Date:` its day of writing (a weekday in the body
/// counts back from it); the header's lines are no blocks, so the sending time is not read as a
/// time of the incident.
struct MailHeader: Sendable, Equatable {
    var subject: String?
    var sent: CivilDate?
    /// The number of lines the header takes, blank line included.
    var lineCount: Int

    static let fields: Set<String> = [
        "from", "to", "cc", "bcc", "date", "subject", "reply-to", "sender", "message-id", "in-reply-to", "references",
        "content-type", "content-transfer-encoding", "mime-version", "received", "return-path", "x-mailer", "list-id",
    ]

    /// The header the lines open with: field lines (continuation lines indented), ending at a
    /// blank line, with a `From:` or `To:` and a `Date:` or `Subject:`; else `nil`.
    static func read(_ lines: [Substring]) -> MailHeader? {
        var names: Set<String> = []
        var subject: String?
        var date: Substring?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            if line.first == " " || line.first == "\t" {
                // A folded header line continues the field above it.
                guard index > 0 else { return nil }
                index += 1
                continue
            }
            guard let colon = line.firstIndex(of: ":"), line.utf8.count < 1000 else { return nil }
            let name = TextFolding.lowercased(line[..<colon])
            guard fields.contains(name) || name.hasPrefix("x-") else { return nil }
            names.insert(name)
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            if name == "subject" { subject = TextFolding.foldAll(value) }
            if name == "date" { date = value }
            index += 1
        }
        guard index < lines.count, !names.isDisjoint(with: ["from", "to"]), !names.isDisjoint(with: ["date", "subject"]) else { return nil }
        return MailHeader(subject: subject.flatMap { $0.isEmpty ? nil : $0 }, sent: date.flatMap(day), lineCount: index + 1)
    }

    /// The UTC day of an RFC 5322 date: `Tue, 6 Jun 2023 09:14:02 +0200`.
    static func day(_ value: Substring) -> CivilDate? {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        // The weekday is optional: find the day, month and year, then the clock and offset.
        guard let monthAt = words.firstIndex(where: { CivilDate.month(named: $0) != nil }), monthAt > words.startIndex,
            monthAt + 1 < words.endIndex, let day = Int(words[monthAt - 1]), let month = CivilDate.month(named: words[monthAt]),
            let year = Int(words[monthAt + 1])
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        guard monthAt + 3 < words.endIndex else { return date }
        let clock = words[monthAt + 2].split(separator: ":").compactMap { Int($0) }
        let offset = words[monthAt + 3]
        guard clock.count >= 2, offset.count == 5, let sign = offset.first, sign == "+" || sign == "-",
            let hours = Int(offset.dropFirst().prefix(2)), let minutes = Int(offset.suffix(2))
        else { return date }
        let seconds = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        return Instant(date: date, hour: clock[0], minute: clock[1], second: clock.count > 2 ? clock[2] : 0, offsetSeconds: seconds).civil().date
    }
}
