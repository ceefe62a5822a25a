import PostmortemTimeline

extension ProseReading {
    /// The incidents the document describes (one, or one per dated entry), and the warnings
    /// from choosing their windows (readings that disagree).
    func incidents(document: ProseDocument, text: String) -> (incidents: [Incident], warnings: [ParseWarning]) {
        // The whole text lower-cased once, for the provider's phrases and the observations' tallies.
        let lowerText = TextFolding.lowercased(text)
        let provider = provider(document: document, lowerText: lowerText)
        let documentTitle = title(document: document, provider: provider)
        // Services: the opening paragraph, headings and dated sentences.
        let openingBlock = document.sentences.first { !$0.isHeading && !($0.block == 0 && dateLine != nil) }?.block
        let dated = Set(eventSentences)
        let sectionIDs = Array(Set(sentenceSections)).sorted()
        let window = ProseImpactWindow.infer(from: events)
        let (observations, creditFigures) = ProseObservationReader(
            document: document, text: text, lowerText: lowerText, file: file, events: events, eventSentences: eventSentences,
            sectionServices: sectionServices, start: window?.start ?? events.map(\.time).min()
        ).reading()
        var lineSections: [Int: Int] = [:]
        for (index, sentence) in document.sentences.enumerated() where lineSections[sentence.line] == nil {
            lineSections[sentence.line] = sentenceSections[index]
        }
        var incidents: [Incident] = []
        var windowWarnings: [ParseWarning] = []
        for section in sectionIDs {
            let indices = events.indices.filter { sentenceSections[eventSentences[$0]] == section }
            // The lines before a document's first entry are its introduction, not an incident.
            if section == 0, sectionIDs.count > 1, indices.isEmpty { continue }
            if section == 0, sectionIDs.count > 1, !indices.contains(where: { events[$0].precision != .day }) { continue }
            var services: [String] = []
            var regions: [String] = []
            for (index, sentence) in document.sentences.enumerated() where sentenceSections[index] == section || section == 0 && sectionIDs.count == 1 {
                let words = sentence.words
                if sentence.isHeading || sentence.block == openingBlock || dated.contains(index) {
                    for name in ProseVocabulary.services(in: words) where !services.contains(name) { services.append(name) }
                }
                for name in ProseVocabulary.regions(in: words) where !regions.contains(name) { regions.append(name) }
            }
            var credits: [AnnouncedCredit] = []
            // Only a sentence that says "credit" can announce one (the reader's own first check, on
            // the lower-cased text the sentence already holds).
            for (index, sentence) in document.sentences.enumerated()
            where !sentence.isHeading && sentenceSections[index] == section && sentence.lower.containsBytes("credit") {
                credits += AnnouncedCreditReader.credits(in: sentence.text, source: SourceLocation(file: file, line: sentence.line))
            }
            let sectionCandidates = indices.map { candidates[$0] }
            var evidence = ProseWindowEvidence(candidates: sectionCandidates, file: file, fieldDuration: fieldDuration)
            let sectionSentences = document.sentences.indices.filter { !document.sentences[$0].isHeading && (sentenceSections[$0] == section || sectionIDs.count == 1) }
            let sectionTexts = sectionSentences.map { (text: document.sentences[$0].text, line: document.sentences[$0].line) }
            if let length = ProseOutageDuration.find(in: sectionTexts) {
                evidence.reconcile(with: length, candidates: sectionCandidates, file: file)
            }
            if let stats = ProseStatsFields.find(in: sectionTexts) {
                evidence.fit(stats, candidates: sectionCandidates, file: file)
            }
            if evidence.end == nil, let relative = ProseRelativeEnd.find(in: document.sentences, indices: sectionSentences),
                let anchor = indices.last(where: { eventSentences[$0] < relative.sentence && events[$0].precision != .day && events[$0].precision != .partOfDay })
            {
                evidence.close(with: relative, after: candidates[anchor], sentence: document.sentences[relative.sentence], file: file)
            }
            windowWarnings += evidence.warnings
            var title = documentTitle
            if let heading = sectionHeadings[section] {
                title = metadataTitle(document: document).map { "\($0): \(heading)" } ?? heading
            }
            incidents.append(
                Incident(
                    title: title, provider: provider, services: services, regions: regions, events: indices.map { events[$0] },
                    observations: observations.filter { ($0.source.line.flatMap { lineSections[$0] } ?? 0) == section || sectionIDs.count == 1 },
                    announcedCredits: credits, sources: [file], impactStart: evidence.start, impactEnd: evidence.end))
        }
        let allCredits = incidents.flatMap(\.announcedCredits)
        return (incidents, windowWarnings + Self.creditFigureWarnings(creditFigures, credits: allCredits))
    }

    /// A credit sentence's figures are terms, not measurements: said unless an announced credit reads them.
    static func creditFigureWarnings(_ figures: [Observation], credits: [AnnouncedCredit]) -> [ParseWarning] {
        var sentences: [String] = []
        for figure in figures where !sentences.contains(figure.text) { sentences.append(figure.text) }
        var warnings: [ParseWarning] = []
        for sentence in sentences where !credits.contains(where: { sentence.containsBytes($0.text) }) {
            let own = figures.filter { $0.text == sentence }
            warnings.append(
                ParseWarning(
                    location: own[0].source,
                    message: "left out \(own.map(Self.figure).joined(separator: ", ")) in a sentence about credits: such figures are read only as an announced credit, and this sentence states none"))
        }
        return warnings
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

    /// The page's title, or the first Markdown/HTML heading of level 1.
    func metadataTitle(document: ProseDocument) -> String? {
        if let title = metadata.title, !title.isEmpty { return title }
        // Plain text has no heading levels: its title is its first line when that is a heading.
        guard markup != .plainText else { return nil }
        return (document.sentences.first { $0.kind == .heading && $0.level == 1 } ?? document.sentences.first { $0.kind == .heading })?.text
    }

    /// The document's title (its metadata title, else its first heading); a text that opens with
    /// its date line and has no title line is "<provider> postmortem, <date line>".
    func title(document: ProseDocument, provider: String?) -> String {
        if let title = metadataTitle(document: document) { return title }
        if let first = document.sentences.first, first.isHeading, first.kind == .heading, dateLine == nil {
            return first.text
        }
        var title = "\(provider ?? "Incident") postmortem"
        if let dateLine { title += ", \(dateLine)" }
        return title
    }

    /// The provider, only when the document says who writes it: the page's site name, a provider
    /// named in the title, or a writer's phrase ("The AWS Team", "we at GitHub", "GitHub's postmortem").
    func provider(document: ProseDocument, lowerText: String) -> String? {
        if let site = metadata.siteName, !site.isEmpty {
            return ProseVocabulary.providers.first { site.containsBytes($0.word) }?.name ?? site
        }
        let titleText = metadata.title ?? document.sentences.first { $0.isHeading }?.text ?? ""
        if let named = ProseVocabulary.providers.first(where: { titleText.containsBytes($0.word) }) { return named.name }
        let found = Self.writerPhrases.occurrences(in: lowerText)
        let perProvider = Self.writerPhrases.phrases.count / max(ProseVocabulary.providers.count, 1)
        // The first provider of the table with a phrase in the text, as when each was asked in turn.
        return found.firstIndex(of: true).map { ProseVocabulary.providers[$0 / perProvider].name }
    }

    /// Each provider's writer's phrases ("the aws team", "we at github", "github's postmortem"),
    /// in the order of `ProseVocabulary.providers`, as one list: the text is passed over once
    /// for all of them.
    static let writerPhrases = PhraseList(
        ProseVocabulary.providers.flatMap { provider in
            let key = provider.word.lowercased()
            return ["the \(key) team", "we at \(key)", "\(key)'s postmortem", "\(key)\u{2019}s postmortem", "\(key) engineering team"]
        }, atWordStart: true)
}
