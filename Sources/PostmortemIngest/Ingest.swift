import Foundation
import PostmortemTimeline

/// The entry point of ingestion: reads files, detects their format and runs the parser.
public enum Ingest {
    /// Every parser, in detection order: the most specific signatures first, prose last.
    public static let parsers: [any IncidentParser.Type] = [
        StatuspageJSONParser.self,
        GoogleCloudJSONParser.self,
        AWSHealthJSONParser.self,
        StatuspageFeedParser.self,
        AWSHealthRSSParser.self,
        StatuspageIncidentParser.self,
        StatuspageHistoryParser.self,
        AWSHealthDashboardParser.self,
        ProsePostmortemParser.self,
    ]

    /// Reads the file at `path` and parses it, naming it `name` (default: `path`) in events,
    /// warnings and errors, so a caller that resolves paths against a root keeps them relative.
    /// - Throws: `IngestError` when the file cannot be read, is empty, is in no known format or
    ///   holds no timeline.
    public static func read(path: String, named name: String? = nil, options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestResult {
        let shown = name ?? path
        let bytes: [UInt8]
        do {
            bytes = try SourceFile.read(path)
        } catch .unreadable(_, let reason) {
            throw .unreadable(file: shown, reason: reason)
        } catch {
            throw error
        }
        return try parse(SourceInput(path: shown, bytes: bytes), options: options)
    }

    /// The bytes of the file at `path`, read as `read(path:options:)` reads them (for callers
    /// that keep the bytes too, such as the archive store, which identifies a capture by them).
    /// - Throws: `IngestError.unreadable` naming the path and the reason.
    public static func bytes(at path: String) throws(IngestError) -> [UInt8] {
        try SourceFile.read(path)
    }

    /// Parses bytes already in memory, named `input.path` in messages.
    public static func parse(_ input: SourceInput, options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestResult {
        let decoded = SourceEncoding.normalize(input.bytes)
        let original = input.bytes
        let input = SourceInput(path: input.path, bytes: decoded.bytes)
        let start = input.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard input.bytes[start...].contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 0) }) else {
            throw .empty(file: input.path)
        }
        if let response = failedResponse(input) { throw .failedCapture(file: input.path, response: response) }
        let parserType = try detect(input, hint: options.formatHint)
        var result = try parserType.init().parse(input, options: options)
        if let offset = decoded.guessedFrom {
            let line = original.prefix(offset).reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            result.warnings.insert(
                ParseWarning(
                    location: SourceLocation(file: input.path, line: line),
                    message: "the file declares no charset and byte \(offset) is not UTF-8; decoded as Windows-1252 (best effort)"),
                at: 0)
        }
        result.format = parserType.format
        result.incidents = result.incidents.map { Self.removingControls(from: $0).normalized() }
        return result
    }

    /// `HTTP 500 'Internal Server Error'` when the input is a small JSON object holding only an
    /// error status (400 or more) and its message: the body a status API returns when it fails.
    static func failedResponse(_ input: SourceInput) -> String? {
        guard input.bytes.count < 1024, input.firstSignificantByte == UInt8(ascii: "{"),
            let object = (try? JSONSerialization.jsonObject(with: Data(input.bytes))) as? [String: Any],
            let status = (object["status"] as? NSNumber)?.intValue, status >= 400,
            object.keys.allSatisfy({ ["status", "error", "message"].contains($0) })
        else { return nil }
        let message = (object["error"] ?? object["message"]) as? String
        return "HTTP \(status)" + (message.map { " '\($0)'" } ?? "")
    }

    /// The parser for the input: the hinted one, or the first whose signature matches.
    /// - Throws: `IngestError.unknownFormat` listing every format tried.
    public static func detect(_ input: SourceInput, hint: SourceFormat? = nil) throws(IngestError) -> any IncidentParser.Type {
        if let hint {
            if let parser = parsers.first(where: { $0.format == hint }) { return parser }
            throw .unknownFormat(file: input.path, tried: [hint.rawValue + " (no parser for this hint)"])
        }
        if let table = DelimitedTable.reason(input) {
            throw .malformed(location: SourceLocation(file: input.path, line: table.line), message: table.message)
        }
        for parser in parsers where parser.matches(input) {
            return parser
        }
        // JSON that no reader recognises may be a download cut short before its keys: say where
        // the JSON breaks, which is what to fix, rather than only that the format is unknown.
        if input.firstSignificantByte == UInt8(ascii: "{") || input.firstSignificantByte == UInt8(ascii: "[") {
            _ = try JSONSource(input)
        }
        throw .unknownFormat(file: input.path, tried: parsers.map { $0.format.title })
    }

    /// The incident with control characters taken out of its title and texts, whichever parser
    /// read it (libxml2 drops them from markup; text formats pass them through).
    static func removingControls(from incident: Incident) -> Incident {
        var clean = incident
        clean.title = TextFolding.removingControls(clean.title)
        for index in clean.events.indices { clean.events[index].text = TextFolding.removingControls(clean.events[index].text) }
        for index in clean.observations.indices {
            clean.observations[index].text = TextFolding.removingControls(clean.observations[index].text)
        }
        return clean
    }
}
