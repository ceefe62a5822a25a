import PostmortemTimeline

/// Reads a postmortem written as prose into one incident: an event per written instant (with the
/// sentence it came from), the figures the text states as observations, and the credit it announces.
///
/// It is the fallback for plain text, so it comes last in `Ingest.parsers`.
///
/// The incident's title is the document's first line when that line is a heading; otherwise it is
/// "<provider> postmortem, <date line as written>" (the EBS text opens with its date line "April 29,
/// 2011" and has no title line, so it is "AWS postmortem, April 29, 2011"). Services are those named
/// in the opening paragraph, in a heading, or in a dated sentence (a product named only in passing,
/// like VPC in the EBS text's roadmap section, is not one); regions are those named anywhere.
public struct ProsePostmortemParser: IncidentParser {
    public static let format = SourceFormat.prose

    /// A parser with no state; everything it needs comes with each input.
    public init() {}

    /// Anything that is not markup or JSON: prose is the last resort.
    public static func matches(_ input: SourceInput) -> Bool {
        guard looksLikeText(input.bytes.prefix(4096)) else { return false }
        let head = TextFolding.fold(input.head(512))
        guard let first = head.first else { return false }
        return first != "<" && first != "{" && first != "["
    }

    /// Whether the bytes read as text: few control characters (NUL included: a stray one in a
    /// damaged copy does not make a file binary) and mostly valid UTF-8 (a binary file is not
    /// prose, whatever its name).
    static func looksLikeText(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        let controls = bytes.filter { $0 < 32 && $0 != 9 && $0 != 10 && $0 != 13 && $0 != 12 }.count
        guard controls * 100 <= bytes.count else { return false }
        var repaired = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where scalar == "\u{FFFD}" { repaired += 1 }
        return repaired * 20 <= bytes.count
    }

    /// Reads the text into one incident.
    /// - Throws: `IngestError.noTimeline` naming the file when no written time resolves (with the
    ///   reason the first one was skipped, such as a missing year or zone).
    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        var text = String(decoding: input.bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let document = ProseDocument(text: text)
        var reading = Reading(file: input.path, options: options)
        reading.read(document)
        guard !reading.events.isEmpty else {
            var expected = "postmortem prose with dated times such as '12:47 AM PDT on April 21st' or '14:05 UTC'"
            if let first = reading.warnings.first {
                expected += " (the first time found was skipped: line \(first.location.line ?? 0): \(first.message))"
            }
            throw .noTimeline(file: input.path, expected: expected)
        }
        let incident = reading.incident(document: document, text: text)
        return IngestResult(incidents: [incident], warnings: reading.warnings)
    }
}

extension ProsePostmortemParser {
    /// The state of one pass over a document.
    struct Reading {
        let file: String
        var context: ProseDateContext
        var events: [TimelineEvent] = []
        /// For each event, the index of its sentence.
        var eventSentences: [Int] = []
        var warnings: [ParseWarning] = []
        /// The date line the document opens with, as written.
        var dateLine: String?
        /// The service named by the heading of each sentence's section.
        var sectionServices: [String?] = []

        init(file: String, options: IngestOptions) {
            self.file = file
            context = ProseDateContext(anchor: options.referenceDate, dateInForce: options.referenceDate, defaultZone: options.defaultZone)
        }

        mutating func read(_ document: ProseDocument) {
            var sectionService: String?
            for (index, sentence) in document.sentences.enumerated() {
                let tokens = ProseToken.tokens(sentence.text)
                let mentions = ProseTimeScanner.mentions(in: tokens, sentence: sentence.text)
                // A line that is only a day ("April 29, 2011") dates what follows; it is not an event.
                let onlyDate = mentions.count == 1 && mentions[0].start.clock == nil && mentions[0].end == nil
                    && !tokens.indices.contains { ($0 < mentions[0].first || $0 >= mentions[0].last) && tokens[$0].isWord }
                if sentence.isHeading || onlyDate {
                    if sentence.isHeading {
                        sectionService = ProseVocabulary.services(in: ProseVocabulary.words(sentence.text)).first
                    }
                    for mention in mentions { context.note(mention) }
                    if onlyDate, index == 0, let day = mentions.first?.start.day, day.year != nil {
                        dateLine = mentions[0].written
                        context.anchor = context.anchor ?? context.dateInForce
                    }
                    sectionServices.append(sectionService)
                    continue
                }
                sectionServices.append(sectionService)
                let location = SourceLocation(file: file, line: sentence.line)
                for (k, mention) in mentions.enumerated() {
                    switch context.resolve(mention, sentence: sentence.text) {
                    case .noted:
                        continue
                    case .skipped(let reason):
                        warnings.append(ParseWarning(location: location, message: "skipped a time: \(reason)"))
                    case .resolved(let resolved):
                        for warning in resolved.warnings {
                            warnings.append(ParseWarning(location: location, message: warning))
                        }
                        let clause = Self.clause(of: k, in: mentions, tokens: tokens, sentence: sentence.text)
                        let isFine = resolved.precision != .day && resolved.precision != .partOfDay
                        let words = ProseVocabulary.words(sentence.text)
                        let regions = ProseVocabulary.regions(in: words)
                        let services = ProseVocabulary.services(in: words)
                        events.append(
                            TimelineEvent(
                                time: resolved.time, endTime: resolved.end, zone: resolved.zone,
                                writtenTime: mention.written, precision: resolved.precision,
                                status: isFine ? ProseStatus.classify(clause)?.rawValue : nil,
                                region: regions.count == 1 ? regions[0] : nil,
                                service: services.count == 1 ? services[0] : nil,
                                text: sentence.text, source: location,
                                // A postmortem's times say when things happened, not when they were posted.
                                kind: .narrative))
                        eventSentences.append(index)
                    }
                }
            }
        }

        /// The words a mention governs: from the end of the mention before it (or the last clause
        /// break before it: `;`, `, and`, `, but`) to the start of the one after it (or the first
        /// clause break after it).
        static func clause(of k: Int, in mentions: [ProseTimeMention], tokens: [ProseToken], sentence: String) -> String {
            let bytes = Array(sentence.utf8)
            func isBreak(_ i: Int) -> Bool {
                tokens[i].lower == ";"
                    || (tokens[i].lower == "," && i + 1 < tokens.count && ["and", "but", "then", "so"].contains(tokens[i + 1].lower))
            }
            let lowerToken = k == 0 ? 0 : mentions[k - 1].last
            let upperToken = k + 1 < mentions.count ? mentions[k + 1].first : tokens.count
            let first = (lowerToken..<mentions[k].first).last(where: isBreak).map { $0 + 1 } ?? lowerToken
            let last = (mentions[k].last..<max(mentions[k].last, upperToken)).first(where: isBreak) ?? upperToken
            guard first < last, last <= tokens.count else { return mentions[k].written }
            return String(decoding: bytes[tokens[first].start..<tokens[last - 1].end], as: UTF8.self)
        }

        /// A figure as a reader would write it: `100%`, `10 days`, `1200`.
        static func figure(_ observation: Observation) -> String {
            let value = observation.value
            let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            switch observation.unit {
            case .percent: return number + "%"
            case .count: return number
            case .minutes, .hours, .days: return number + " " + observation.unit.rawValue
            }
        }

        /// The incident the reading found; figures left out of it are added to `warnings`.
        mutating func incident(document: ProseDocument, text: String) -> Incident {
            let provider = ProseVocabulary.providers.first { text.contains($0.word) }?.name
            var title: String
            if let first = document.sentences.first, first.isHeading, dateLine == nil {
                title = first.text
            } else {
                title = "\(provider ?? "Incident") postmortem"
                if let dateLine { title += ", \(dateLine)" }
            }
            // Services: the opening paragraph, headings and dated sentences.
            let openingBlock = document.sentences.first { !$0.isHeading && !($0.block == 0 && dateLine != nil) }?.block
            let dated = Set(eventSentences)
            var services: [String] = []
            var regions: [String] = []
            for (index, sentence) in document.sentences.enumerated() {
                let words = ProseVocabulary.words(sentence.text)
                if sentence.isHeading || sentence.block == openingBlock || dated.contains(index) {
                    for name in ProseVocabulary.services(in: words) where !services.contains(name) { services.append(name) }
                }
                for name in ProseVocabulary.regions(in: words) where !regions.contains(name) { regions.append(name) }
            }
            let window = ProseImpactWindow.infer(from: events)
            let (observations, creditFigures) = ProseObservationReader(
                document: document, text: text, file: file, events: events, eventSentences: eventSentences,
                sectionServices: sectionServices, start: window?.start ?? events.map(\.time).min()
            ).reading()
            var credits: [AnnouncedCredit] = []
            for sentence in document.sentences where !sentence.isHeading {
                credits += AnnouncedCreditReader.credits(in: sentence.text, source: SourceLocation(file: file, line: sentence.line))
            }
            // A credit sentence's figures are terms, not measurements: said unless an announced credit reads them.
            var sentences: [String] = []
            for figure in creditFigures where !sentences.contains(figure.text) { sentences.append(figure.text) }
            for sentence in sentences where !credits.contains(where: { sentence.contains($0.text) }) {
                let figures = creditFigures.filter { $0.text == sentence }
                let shown = figures.map(Self.figure).joined(separator: ", ")
                warnings.append(
                    ParseWarning(
                        location: figures[0].source,
                        message: "left out \(shown) in a sentence about credits: such figures are read only as an announced credit, and this sentence states none"))
            }
            return Incident(
                title: title, provider: provider, services: services, regions: regions, events: events,
                observations: observations, announcedCredits: credits, sources: [file])
        }
    }
}
