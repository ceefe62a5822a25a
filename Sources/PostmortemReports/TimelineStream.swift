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
    let write: ([UInt8]) -> Void
    private var count = 0
    private var warnings: [ParseWarning] = []
    private var started = false

    /// `write` receives the output's UTF-8 bytes in order; nothing is buffered beyond one input's
    /// incidents. Bytes rather than strings: JSON is built as bytes, and a round trip through
    /// `String` for every incident showed in profiles.
    public init(format: Format, write: @escaping ([UInt8]) -> Void) {
        self.format = format
        self.write = write
    }

    /// Adds one input's incidents and warnings.
    public mutating func add(_ incidents: [Incident], warnings: [ParseWarning]) {
        if !started {
            started = true
            switch format {
            case .json: write(Array("{\n  \"incidents\": [".utf8))
            case .csv: write(Array(TimelineDocument.csv([]).utf8))
            }
        }
        self.warnings += warnings
        switch format {
        case .json:
            var bytes: [UInt8] = []
            for incident in incidents {
                bytes.append(contentsOf: count == 0 ? [10, 32, 32, 32, 32] : [44, 10, 32, 32, 32, 32])
                incident.jsonValue.write(into: &bytes, indent: 4)
                count += 1
            }
            write(bytes)
        case .csv:
            write(Array(TimelineDocument.csv(incidents, header: false).utf8))
        }
    }

    /// Closes the document with the warnings array.
    public mutating func finish() {
        if !started { add([], warnings: []) }
        guard format == .json else { return }
        write(Array((count == 0 ? "]" : "\n  ]").utf8))
        let list = JSONValue.array(warnings.map(\.jsonValue)).serialized(indent: 2)
        write(Array((",\n  \"warnings\": " + list + "\n}\n").utf8))
    }
}
