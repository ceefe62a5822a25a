import PostmortemTimeline

/// A month or a year written wrong in a postmortem's body: the title says "March 26th, 2019
/// Boskos Outage", the file is `2019-03-26.md`, but the impact sentence says "between 2019-02-25
/// 23:04 and 2019-02-26 08:12"; or a January report under "January 3, 2024" whose timeline says
/// 2023-01-03. Same day (or the day beside it), and the month or the year off: a slip, as when a
/// report is started from the one before or the year has just turned.
///
/// The document's date must be confirmed twice (the title's or first heading's date, and the
/// file name's date or an epoch stamp embedded in the text on that day), and every date the body
/// writes in the slipped month must sit within a day of it, so a cause written weeks earlier ("a
/// deploy on February 3") is never moved. The dates are read in the document's month and year,
/// with a warning naming both.
struct ProseDateSlip: Sendable, Equatable {
    /// The year and month as written, and as read.
    var writtenYear: Int
    var writtenMonth: Int
    var correctedYear: Int
    var correctedMonth: Int
    /// The first slipped date, as written, and its line.
    var example: String
    var line: Int
    var warning: String

    /// Whether `date` is one the slip moves.
    func applies(to date: CivilDate) -> Bool { date.year == writtenYear && date.month == writtenMonth }

    func correct(_ date: CivilDate) -> CivilDate { CivilDate(year: correctedYear, month: correctedMonth, day: date.day) }

    /// - Parameters:
    ///   - titleDate: the title's or first heading's full date, and how it was written.
    ///   - path: the input's path, whose file name may hold its date (`2019-03-26.md`).
    ///   - text: the input as written, whose links may hold epoch stamps (scanned only when the
    ///     file name does not confirm the date).
    static func find(in sentences: [ProseDocument.Sentence], titleDate: (date: CivilDate, written: String)?, path: String, text: String) -> ProseDateSlip? {
        guard let (document, titleWritten) = titleDate else { return nil }
        var slipped: [(year: Int, month: Int, written: String, line: Int, near: Bool)] = []
        for sentence in sentences where !sentence.isHeading {
            for mention in sentence.mentions {
                for e in [mention.start] + (mention.end.map { [$0] } ?? []) {
                    guard let day = e.day, let year = day.year else { continue }
                    let monthSlip = year == document.year && day.month != document.month && abs(day.month - document.month) <= 2
                    let yearSlip = abs(year - document.year) == 1 && day.month == document.month
                    guard monthSlip || yearSlip else { continue }
                    slipped.append((year, day.month, mention.written, sentence.line, abs(day.day - document.day) <= 1))
                }
            }
        }
        guard let first = slipped.first, slipped.allSatisfy({ $0.year == first.year && $0.month == first.month && $0.near }) else { return nil }
        var confirmation: String?
        if let named = fileNameDate(path), named == document {
            confirmation = "the file name"
        } else if let stamp = ProseZoneAssumption.epochStamps(in: text).first(where: { abs($0.civil().date.daysSinceEpoch - document.daysSinceEpoch) <= 1 }) {
            confirmation = "an epoch stamp in a link (\(stamp.iso8601))"
        }
        guard let confirmation else { return nil }
        let what =
            first.year == document.year
            ? "names month \(first.month) but the document is dated \(document) ('\(titleWritten)', confirmed by \(confirmation)); read as \(CivilDate.monthNames[document.month - 1]), a slip of the month"
            : "names \(first.year) but the document is dated \(document) ('\(titleWritten)', confirmed by \(confirmation)); read as \(document.year), a slip of the year"
        return ProseDateSlip(
            writtenYear: first.year, writtenMonth: first.month, correctedYear: document.year, correctedMonth: document.month,
            example: first.written, line: first.line, warning: "'\(first.written)' \(what)")
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
