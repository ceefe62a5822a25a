import PostmortemMetrics
import PostmortemTimeline

/// Writes the `timeline` (or `metrics`) output one input at a time, byte-identical to the
/// document rendered whole, so memory stays flat across an archive of thousands of pages.
public struct TimelineStream {
    public enum Format: Sendable {
        case json
        case csv
    }

    let format: Format
    let write: (String) -> Void
    private var count = 0
    private var warnings: [ParseWarning] = []
    private var started = false

    /// `write` receives the output in order; nothing is buffered beyond one input's incidents.
    public init(format: Format, write: @escaping (String) -> Void) {
        self.format = format
        self.write = write
    }

    /// Adds one input's incidents and warnings.
    public mutating func add(_ incidents: [Incident], warnings: [ParseWarning]) {
        if !started {
            started = true
            switch format {
            case .json: write("{\n  \"incidents\": [")
            case .csv: write(TimelineDocument.csv([]))
            }
        }
        self.warnings += warnings
        switch format {
        case .json:
            for incident in incidents {
                write((count == 0 ? "\n    " : ",\n    ") + incident.jsonValue.serialized(indent: 4))
                count += 1
            }
        case .csv:
            let table = TimelineDocument.csv(incidents)
            write(String(table.unicodeScalars.drop { $0 != "\n" }.dropFirst()))
        }
    }

    /// Closes the document with the warnings array.
    public mutating func finish() {
        if !started { add([], warnings: []) }
        guard format == .json else { return }
        write(count == 0 ? "]" : "\n  ]")
        let list = JSONValue.array(warnings.map(\.jsonValue)).serialized(indent: 2)
        write(",\n  \"warnings\": " + list + "\n}\n")
    }
}
