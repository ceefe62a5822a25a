import PostmortemTimeline

/// Reads a postmortem (plain text, Markdown or a web page) into incidents: an event per written
/// instant (with the sentence it came from), the impact window chosen from the strongest evidence
/// the text holds, the figures it states as observations, and the credit it announces.
///
/// The document first becomes blocks (`BlockDocument`), so every markup is read the same way.
/// It is the fallback for text and for HTML that no status-page reader claims, so it comes last
/// in `Ingest.parsers`.
///
/// The incident's title is the document's title or first heading; a text that opens with its
/// date line and has no title line (the EBS text opens with "April 29, 2011") is "<provider>
/// postmortem, <date line as written>". The provider is the page's site name, or a provider the
/// text names as its writer ("we at GitHub", "GitHub's postmortem", "Amazon Web Services would
/// like to"), or one named in the title; a company mentioned in passing is not the provider.
/// Services are those named in the opening paragraph, in a heading, or in a dated sentence;
/// regions are those named anywhere. A document of several dated entries (a status history
/// page, a write-up of recurring outages) gives one incident per entry.
public struct ProsePostmortemParser: IncidentParser {
    public static let format = SourceFormat.prose

    /// A parser with no state; everything it needs comes with each input.
    public init() {}

    /// Text that is not JSON, and HTML pages (the status-page readers, tried first, have passed on them).
    public static func matches(_ input: SourceInput) -> Bool {
        guard looksLikeText(input.bytes.prefix(4096)) else { return false }
        let head = TextFolding.fold(input.head(512))
        guard let first = head.first else { return false }
        if first == "<" { return HTMLArticle.looksLikeHTML(input.bytes.prefix(2048)) }
        return first != "{" && first != "["
    }

    /// Whether the bytes read as text: few control characters (NUL included: a stray one in a
    /// damaged copy does not make a file binary) and mostly valid UTF-8 (a binary file is not
    /// prose, whatever its name).
    static func looksLikeText(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var controls = 0
        var ascii = true
        for byte in bytes {
            if byte < 32 && byte != 9 && byte != 10 && byte != 13 && byte != 12 { controls += 1 }
            if byte >= 0x80 { ascii = false }
        }
        guard controls * 100 <= bytes.count else { return false }
        // ASCII is valid UTF-8: nothing to repair, no need to decode.
        if ascii { return true }
        var repaired = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where scalar == "\u{FFFD}" { repaired += 1 }
        return repaired * 20 <= bytes.count
    }

    /// Reads the document into its incidents.
    /// - Throws: `IngestError.noTimeline` naming the file when the text holds no time at all, or
    ///   when no written time resolves (with the line and reason the first was skipped, such as a
    ///   missing year, which `--reference-date` fixes).
    public func parse(_ input: SourceInput, options: IngestOptions) throws(IngestError) -> IngestResult {
        var text = String(decoding: input.bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let blocks = BlockDocument.read(text: text, path: input.path)
        let document = ProseDocument(blocks: blocks.blocks)
        var reading = ProseReading(file: input.path, options: options, metadata: blocks.metadata, markup: blocks.markup)
        reading.read(document, text: text)
        guard !reading.events.isEmpty else {
            guard reading.writesClock, let first = reading.warnings.first(where: { $0.message.hasPrefix("skipped a time") }) else {
                throw .noTimeline(file: input.path, expected: "postmortem prose with dated times such as '12:47 AM PDT on April 21st' or '14:05 UTC' (the text holds no time of day)")
            }
            throw .noTimeline(
                file: input.path,
                expected: "postmortem prose with dated times such as '12:47 AM PDT on April 21st' or '14:05 UTC' (the first time found was skipped: line \(first.location.line ?? 0): \(first.message))")
        }
        let (incidents, windowWarnings) = reading.incidents(document: document, text: text)
        return IngestResult(incidents: incidents, warnings: reading.warnings + windowWarnings)
    }
}
