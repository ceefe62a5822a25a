/// Brings an input's bytes to UTF-8 before any parser sees them, so that format detection and the
/// text-based parsers (JSON, prose) read the same characters libxml2 does.
///
/// - UTF-8, with or without a BOM, is kept as it is.
/// - UTF-16 with a BOM is transcoded to UTF-8 (with a UTF-8 BOM in front, which libxml2 trusts
///   over a `<meta charset="utf-16">` that no longer describes the bytes).
/// - Bytes that declare another charset (`<meta charset>`, `charset=` in an `http-equiv`, or an
///   XML declaration's `encoding=`) are left for libxml2, which decodes them.
/// - Anything else that is not valid UTF-8 is decoded as Windows-1252 (a superset of the printable
///   Latin-1), best effort, and the result says where the first invalid byte was.
public enum SourceEncoding {
    /// What normalisation did to an input.
    public struct Outcome: Sendable, Equatable {
        /// The bytes to parse.
        public var bytes: [UInt8]
        /// The byte offset of the first byte that was not UTF-8, when the input was decoded as
        /// Windows-1252 because it declared no charset.
        public var guessedFrom: Int?
    }

    /// The UTF-8 bytes of `bytes`, decoded by the rules above.
    /// - Complexity: O(n); valid UTF-8 is checked by the standard library's validator and not copied.
    public static func normalize(_ bytes: [UInt8]) -> Outcome {
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE, !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0) {
            return Outcome(bytes: utf8FromUTF16(bytes.dropFirst(2), bigEndian: false))
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Outcome(bytes: utf8FromUTF16(bytes.dropFirst(2), bigEndian: true))
        }
        if isValidUTF8(bytes) { return Outcome(bytes: bytes) }
        if let charset = declaredCharset(bytes), !charset.hasPrefix("utf-8"), !charset.hasPrefix("utf8") {
            return Outcome(bytes: bytes)
        }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        return Outcome(bytes: utf8FromWindows1252(bytes), guessedFrom: offset)
    }

    /// Whether all of `bytes` is well-formed UTF-8.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The charset named in the first 4 KiB, lower-cased: `<meta charset="...">`,
    /// `content="text/html; charset=..."` or `<?xml ... encoding="..."?>`.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for key in [Array("charset=".utf8), Array("encoding=".utf8)] {
            guard let start = firstIndex(of: key, in: head) else { continue }
            var i = start + key.count
            while i < head.count, head[i] == 34 || head[i] == 39 || head[i] == 32 { i += 1 }
            var name: [UInt8] = []
            while i < head.count, name.count < 40 {
                let c = head[i]
                guard (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45 || c == 95 || c == 46 || c == 58 else { break }
                name.append(c)
                i += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            guard bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<max(length, 2) where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return i }
            i += length
        }
        return nil
    }

    /// Windows-1252's characters for 0x80...0x9F; the five unassigned bytes keep their C1 code points.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func utf8FromWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let value = byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
                appendUTF8(value, to: &out)
            }
        }
        return out
    }

    static func utf8FromUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(units.count * 2 + 3)
        // Lone surrogates become U+FFFD, as any decoder would show them.
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { out.append($0) }
        return out
    }

    /// Appends the UTF-8 form of a code point below U+10000 (all Windows-1252 needs).
    private static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x800 {
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
