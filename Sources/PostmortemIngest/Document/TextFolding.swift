/// White-space folding shared by every parser, done on UTF-8 bytes.
public enum TextFolding {
    /// Folds runs of ASCII white space to one space and trims the ends. No-break spaces
    /// (U+00A0) are kept as written.
    public static func fold(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
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

    /// Like `fold`, and also treats no-break spaces as white space: for matching, not for quoting.
    public static func foldAll(_ text: some StringProtocol) -> String {
        fold(String(text).replacingNBSP())
    }
}

extension String {
    func replacingNBSP() -> String {
        guard unicodeScalars.contains("\u{00A0}") else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{00A0}" ? " " : $0 }))
    }
}
