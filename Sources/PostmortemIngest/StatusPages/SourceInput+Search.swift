extension SourceInput {
    /// Whether `needle` occurs in the first `limit` bytes (all of them when `limit` is `nil`).
    ///
    /// Detection looks past the `<head>` of front pages, whose style sheets alone can run to
    /// tens of kilobytes, so this is a plain byte search rather than a decoded `String`.
    /// - Complexity: O(n·m) worst case, O(n) in practice (first-byte filter).
    func containsBytes(_ needle: String, within limit: Int? = nil) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let end = min(bytes.count, limit ?? bytes.count) - pattern.count
        guard end >= 0 else { return false }
        var i = 0
        outer: while i <= end {
            if bytes[i] == first {
                for k in 1..<pattern.count where bytes[i + k] != pattern[k] {
                    i += 1
                    continue outer
                }
                return true
            }
            i += 1
        }
        return false
    }

    /// The first non-blank byte, to tell JSON (`{`, `[`) and markup (`<`) apart.
    var firstSignificantByte: UInt8? {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }
}
