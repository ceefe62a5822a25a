import PostmortemTimeline

/// The bytes of `TimelineDocument.json`, built piece by piece: incidents (or their rendered
/// forms, as an archive store keeps them) one at a time, then warnings one at a time, so a large
/// document is never held whole. Take the bytes written so far with `take()` as often as wanted.
public struct TimelineJSONWriter: Sendable {
    private var buffer: [UInt8] = Array("{\n  \"incidents\": [".utf8)
    private var incidents = 0
    private var warnings = 0
    private var inWarnings = false

    public init() {}

    /// The form of one incident inside the document, for `append(rendered:)`.
    public static func render(_ incident: Incident) -> [UInt8] {
        var bytes: [UInt8] = []
        incident.jsonValue.write(into: &bytes, indent: 4)
        return bytes
    }

    /// Appends one incident (before any warning).
    public mutating func append(_ incident: Incident) {
        separate(first: incidents == 0)
        incidents += 1
        incident.jsonValue.write(into: &buffer, indent: 4)
    }

    /// Appends one incident (before any warning) with its events written one at a time, handing
    /// the bytes to `write` whenever `limit` or more wait: no JSON tree of the incident is built
    /// and its text is never held whole, which for an SHD page of half a million updates is
    /// most of the memory. The bytes are those of `append(_:)`.
    public mutating func append(_ incident: Incident, flushingAt limit: Int, to write: ([UInt8]) -> Void) {
        separate(first: incidents == 0)
        incidents += 1
        incident.streamJSON(into: &buffer, indent: 4) { buffer in
            guard buffer.count >= limit else { return }
            write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Appends one incident as `render` gave it (before any warning).
    public mutating func append<Bytes: Collection>(rendered bytes: Bytes) where Bytes.Element == UInt8 {
        separate(first: incidents == 0)
        incidents += 1
        buffer.append(contentsOf: bytes)
    }

    /// Appends one warning; the incidents end before the first.
    public mutating func append(_ warning: ParseWarning) {
        closeIncidents()
        if warnings == 0 { buffer.append(91) }
        separate(first: warnings == 0)
        warnings += 1
        warning.jsonValue.write(into: &buffer, indent: 4)
    }

    /// Ends the document.
    public mutating func finish() {
        closeIncidents()
        buffer.append(contentsOf: (warnings == 0 ? "[]" : "\n  ]").utf8)
        buffer.append(contentsOf: "\n}\n".utf8)
    }

    /// The bytes written since the last `take()`.
    public mutating func take() -> [UInt8] {
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }

    /// How many bytes wait to be taken.
    public var pendingCount: Int { buffer.count }

    private mutating func separate(first: Bool) {
        buffer.append(contentsOf: first ? [10, 32, 32, 32, 32] : [44, 10, 32, 32, 32, 32])
    }

    private mutating func closeIncidents() {
        guard !inWarnings else { return }
        inWarnings = true
        buffer.append(contentsOf: ((incidents == 0 ? "]" : "\n  ]") + ",\n  \"warnings\": ").utf8)
    }
}
