import PostmortemMetrics
import PostmortemTimeline

/// Renders incidents' timelines: the `timeline` command's output in every format.
public enum TimelineDocument {
    /// `{"incidents": [...], "warnings": [...]}`.
    public static func json(_ incidents: [Incident], warnings: [ParseWarning]) -> String {
        JSONValue.object([
            ("incidents", .array(incidents.map(\.jsonValue))),
            ("warnings", .array(warnings.map(\.jsonValue))),
        ]).serialized()
    }

    /// The bytes of `json(_:warnings:)`, handed to `write` a few hundred incidents at a time, so a
    /// large document (an archive store's export) is never held whole as one tree or one string.
    /// Incidents are rendered `jobs` at a time; the bytes are the same for any number.
    public static func writeJSON(_ incidents: [Incident], warnings: [ParseWarning], jobs: Int = 1, to write: ([UInt8]) throws -> Void) rethrows {
        var writer = TimelineJSONWriter()
        let chunk = 256
        let starts = Array(stride(from: 0, to: incidents.count, by: chunk))
        var group = 0
        while group < starts.count {
            let batch = Array(starts[group..<min(starts.count, group + 4 * max(1, jobs))])
            let rendered = ParallelMap.map(batch, jobs: jobs) { start in
                incidents[start..<min(incidents.count, start + chunk)].map(TimelineJSONWriter.render)
            }
            for item in rendered.joined() {
                writer.append(rendered: item)
            }
            try write(writer.take())
            group += batch.count
        }
        for warning in warnings { writer.append(warning) }
        writer.finish()
        try write(writer.take())
    }

    /// One row per event, every incident in one table; `header: false` gives the rows alone.
    public static func csv(_ incidents: [Incident], header: Bool = true) -> String {
        var table = CSVTable(header: [
            "incident", "time_utc", "time_as_written", "zone", "utc_offset", "kind", "status", "region", "text", "source",
        ])
        for incident in incidents {
            for event in incident.events {
                table.append([
                    incident.title, event.time.iso8601, event.writtenTime ?? "", event.zone?.token ?? "",
                    event.zone?.offsetText ?? "", event.kind.rawValue, event.status ?? "", event.region ?? "",
                    event.text, event.source.description,
                ])
            }
        }
        return table.serialized(header: header)
    }

    /// A Markdown section per incident with its timeline table.
    public static func markdown(_ incidents: [Incident], warnings: [ParseWarning]) -> String {
        var out = ""
        for incident in incidents {
            out += "# \(MarkdownText.escape(incident.title))\n\n"
            out += table(incident)
            out += "\n"
        }
        out += MarkdownText.warnings(warnings)
        return out
    }

    /// The timeline as a Markdown table: time in UTC, time as written, status, text, source.
    public static func table(_ incident: Incident) -> String {
        var out = "| Time (UTC) | As written | Status | Text | Source |\n|---|---|---|---|---|\n"
        for event in incident.events {
            let utc = MarkdownText.utcShort(event.time)
            out += "| \(utc) | \(MarkdownText.cell(event.writtenTime ?? "")) | \(MarkdownText.cell(event.status ?? "")) | "
            out += "\(MarkdownText.cell(event.text)) | \(MarkdownText.cell(event.source.description)) |\n"
        }
        return out
    }
}

/// Small helpers for writing Markdown that reads well as plain text too.
public enum MarkdownText {
    /// Escapes characters that would start Markdown syntax in running text.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A table cell: escaped, on one line, long text kept whole (tables wrap on code-hosting sites).
    public static func cell(_ text: String) -> String {
        escape(text).replacingNewlines()
    }

    /// `2008-07-20 16:05` (UTC, to the minute unless seconds are set).
    public static func utcShort(_ instant: Instant) -> String {
        let c = instant.civil()
        var text = "\(c.date) \(WrittenZone.twoDigits(c.hour)):\(WrittenZone.twoDigits(c.minute))"
        if c.second != 0 { text += ":\(WrittenZone.twoDigits(c.second))" }
        return text
    }

    /// `2008-07-20 09:05 PDT` in a written zone.
    public static func local(_ instant: Instant, _ zone: WrittenZone) -> String {
        let c = instant.civil(offsetSeconds: zone.offsetSeconds)
        return "\(c.date) \(WrittenZone.twoDigits(c.hour)):\(WrittenZone.twoDigits(c.minute)) \(zone.token)"
    }


    /// A warnings section, or nothing when there are none.
    public static func warnings(_ warnings: [ParseWarning]) -> String {
        guard !warnings.isEmpty else { return "" }
        var out = "## Warnings\n\n\(warnings.count) item(s) could not be read as written:\n\n"
        for warning in warnings {
            out += "- `\(warning.location)`: \(escape(warning.message))\n"
        }
        return out + "\n"
    }
}

extension String {
    /// Line breaks (any run of CR/LF) as one `<br>`, for table cells and HTML text.
    func replacingNewlines() -> String {
        var out = ""
        var lastWasBreak = false
        for character in self {
            if character == "\n" || character == "\r" || character == "\r\n" {
                if !lastWasBreak { out += "<br>" }
                lastWasBreak = true
            } else {
                out.append(character)
                lastWasBreak = false
            }
        }
        return out
    }
}
