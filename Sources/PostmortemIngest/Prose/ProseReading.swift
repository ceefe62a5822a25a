import PostmortemTimeline

/// The state of one pass of `ProsePostmortemParser` over a document: the events read so far,
/// the evidence each gives for the impact window, and everything skipped.
struct ProseReading {
    let file: String
    let options: IngestOptions
    let metadata: DocumentMetadata
    /// How the document was written (plain text has no heading levels).
    let markup: BlockDocument.Markup
    var context: ProseDateContext
    var events: [TimelineEvent] = []
    /// For each event, the index of its sentence.
    var eventSentences: [Int] = []
    /// For each event, its weight as evidence for the window.
    var candidates: [ProseEvidenceCandidate] = []
    var warnings: [ParseWarning] = []
    /// Whether the text writes any time of day at all (a clock or a timestamp).
    var writesClock = false
    /// The date line the document opens with, as written.
    var dateLine: String?
    /// The full date of the title or of the first heading that has one, as written.
    var titleDate: (date: CivilDate, written: String)?
    /// The service named by the heading of each sentence's section.
    var sectionServices: [String?] = []
    /// The incident section of each sentence (0 when the document is one incident).
    var sentenceSections: [Int] = []
    /// The heading that opens each incident section, for its title.
    var sectionHeadings: [Int: String] = [:]
    /// The impact's duration as a field gives it (`Duration: 47 minutes`).
    var fieldDuration: Int64?

    init(file: String, options: IngestOptions, metadata: DocumentMetadata, markup: BlockDocument.Markup) {
        self.file = file
        self.markup = markup
        self.options = options
        self.metadata = metadata
        context = ProseDateContext(anchor: options.referenceDate, dateInForce: options.referenceDate, defaultZone: options.defaultZone)
    }

    static let timelineWords = ["timeline", "key events", "chronology", "sequence of events", "time line", "events"]

    /// Reads the document's sentences; `text` is the input as written (its links' epoch stamps
    /// can place a text that names no zone).
    mutating func read(_ document: ProseDocument, text: String) {
        let sentences = document.sentences
        for line in document.skippedCode {
            warnings.append(ParseWarning(location: SourceLocation(file: file, line: line), message: "skipped the times in a code block (quoted logs or commands are not the incident's timeline)"))
        }
        if let statement = ProseZoneStatement.find(in: sentences) {
            context.documentZone = statement
        } else if options.defaultZone == nil {
            context.assumedZone = ProseZoneAssumption.infer(sentences: sentences, text: text)
        }
        anchorYear(sentences)
        if let slip = ProseDateSlip.find(in: sentences, titleDate: titleDate, path: file, text: text) {
            context.dateSlip = slip
            warnings.append(ParseWarning(location: SourceLocation(file: file, line: slip.line), message: slip.warning))
        }
        if let statement = context.documentZone {
            // An absolute anchor in a row beats the label (see `ProseZoneStatement.checked`).
            let (checked, warning) = statement.checked(against: sentences, anchor: context.anchor)
            context.documentZone = checked
            if let warning { warnings.append(ParseWarning(location: SourceLocation(file: file, line: statement.line), message: warning)) }
        }
        sentenceSections = Self.sections(sentences, anchor: context.anchor)
        let entryDays = Self.entryDays(sentences, sections: sentenceSections)
        let rows = Self.rowTexts(sentences)
        var sectionService: String?
        var headingStack: [(level: Int, isTimeline: Bool)] = []
        var loggedBlocks: Set<Int> = []
        var lastHeading = -1
        let newestFirst = Self.newestFirstRows(sentences)
        // The document's title heading: a section under it is the whole document, not a section.
        let firstHeading = sentences.firstIndex { $0.kind == .heading } ?? -1
        var tableHeader: [String] = []
        for (index, sentence) in sentences.enumerated() {
            if sentence.kind == .heading { lastHeading = index }
            // A table's header row (or, where a plain-text export lost the |---| line, a row
            // with no time) names the columns of the rows under it.
            if sentence.kind == .tableRow, sentence.isHeading || sentence.mentions.isEmpty {
                tableHeader = sentence.text.split(separator: " | ", omittingEmptySubsequences: false).map(String.init)
            } else if sentence.kind != .tableRow {
                tableHeader = []
            }
            if fieldDuration == nil, let seconds = ProseFieldLabel.duration(in: sentence.text) { fieldDuration = seconds }
            context.place = 2 * (lastHeading + 1) + (sentence.kind == .listItem || sentence.kind == .tableRow ? 1 : 0)
            // A row of a timeline written newest first steps back by design: each is its own place.
            if newestFirst.contains(index) { context.place = -1 - index }
            let section = sentenceSections[index]
            if index > 0, section != sentenceSections[index - 1] {
                // A new entry: its own date, nothing carried over from the one before.
                context.resetClock()
                sectionHeadings[section] = sentence.text
            }
            let tokens = sentence.tokens
            let mentions = Self.withoutRestatements(sentence.mentions, tokens: tokens)
            // A line that is only a day ("April 29, 2011") dates what follows; it is not an event.
            let onlyDate = mentions.count == 1 && mentions[0].start.clock == nil && mentions[0].end == nil
                && !tokens.indices.contains { ($0 < mentions[0].first || $0 >= mentions[0].last) && tokens[$0].isWord }
            if sentence.isHeading || onlyDate {
                if sentence.isHeading {
                    sectionService = ProseVocabulary.services(in: sentence.words).first
                    if sentence.kind == .heading {
                        let level = max(sentence.level, 1)
                        headingStack.removeAll { $0.level >= level }
                        let lower = sentence.text.lowercased()
                        headingStack.append((level, Self.timelineWords.contains(where: lower.containsBytes)))
                    }
                }
                for mention in mentions { context.note(mention) }
                if sentence.isHeading, let next = Self.nextDayWritten(after: mentions.first, tokens: tokens) {
                    context.noteNight(secondDay: next, written: sentence.text)
                }
                if onlyDate, index == 0, let day = mentions.first?.start.day, day.year != nil {
                    dateLine = mentions[0].written
                    context.anchor = context.anchor ?? context.dateInForce
                }
                sectionServices.append(sectionService)
                continue
            }
            sectionServices.append(sectionService)
            // "Prepared: Finance team, 18 September 2023" after "Date: 14 September 2023": the
            // report's day, not the incident's (with no date in force yet, it is the best there is).
            if context.dateInForce != nil, ProseDocumentDateField.datesTheDocument(tokens: tokens, mentions: mentions, sentence: sentence.text) {
                continue
            }
            let location = SourceLocation(file: file, line: sentence.line)
            // "[8:27 AM] alice: restarting the hub": a chat or log stamp, not the incident's.
            if sentence.text.hasPrefix("["), let first = mentions.first, first.first == 0, Self.isChatLine(sentence.text) {
                if loggedBlocks.insert(sentence.block).inserted {
                    warnings.append(ParseWarning(location: location, message: "skipped chat or log stamps like '[\(first.written)]' (not the incident's timeline)"))
                }
                continue
            }
            // "alice [1:26 PM] restarting the hub": a chat export's stamp after a speaker's name.
            let chatStamps = Self.chatStamps(mentions, tokens: tokens, sentence: sentence.text)
            if let stamp = chatStamps.min(), loggedBlocks.insert(sentence.block).inserted {
                warnings.append(ParseWarning(location: location, message: "skipped chat or log stamps like '[\(mentions[stamp].written)]' (not the incident's timeline)"))
            }
            let inTimeline = headingStack.contains { $0.isTimeline }
            if mentions.contains(where: { $0.start.isTimeOfDay }) { writesClock = true }
            // "Incident start (T0): 2023-09-21 13:40 UTC", "which fired at 14:07 CET (T+0)": a
            // sentence that names T0 and writes an instant states the origin; its own relative
            // time restates that instant and is no event of its own.
            let statesOrigin = context.relativeOrigin == nil && ProseRelativeTime.namesOrigin(tokens)
                && mentions.contains { $0.start.clock != nil || $0.start.stamped != nil }
            // The sentence's regions and services, read once for all its events.
            var vocabulary: (regions: [String], services: [String])?
            for (k, mention) in mentions.enumerated() where !chatStamps.contains(k) && !(statesOrigin && mention.start.relativeSeconds != nil) {
                // "Same root cause as October 28" under "### October 21": a day that names another
                // entry of the document refers to that entry; it does not date this one's times.
                if let other = Self.otherEntry(named: mention, section: section, entryDays: entryDays) {
                    warnings.append(
                        ParseWarning(
                            location: location,
                            message: "'\(mention.written)' names the day of another entry (line \(sentences[other].line)); read as a reference to it, not as a date for this entry's times"))
                    continue
                }
                if let date = Self.entryStampDate(for: mention, at: index, in: sentences) { context.dateInForce = date }
                switch context.resolve(Self.markingLookBack(mention, tokens: tokens), lowerSentence: sentence.lower) {
                case .noted:
                    continue
                case .skipped(let reason):
                    warnings.append(ParseWarning(location: location, message: "skipped a time: \(reason)"))
                case .resolved(let resolved):
                    // "Incident start (T0): 2023-09-21 13:40 UTC": the origin of the "T+12m" rows.
                    if statesOrigin, context.relativeOrigin == nil, mention.start.relativeSeconds == nil, mention.start.clock != nil || mention.start.stamped != nil {
                        context.relativeOrigin = (resolved.time, resolved.zone ?? .utc)
                    }
                    for warning in resolved.warnings {
                        warnings.append(ParseWarning(location: location, message: warning))
                    }
                    let clause = ProseClause.clause(of: k, in: mentions, tokens: tokens, sentence: sentence.text)
                    let (lead, tail) = ProseClause.leadAndTail(of: k, in: mentions, tokens: tokens, sentence: sentence.text)
                    let isFine = resolved.precision != .day && resolved.precision != .partOfDay
                    if vocabulary == nil {
                        let words = sentence.words
                        vocabulary = (ProseVocabulary.regions(in: words), ProseVocabulary.services(in: words))
                    }
                    let regions = vocabulary?.regions ?? []
                    let services = vocabulary?.services ?? []
                    let event = TimelineEvent(
                        time: resolved.time, endTime: resolved.end, zone: resolved.zone,
                        writtenTime: mention.written, precision: resolved.precision,
                        status: isFine ? ProseStatus.classify(clause)?.rawValue : nil,
                        region: regions.count == 1 ? regions[0] : nil,
                        service: services.count == 1 ? services[0] : nil,
                        text: sentence.text, source: location,
                        // A postmortem's times say when things happened, not when they were posted.
                        kind: .narrative)
                    events.append(event)
                    eventSentences.append(index)
                    let opensRow = sentence.opensBlock && mention.first <= 2
                    let isRow = opensRow && (sentence.kind != .paragraph || inTimeline || sentence.isTimeHeadingRow) || sentence.kind == .tableRow
                    let row = rows[index] ?? sentence.text
                    var (clauseText, leadText) = (clause, lead)
                    // Not when the sentence before has a time of its own ("... processed normally since 00:25
                    // UTC." over "Posted Jul 01, 2023 - 01:10 UTC"): its words are that time's.
                    if mentions.count == 1, index > 0, sentences[index - 1].block == sentence.block, !sentences[index - 1].isHeading,
                        sentences[index - 1].mentions.isEmpty, Self.isBareTime(mention, tokens: tokens)
                    {
                        // "The jobs could not start. (Between 1:46pm - 5:30pm)": the time of the sentence before it.
                        clauseText = sentences[index - 1].text + " " + sentence.text
                        leadText = sentences[index - 1].text
                        // "Investigating - Users see errors. We are investigating. Mar 3, 14:48 UTC": a
                        // stamp that closes an entry whose other sentences write no time is the whole entry's.
                        var first = index - 1
                        while first > 0, sentences[first - 1].block == sentence.block, sentences[first - 1].mentions.isEmpty { first -= 1 }
                        let closesEntry = (index + 1 == sentences.count || sentences[index + 1].block != sentence.block)
                            && sentences[first].opensBlock && sentences[first..<index].allSatisfy { $0.mentions.isEmpty }
                        if closesEntry, first < index - 1 {
                            leadText = sentences[first..<index].map(\.text).joined(separator: " ")
                            clauseText = leadText + " " + sentence.text
                        }
                    }
                    candidates.append(
                        ProseEvidenceCandidate(
                            event: event, clause: isRow && k == 0 ? row : clauseText, lead: leadText, tail: isRow && k == 0 ? row : tail,
                            place: isRow ? .row : .narrative,
                            isSpan: mention.end != nil, spanOpensBlock: opensRow && mention.end != nil, section: section, inTimeline: inTimeline,
                            zoneAssumption: resolved.zoneAssumption,
                            followingSentence: index + 1 < sentences.count && sentences[index + 1].block == sentence.block ? sentences[index + 1].text : nil,
                            followingUntimed: k == mentions.count - 1 && index + 1 < sentences.count && sentences[index + 1].block == sentence.block
                                && sentences[index + 1].mentions.isEmpty,
                            referringSentence: k == mentions.count - 1 ? Self.referringSentence(after: index, in: sentences) : nil,
                            sectionHeading: lastHeading > firstHeading ? sentences[lastHeading].text : nil,
                            field: ProseFieldLabel.label(of: k, in: mentions, tokens: tokens, sentence: sentence.text)
                                ?? (sentence.kind == .tableRow
                                    ? ProseFieldLabel.column(of: k, in: mentions, tokens: tokens, row: sentence.text, header: tableHeader) : nil)))
                }
            }
        }
    }

    /// Words that open a sentence about the moment just written ("From that moment, ...").
    static let backReferences: Set<String> = [
        "from that moment", "from that point", "from this point", "from then on", "from then", "since then", "at that moment",
        "from that time", "from this moment",
    ]

    /// The first of the next three sentences of the block, with no time in any of them, that opens
    /// with a back reference to the time of sentence `index`.
    static func referringSentence(after index: Int, in sentences: [ProseDocument.Sentence]) -> String? {
        var next = index + 1
        while next < sentences.count, next <= index + 3, sentences[next].block == sentences[index].block, sentences[next].mentions.isEmpty {
            let tokens = sentences[next].tokens
            for count in 2...4 where count <= tokens.count && tokens[0..<count].allSatisfy(\.isWord) {
                if backReferences.contains(tokens[0..<count].map(\.lower).joined(separator: " ")) { return sentences[next].text }
            }
            next += 1
        }
        return nil
    }

    /// The rows of timelines written newest first: three or more rows in a row (list items or
    /// table rows, each opening with a clock) whose clocks fall from each to the next.
    static func newestFirstRows(_ sentences: [ProseDocument.Sentence]) -> Set<Int> {
        var rows: Set<Int> = []
        var run: [(index: Int, minute: Int)] = []
        func close() {
            defer { run = [] }
            guard run.count >= 3, zip(run, run.dropFirst()).allSatisfy({ $0.minute > $1.minute }) else { return }
            for row in run { rows.insert(row.index) }
        }
        for (index, sentence) in sentences.enumerated() {
            let isRow = (sentence.kind == .listItem || sentence.kind == .tableRow) && sentence.opensBlock
            guard isRow, let mention = sentence.mentions.first, mention.first <= 2, let clock = mention.start.clock else {
                // A row's further sentences, or a header row, do not break its run.
                if sentence.kind == .heading || sentence.opensBlock { close() }
                continue
            }
            run.append((index, clock.hour24 * 60 + clock.minute))
        }
        close()
        return rows
    }

    /// The day a heading names after its first date, "May 26 - 27th, 2018": 27 (the scanner reads
    /// the whole heading as its first day, so the second is looked for inside the mention too).
    static func nextDayWritten(after mention: ProseTimeMention?, tokens: [ProseToken]) -> Int? {
        guard let mention, let first = mention.start.day, mention.start.clock == nil, mention.end == nil else { return nil }
        let upper = min(mention.last + 1, tokens.count - 1)
        guard mention.first < upper else { return nil }
        for k in mention.first..<upper where ["-", "–", "to", "and", "&"].contains(tokens[k].lower) {
            let word = tokens[k + 1].lower
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            let suffix = word.dropFirst(digits.count)
            guard (1...2).contains(digits.count), ["", "st", "nd", "rd", "th"].contains(String(suffix)), let day = Int(digits), day != first.day else { continue }
            return day
        }
        return nil
    }

    /// "Posted"/"Updated" before a status update's stamp ("Posted Jul 01, 2023 - 00:25 UTC") say
    /// only that the line is the update's time.
    static let bareTimeWords: Set<String> = ["(", ")", "between", "from", "at", "around", "about", "approximately", "approx", "roughly", "ca", "-", "–", "posted", "updated"]

    /// A sentence that is only its time: "(Between 1:46pm - 5:30pm)", "(at 14:05)", "Posted Jul 01, 2023 - 00:25 UTC".
    static func isBareTime(_ mention: ProseTimeMention, tokens: [ProseToken]) -> Bool {
        tokens.indices.allSatisfy { ($0 >= mention.first && $0 < mention.last) || bareTimeWords.contains(tokens[$0].lower) }
    }

    /// For each sentence that opens a list item, the item's whole text up to its next sentence
    /// with a clock: "[08:47] The bump PR is merged. **Outage begins.**" is one row, and its
    /// second sentence says what its time was.
    static func rowTexts(_ sentences: [ProseDocument.Sentence]) -> [Int: String] {
        var rows: [Int: String] = [:]
        var index = 0
        while index < sentences.count {
            let sentence = sentences[index]
            let opening = index
            index += 1
            guard sentence.opensBlock, sentence.kind == .listItem else { continue }
            var text = sentence.text
            while index < sentences.count, sentences[index].block == sentence.block, !sentences[index].opensBlock,
                !ProseDocument.holdsClock(sentences[index].text)
            {
                text += " " + sentences[index].text
                index += 1
            }
            rows[opening] = text
        }
        return rows
    }

    /// The mentions written in square brackets after a word, as chat exports stamp each message
    /// ("cblecker [1:26 PM]"); a bracketed time that opens its sentence is a timeline row's
    /// ("[13:26] The hub restarts").
    static func chatStamps(_ mentions: [ProseTimeMention], tokens: [ProseToken], sentence: String) -> Set<Int> {
        var stamps: Set<Int> = []
        let bytes = Array(sentence.utf8)
        for (k, mention) in mentions.enumerated() where mention.first > 0 {
            let open = tokens[mention.first].start - 1
            let close = tokens[mention.last - 1].end
            guard open >= 0, close < bytes.count, bytes[open] == 91, bytes[close] == 93 else { continue }
            stamps.insert(k)
        }
        return stamps
    }

    /// `[8:27 AM] alice: restarting` (a speaker and a colon after the stamp), as opposed to a
    /// timeline written `[23:55] The migration completes`.
    static func isChatLine(_ text: String) -> Bool {
        guard let close = text.firstIndex(of: "]") else { return false }
        let rest = text[text.index(after: close)...].drop { $0 == " " }
        guard let colon = rest.firstIndex(of: ":") else { return false }
        let speaker = rest[..<colon]
        return !speaker.isEmpty && speaker.count <= 40 && !speaker.containsBytes(" ")
    }

    /// Finds the year the document's dates belong to when `--reference-date` is not given: the
    /// title's or a heading's full date, else the first full date anywhere, else the page's
    /// publication date. With `--reference-date`, warns when the text's own dates contradict it.
    mutating func anchorYear(_ sentences: [ProseDocument.Sentence]) {
        var found: (date: CivilDate, line: Int?, written: String)?
        let titles = [metadata.title].compactMap { $0 }
        for title in titles {
            if let date = Self.fullDate(in: title) { found = (date.date, nil, date.written) }
        }
        if found == nil {
            for sentence in sentences where sentence.isHeading {
                if let date = Self.fullDate(in: sentence) {
                    found = (date.date, sentence.line, date.written)
                    break
                }
            }
        }
        titleDate = found.map { ($0.date, $0.written) }
        if found == nil {
            for sentence in sentences {
                if let date = Self.fullDate(in: sentence) {
                    found = (date.date, sentence.line, date.written)
                    break
                }
            }
        }
        if found == nil, let published = metadata.published {
            found = (published, nil, metadata.publishedSource ?? "the page's publication date")
        }
        if options.referenceDate == nil { context.writtenOn = metadata.published }
        guard let found else { return }
        if let reference = options.referenceDate {
            if abs(reference.daysSinceEpoch - found.date.daysSinceEpoch) > 62 {
                warnings.append(
                    ParseWarning(
                        location: SourceLocation(file: file, line: found.line),
                        message: "--reference-date \(reference) is contradicted by the text's date '\(found.written)' (\(found.date)); kept --reference-date"))
            }
            return
        }
        context.anchor = found.date
        // "Payment outage - 5/26/21": a title's or first heading's date that the scanner reads as
        // no day of its own (a numeric date) is the day of the clocks written before any other day.
        if context.dateInForce == nil, let titled = titleDate, titled.date == found.date { context.dateInForce = found.date }
    }

    /// The first date with a year in the text: `March 3, 2024`, `2024-03-05`, `5-26-21`.
    static func fullDate(in text: String) -> (date: CivilDate, written: String)? {
        let tokens = ProseToken.tokens(text)
        return fullDate(tokens: tokens, mentions: ProseTimeScanner.mentions(in: tokens, sentence: text))
    }

    /// `fullDate(in:)` of a sentence, from the tokens and mentions it already holds.
    static func fullDate(in sentence: ProseDocument.Sentence) -> (date: CivilDate, written: String)? {
        fullDate(tokens: sentence.tokens, mentions: sentence.mentions)
    }

    static func fullDate(tokens: [ProseToken], mentions: [ProseTimeMention]) -> (date: CivilDate, written: String)? {
        for mention in mentions {
            if let stamped = mention.start.stamped { return (stamped.civil(offsetSeconds: mention.start.stampedZone?.offsetSeconds ?? 0).date, mention.written) }
            if let day = mention.start.day, let year = day.year {
                let date = CivilDate(year: year, month: day.month, day: day.day)
                if date.isValid { return (date, mention.written) }
            }
        }
        for token in tokens where token.isWord {
            if let date = ProseTimeScanner.numericDay(token.text) { return (date, token.text) }
        }
        // "(March 2024)", "8-12 April 2024": a month and its year place the document in a year
        // (the first of the month stands for the day, which only the year is read from).
        for (i, token) in tokens.enumerated() where i + 1 < tokens.count && token.isCapitalized {
            guard let month = CivilDate.month(named: token.text), tokens[i + 1].text.utf8.count == 4,
                let year = Int(tokens[i + 1].text), (1970...2100).contains(year)
            else { continue }
            return (CivilDate(year: year, month: month, day: 1), token.text + " " + tokens[i + 1].text)
        }
        return nil
    }

    /// An entry's day: the month and day of its heading's first mention, and the heading's
    /// sentence index.
    struct EntryDay: Sendable, Equatable {
        var month: Int
        var day: Int
        var heading: Int
    }

    /// Each entry's day, by section; empty for a document of one incident.
    static func entryDays(_ sentences: [ProseDocument.Sentence], sections: [Int]) -> [Int: EntryDay] {
        var days: [Int: EntryDay] = [:]
        for index in sentences.indices where sections[index] > 0 && (index == 0 || sections[index - 1] != sections[index]) {
            if let day = sentences[index].mentions.first?.start.day, day.month > 0 { days[sections[index]] = EntryDay(month: day.month, day: day.day, heading: index) }
        }
        return days.count >= 2 ? days : [:]
    }

    /// The heading index of the other entry a day-only mention names, if it names one.
    static func otherEntry(named mention: ProseTimeMention, section: Int, entryDays: [Int: EntryDay]) -> Int? {
        guard section > 0, !entryDays.isEmpty, mention.start.clock == nil, mention.end == nil, let day = mention.start.day,
            let own = entryDays[section], own.month != day.month || own.day != day.day
        else { return nil }
        return entryDays.first { $0.key != section && $0.value.month == day.month && $0.value.day == day.day }?.value.heading
    }

    /// Whether a heading holds two or more words besides its first date and weekday names.
    static func namesMoreThanDay(_ heading: ProseDocument.Sentence) -> Bool {
        guard let mention = heading.mentions.first else { return false }
        let words = heading.tokens.indices.filter { index in
            (index < mention.first || index >= mention.last) && heading.tokens[index].isWord
                && !weekdayNames.contains(heading.tokens[index].lower) && CivilDate.month(named: heading.tokens[index].lower) == nil
        }
        return words.count >= 2
    }

    static let weekdayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "on", "of",
    ]

    /// Splits a document of several dated entries into sections: headings of one level that each
    /// name a day, outside any "Timeline" section, at least two of them and more than three days
    /// apart somewhere (so the day headings of one incident's timeline stay one incident); else
    /// headings of one level that number incidents ("Incident 1: ...", "Outage #2"), at least two.
    static func sections(_ sentences: [ProseDocument.Sentence], anchor: CivilDate?) -> [Int] {
        var numbered: [Int: [(index: Int, date: CivilDate)]] = [:]
        var dated: [(index: Int, level: Int, date: CivilDate)] = []
        var underTimeline: [(level: Int, isTimeline: Bool)] = []
        for (index, sentence) in sentences.enumerated() where sentence.kind == .heading {
            let level = max(sentence.level, 1)
            underTimeline.removeAll { $0.level >= level }
            let lower = sentence.text.lowercased()
            let inTimeline = underTimeline.contains { $0.isTimeline }
            underTimeline.append((level, timelineWords.contains(where: lower.containsBytes)))
            // Day headings inside a timeline are days of one incident; but a dated heading that
            // also names what happened ("October 24, 2025 - Rate limiting misconfiguration")
            // opens an incident of its own, timeline section or not.
            guard !inTimeline || Self.namesMoreThanDay(sentence) else { continue }
            if ProseIncidentHeading.numbersIncident(sentence.tokens) {
                numbered[level, default: []].append((index, CivilDate(year: 1970, month: 1, day: 1)))
            }
            guard let day = sentence.mentions.first?.start.day, day.month > 0,
                let year = day.year ?? anchor?.year
            else { continue }
            dated.append((index, level, CivilDate(year: year, month: day.month, day: day.day)))
        }
        // A dated heading with nothing but headings under it before the next dated one is a
        // page's title line or a "read next" link ("Slow builds on 12 July  13 Jul 2022" at the
        // foot of a saved page), not an entry; an entry with no times still has its sentence.
        let entryIndices = dated.map(\.index)
        dated = dated.enumerated().filter { position, entry in
            let next = position + 1 < entryIndices.count ? entryIndices[position + 1] : sentences.count
            return sentences[(entry.index + 1)..<max(next, entry.index + 1)].contains { $0.kind != .heading }
        }.map(\.element)
        var levels: [Int: [(index: Int, date: CivilDate)]] = [:]
        for entry in dated { levels[entry.level, default: []].append((entry.index, entry.date)) }
        let datedLevel = levels.keys.sorted().first { key in
            guard let entries = levels[key], entries.count >= 2 else { return false }
            return zip(entries, entries.dropFirst()).contains { abs($0.date.daysSinceEpoch - $1.date.daysSinceEpoch) > 3 }
        }
        let numberedLevel = numbered.keys.sorted().first { (numbered[$0]?.count ?? 0) >= 2 }
        guard let level = datedLevel ?? numberedLevel, let entries = datedLevel != nil ? levels[level] : numbered[level] else {
            return Array(repeating: 0, count: sentences.count)
        }
        var result: [Int] = []
        var section = 0
        var next = 0
        for index in sentences.indices {
            if next < entries.count, entries[next].index == index {
                next += 1
                section = next
            } else if section > 0, sentences[index].kind == .heading, sentences[index].level <= level, sentences[index].level > 0 {
                // A heading at the entries' level or above that names no day ends the entries.
                if sentences[index].level < level { section = 0 }
            }
            result.append(section)
        }
        return result
    }
}
