/// Questions about the Unicode scalar at a byte offset of UTF-8 text, for the byte-level
/// splitters (`Sentences`, `MarkdownBlocks.inline`), which decode a scalar only where a
/// non-ASCII letter could change the answer.
enum UTF8Scalars {
    /// The number of bytes of the scalar that starts with `lead`.
    static func width(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// The scalar that starts at byte `i`.
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        guard i >= 0, i < b.count else { return nil }
        if b[i] < 0x80 { return Unicode.Scalar(b[i]) }
        var iterator = b[i...].makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// Whether the scalar at byte `i` is alphabetic (false past the end).
    static func isAlphabetic(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i >= 0, i < b.count else { return false }
        let lead = b[i]
        if lead < 0x80 { return (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A }
        return scalar(b, at: i)?.properties.isAlphabetic ?? false
    }

    /// Whether the scalar at byte `i` is alphabetic or an ASCII digit.
    static func isWord(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i >= 0, i < b.count else { return false }
        return (b[i] >= 0x30 && b[i] <= 0x39) || isAlphabetic(b, at: i)
    }

    /// Whether the scalar that ends just before byte `i` is alphabetic or an ASCII digit.
    static func isWord(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var k = i - 1
        while k > 0, b[k] & 0xC0 == 0x80 { k -= 1 }
        return isWord(b, at: k)
    }

    /// The number of scalars in the bytes (those that are not continuation bytes).
    static func count(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}
