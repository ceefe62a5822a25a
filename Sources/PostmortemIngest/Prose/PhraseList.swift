/// A list of lower-case phrases looked for in lower-case text, on UTF-8 bytes.
///
/// Hand-written rather than `String.contains` (Foundation's, which goes through `CFString` on
/// Linux and was most of the prose reader's time) or one `Regex` alternation per list (compiled
/// once, but a backtracking engine run once per clause and phrase is slower still): a byte scan
/// for each phrase's first byte is all these short lists need.
struct PhraseList: Sendable {
    let phrases: [[UInt8]]
    /// Whether a phrase must start at a word boundary ("started" does not match "restarted").
    let atWordStart: Bool
    /// For each first byte, the phrases that start with it: one pass over the text checks only
    /// the phrases that can start at each place.
    let byFirstByte: [[Int]]
    /// Whether any phrase starts with each byte: most bytes of a text start none, and are passed
    /// over without fetching (and retaining) their bucket.
    let leads: [Bool]

    init(_ phrases: [String], atWordStart: Bool = false) {
        self.phrases = phrases.map { Array($0.utf8) }
        self.atWordStart = atWordStart
        var buckets = Array(repeating: [Int](), count: 256)
        for (index, phrase) in self.phrases.enumerated() {
            if let lead = phrase.first { buckets[Int(lead)].append(index) }
        }
        byFirstByte = buckets
        leads = buckets.map { !$0.isEmpty }
    }

    /// Whether any phrase occurs in `lower` (text already lower-cased).
    func matches(_ lower: String) -> Bool {
        var text = lower
        return text.withUTF8 { matches($0) }
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        leads.withUnsafeBufferPointer { leads in
            var i = 0
            while i < bytes.count {
                if leads[Int(bytes[i])], !atWordStart || i == 0 || !Self.isLetter(bytes[i - 1]) {
                    for index in byFirstByte[Int(bytes[i])] where occurs(index, at: i, in: bytes) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// For each phrase, whether it occurs in `lower`: one pass over the text for the whole list,
    /// where asking `matches` of one list per group of phrases would pass over it once per group.
    func occurrences(in lower: String) -> [Bool] {
        var found = Array(repeating: false, count: phrases.count)
        var text = lower
        text.withUTF8 { bytes in
            var left = phrases.count
            var i = 0
            while i < bytes.count, left > 0 {
                if leads[Int(bytes[i])], !atWordStart || i == 0 || !Self.isLetter(bytes[i - 1]) {
                    for index in byFirstByte[Int(bytes[i])] where !found[index] && occurs(index, at: i, in: bytes) {
                        found[index] = true
                        left -= 1
                    }
                }
                i += 1
            }
        }
        return found
    }

    /// Whether phrase `index` is written at byte `i` (its first byte already matched).
    @inline(__always) private func occurs(_ index: Int, at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let phrase = phrases[index]
        guard i + phrase.count <= bytes.count else { return false }
        var k = 1
        while k < phrase.count, bytes[i + k] == phrase[k] { k += 1 }
        guard k == phrase.count else { return false }
        // A number ("500", "503") is a whole number, or a plural ("500s"): not the start of
        // "500GB" or the end of "1500".
        if let last = phrase.last, Self.isDigit(last) {
            let after = i + k
            let plural = after < bytes.count && bytes[after] == 115 && (after + 1 == bytes.count || !Self.isLetter(bytes[after + 1]))
            if i > 0 && Self.isDigit(bytes[i - 1]) { return false }
            if after < bytes.count, Self.isDigit(bytes[after]) || Self.isLetter(bytes[after]) && !plural { return false }
        }
        return true
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
