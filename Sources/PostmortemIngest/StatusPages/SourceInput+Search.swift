#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SourceInput {
    /// Whether `needle` occurs in the first `limit` bytes (all of them when `limit` is `nil`).
    ///
    /// Detection looks past the `<head>` of front pages, whose style sheets alone can run to
    /// tens of kilobytes, so this is a plain byte search rather than a decoded `String`.
    func containsBytes(_ needle: String, within limit: Int? = nil) -> Bool {
        Self.firstIndex(of: Array(needle.utf8), in: bytes, from: 0, limit: limit) != nil
    }

    /// The first place of `needle` in `bytes` at or after `start`, within the first `limit` bytes.
    /// - Complexity: O(n) with the C library's vectorised `memchr`; detection runs it over whole
    ///   pages for every format, so a byte-by-byte loop showed up in profiles.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        guard !needle.isEmpty else { return start }
        let end = min(bytes.count, limit ?? bytes.count)
        guard start < end, end - start >= needle.count else { return nil }
        return bytes.withUnsafeBytes { haystack -> Int? in
            guard let base = haystack.baseAddress else { return nil }
            let first = Int32(needle[0])
            var position = start
            while end - position >= needle.count {
                guard let hit = memchr(base + position, first, end - position - needle.count + 1) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(hit))
                if needle.withUnsafeBytes({ pattern in pattern.baseAddress.map { memcmp(base + index, $0, needle.count) == 0 } ?? false }) { return index }
                position = index + 1
            }
            return nil
        }
    }

    /// The first non-blank byte, to tell JSON (`{`, `[`) and markup (`<`) apart.
    var firstSignificantByte: UInt8? {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }

    /// Whether the content starts like JSON and holds `key` (given with its quotes).
    func looksLikeJSON(holding key: String) -> Bool {
        let first = firstSignificantByte
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        return containsBytes(key)
    }

    /// Whether the content starts like markup.
    var looksLikeMarkup: Bool { firstSignificantByte == UInt8(ascii: "<") }

    /// The content parsed as HTML (or XML for feeds), with its root element.
    /// - Throws: `IngestError.noTimeline` naming `expected` when libxml2 builds no tree at all.
    func markupDocument(xml: Bool = false, expected: String) throws(IngestError) -> (document: HTMLDocument, root: HTMLNode) {
        let parsed = bytes.withUnsafeBytes { xml ? HTMLDocument(xml: $0, url: path) : HTMLDocument(html: $0, url: path) }
        guard let document = parsed, let root = document.root else {
            throw .noTimeline(file: path, expected: expected)
        }
        return (document, root)
    }
}
