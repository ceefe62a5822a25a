import PostmortemMetrics
import PostmortemTimeline

/// One line per incident, for `archive list`: provider, title, start, duration, impact, how
/// many updates and how many captures it was seen in. Tab-separated with a header line, so it
/// reads in a terminal and cuts with `cut -f` or `awk -F'\t'`.
public enum IncidentListing {
    public static let header = ["provider", "title", "start_utc", "duration", "impact", "updates", "captures"]

    /// The listing's lines, header first, each ending in a newline.
    public static func text(_ incidents: [Incident], metrics: [IncidentMetrics]) -> String {
        var out = header.joined(separator: "\t") + "\n"
        for (incident, item) in zip(incidents, metrics) {
            out += line(incident, metrics: item) + "\n"
        }
        return out
    }

    /// One incident's line (without the newline). The start is the impact window's when one was
    /// found, else the first event's; the duration is the window's, `-` when none was found.
    public static func line(_ incident: Incident, metrics: IncidentMetrics) -> String {
        let start = metrics.window?.start ?? [incident.events.first?.time, incident.statedImpactStart].compactMap { $0 }.min()
        let duration = metrics.window.map { DurationText.minutes($0.durationMinutes) } ?? "-"
        let cells = [
            incident.provider ?? "-", incident.title, start.map(MarkdownText.utcShort) ?? "-", duration,
            incident.impact ?? "-", String(incident.events.count), String(incident.sources.count),
        ]
        return cells.map(cell).joined(separator: "\t")
    }

    /// A cell with its tabs and line breaks made spaces, so every incident stays one line.
    static func cell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
