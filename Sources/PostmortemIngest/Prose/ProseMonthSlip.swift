import PostmortemTimeline

/// A month written wrong in a postmortem's body: the title says "March 26th, 2019 Boskos
/// Outage", the file is `2019-03-26.md`, the dashboard link's epoch stamps fall on March 26, but
/// the impact sentence says "between 2019-02-25 23:04 and 2019-02-26 08:12". Same year, same day
/// (or the day beside it), another month: a slip of the month, as when a report is started from
/// the one before.
///
/// The document's date must be confirmed twice (the title's or first heading's date, and the
/// file name's date or an epoch stamp embedded in the text on that day), and every date the body
/// writes in the slipped month must sit within a day of it, so a cause written weeks earlier ("a
/// deploy on February 3") is never moved. The dates are read in the document's month, with a
/// warning naming both.
struct ProseMonthSlip: Sendable, Equatable {
    var year: Int
    /// The month as written, and the month it is read as.
    var written: Int
    var corrected: Int
    /// The first slipped date, as written, and its line.
    var example: String
    var line: Int
    var warning: String

    /// Whether `date` is one the slip moves.
    func applies(to date: CivilDate) -> Bool { date.year == year && date.month == written }

    func correct(_ date: CivilDate) -> CivilDate { CivilDate(year: date.year, month: corrected, day: date.day) }

    /// - Parameters:
    ///   - titleDate: the title's or first heading's full date, and how it was written.
    ///   - path: the input's path, whose file name may open with its date (`2019-03-26.md`).
    ///   - text: the input as written, whose links may hold epoch stamps (scanned only when the
    ///     file name does not confirm the date).
    static func find(in sentences: [ProseDocument.Sentence], titleDate: (date: CivilDate, written: String)?, path: String, text: String) -> ProseMonthSlip? {
        guard let (document, titleWritten) = titleDate else { return nil }
        var confirmation: String?
        if let named = fileNameDate(path), named == document {
            confirmation = "the file name"
        } else if let stamp = ProseZoneAssumption.epochStamps(in: text).first(where: { abs($0.civil().date.daysSinceEpoch - document.daysSinceEpoch) <= 1 }) {
            confirmation = "an epoch stamp in a link (\(stamp.iso8601))"
        }
        var slipped: [(month: Int, written: String, line: Int, near: Bool)] = []
        for sentence in sentences where !sentence.isHeading {
            for mention in sentence.mentions {
                for e in [mention.start] + (mention.end.map { [$0] } ?? []) {
                    guard let day = e.day, day.year == document.year, day.month != document.month, abs(day.month - document.month) <= 2 else { continue }
                    slipped.append((day.month, mention.written, sentence.line, abs(day.day - document.day) <= 1))
                }
            }
        }
        guard let first = slipped.first, slipped.allSatisfy({ $0.month == first.month && $0.near }), let confirmation else { return nil }
        let name = CivilDate.monthNames[document.month - 1]
        return ProseMonthSlip(
            year: document.year, written: first.month, corrected: document.month, example: first.written, line: first.line,
            warning: "'\(first.written)' names month \(first.month) but the document is dated \(document) ('\(titleWritten)', confirmed by \(confirmation)); read as \(name), a slip of the month")
    }

    /// `2019-03-26.md`, `2020-10-28-memory-overload.md`, `outage-2022-06-14.md`: the first
    /// `YYYY-MM-DD` in a file name.
    static func fileNameDate(_ path: String) -> CivilDate? {
        let name = Array((path.split(separator: "/").last.map(String.init) ?? path).utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= name.count, name[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return name[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        var i = 0
        while i + 10 <= name.count {
            defer { i += 1 }
            guard i == 0 || !(name[i - 1] >= 48 && name[i - 1] <= 57), name[i + 4] == 45, name[i + 7] == 45,
                let year = digits(i..<(i + 4)), let month = digits((i + 5)..<(i + 7)), let day = digits((i + 8)..<(i + 10))
            else { continue }
            let date = CivilDate(year: year, month: month, day: day)
            if date.isValid { return date }
        }
        return nil
    }
}
