/// White-space folding shared by every parser, done on UTF-8 bytes.
public enum TextFolding {
    /// Folds runs of ASCII white space to one space and trims the ends. No-break spaces
    /// (U+00A0) are kept as written.
    public static func fold(_ text: some StringProtocol) -> String {
        foldASCIISpace(text.utf8)
    }

    /// The folding loop shared by `fold` and the byte-level entry points.
    static func foldASCIISpace<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(32) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds UTF-8 bytes straight into a `String`: runs of ASCII white space and no-break spaces
    /// become one space, the ends are trimmed. The same result as `foldAll(String(decoding:))`
    /// with one allocation instead of four, for the streaming parsers' hot path.
    public static func foldAll(bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 {
                pendingSpace = !out.isEmpty
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                pendingSpace = !out.isEmpty
                index += 2
            } else {
                if pendingSpace { out.append(32) }
                pendingSpace = false
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `fold` straight from UTF-8 bytes, dropping a leading `-`, en or em dash first (the
    /// separator Statuspage puts between a status word and its body): one allocation for the
    /// streaming parsers' update bodies.
    public static func foldDroppingLeadingDash(bytes: [UInt8]) -> String {
        var start = 0
        while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 || bytes[start] == 10 || bytes[start] == 13 || bytes[start] == 12 {
            start += 1
        }
        if start < bytes.count, bytes[start] == 45 {
            start += 1
        } else if start + 2 < bytes.count, bytes[start] == 0xE2, bytes[start + 1] == 0x80, bytes[start + 2] == 0x93 || bytes[start + 2] == 0x94 {
            start += 3
        }
        return foldASCIISpace(bytes[start...])
    }

    /// Splits on line feeds, folds each line, and drops the empty ones.
    public static func foldLines(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        for line in bytes.split(separator: 10, omittingEmptySubsequences: true) {
            let folded = fold(String(decoding: line, as: UTF8.self))
            if !folded.isEmpty { lines.append(folded) }
        }
        return lines.joined(separator: "\n")
    }

    /// The text without control characters other than tab and line feed (NUL, BEL, ESC, DEL...),
    /// which damaged copies carry and no report should print. Clean text is returned as it is.
    public static func removingControls(_ text: String) -> String {
        func isControl(_ byte: UInt8) -> Bool { (byte < 32 && byte != 9 && byte != 10) || byte == 127 }
        guard text.utf8.contains(where: isControl) else { return text }
        return String(decoding: text.utf8.filter { !isControl($0) }, as: UTF8.self)
    }

    /// The same string as `text.lowercased()`, made faster for text that is not all ASCII: the
    /// standard library then builds a `String` from each scalar's lower-case mapping, one
    /// scalar at a time, while here ASCII letters are mapped on their bytes and only the other
    /// scalars use their mapping (a single curly quote in a document made its every lower-casing
    /// the slow kind, a tenth of the prose reader's time).
    public static func lowercased(_ text: some StringProtocol) -> String {
        // All ASCII: the standard library's own fast path is the quickest.
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) ?? false { return text.lowercased() }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Like `fold`, and also treats no-break spaces as white space: for matching, not for quoting.
    public static func foldAll(_ text: some StringProtocol) -> String {
        foldAll(bytes: Array(text.utf8))
    }
}
