import PostmortemTimeline

/// Resolves the stamps of Statuspage updates ("Jan 19, 09:06 PST", "Posted 3 days ago. Jan 15,
/// 2025 - 10:30 UTC") against the date that supplies their missing year.
///
/// The year comes from a day header, a feed entry's `published` date, or, for the boxes at the
/// top of a front page, from the page's other dates or `--reference-date`; in that last case
/// every resolved update carries a warning that its year was inferred.
struct StatuspageStampReader: Sendable {
    /// The date that supplies the year, when there is one.
    var reference: CivilDate?
    /// Why the year is a guess, when it is (e.g. "from the latest day on the page, 2021-01-20").
    var inferredFrom: String?
    var defaultZone: WrittenZone?
    var file: String
    /// When the page was rendered: a stamp without a year that would fall after it belongs to
    /// the year before.
    var notAfter: Instant?

    /// An update turned into an event, or the warning that says why it was skipped.
    enum Reading: Sendable, Equatable {
        case event(TimelineEvent, warning: ParseWarning?)
        case skipped(ParseWarning)

        /// Adds the event to `events` and any warning to `warnings`.
        func append(to events: inout [TimelineEvent], warnings: inout [ParseWarning]) {
            switch self {
            case .event(let event, let warning):
                events.append(event)
                if let warning { warnings.append(warning) }
            case .skipped(let warning):
                warnings.append(warning)
            }
        }
    }

    /// Reads one update block into an event at `line`.
    /// A posting instant in the block replaces a guessed (or missing) year with a known one.
    func read(_ block: StatuspageUpdateBlock, line: Int?) -> Reading {
        var reader = self
        if let postedAt = block.postedAt, reference == nil || inferredFrom != nil {
            reader.reference = postedAt.civil().date
            reader.inferredFrom = nil
        }
        return reader.read(stampText: block.stampText, status: block.status, body: block.body, line: line)
    }

    /// Reads a stamp and builds the event with its status word (lower-cased) and body.
    func read(stampText: String?, status: String?, body: String, line: Int?) -> Reading {
        let location = SourceLocation(file: file, line: line)
        guard let stampText, let stamp = TimeStampScanner.firstStamp(in: stampText) else {
            let shown = stampText.map { "'\($0)'" } ?? "no stamp"
            return .skipped(ParseWarning(location: location, message: "skipped an update: \(shown) holds no time"))
        }
        let date: CivilDate
        if let reference {
            date = reference
        } else if let year = stamp.year, let month = stamp.month, let day = stamp.day {
            date = CivilDate(year: year, month: month, day: day)
        } else {
            return .skipped(
                ParseWarning(
                    location: location,
                    message: "skipped an update: '\(stamp.written)' has no year and the page gives none (give --reference-date)"))
        }
        var resolution = StampResolution(date: date, defaultZone: defaultZone)
        var outcome = resolution.resolve(stamp)
        var steppedBack = false
        if stamp.year == nil, stamp.month != nil, let notAfter, case .resolved(let instant, _, _) = outcome, notAfter < instant {
            var earlier = StampResolution(date: CivilDate(year: date.year - 1, month: date.month, day: min(date.day, 28)), defaultZone: defaultZone)
            outcome = earlier.resolve(stamp)
            steppedBack = true
        }
        switch outcome {
        case .skipped(let reason):
            return .skipped(ParseWarning(location: location, message: "skipped an update: \(reason)"))
        case .resolved(let instant, let zone, let note):
            var notes: [String] = []
            if let note { notes.append(note) }
            if stamp.year == nil, let inferredFrom {
                notes.append("the year of '\(stamp.written)' was inferred \(inferredFrom)")
            }
            if steppedBack, let notAfter {
                notes.append("'\(stamp.written)' in \(date.year) would be after the page was rendered (\(notAfter.iso8601)); taken as \(date.year - 1)")
            }
            let event = TimelineEvent(
                time: instant, zone: zone, writtenTime: stamp.written,
                precision: stamp.second == nil ? .minute : .second,
                status: status.map { $0.lowercased() }, text: body, source: location)
            let warning = notes.isEmpty ? nil : ParseWarning(location: location, message: notes.joined(separator: "; "))
            return .event(event, warning: warning)
        }
    }
}
