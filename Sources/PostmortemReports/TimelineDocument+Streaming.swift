import PostmortemTimeline

extension TimelineDocument {
    /// The bytes of `json(_:warnings:)`, handed to `write` about every `chunk` bytes as they are
    /// made, one event at a time: no JSON tree of the document, nor of one incident, is built,
    /// so an incident of half a million events (an SHD page of 100 MB) costs its output and no
    /// more. The framing is `JSONValue`'s own (`writeObject`, `writeArray`), so the bytes are
    /// those of `json` exactly.
    public static func streamJSON(
        _ incidents: [Incident], warnings: [ParseWarning], chunk: Int = 1 << 20, to write: ([UInt8]) -> Void
    ) {
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        func flushIfFull(_ out: inout [UInt8]) {
            guard out.count >= chunk else { return }
            write(out)
            out.removeAll(keepingCapacity: true)
        }
        let keys = ["incidents", "warnings"]
        JSONValue.writeObject(count: keys.count, into: &out, indent: 0, key: { keys[$0] }) { member, out in
            if member == 0 {
                JSONValue.writeArray(count: incidents.count, into: &out, indent: 2) { index, out in
                    incidents[index].streamJSON(into: &out, indent: 4, flush: flushIfFull)
                }
            } else {
                JSONValue.writeArray(count: warnings.count, into: &out, indent: 2) { index, out in
                    warnings[index].jsonValue.write(into: &out, indent: 4)
                    flushIfFull(&out)
                }
            }
        }
        out.append(10)
        write(out)
    }
}
