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

    init(_ phrases: [String], atWordStart: Bool = false) {
        self.phrases = phrases.map { Array($0.utf8) }
        self.atWordStart = atWordStart
    }

    /// Whether any phrase occurs in `lower` (text already lower-cased).
    func matches(_ lower: String) -> Bool {
        var text = lower
        return text.withUTF8 { matches($0) }
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for phrase in phrases where Self.find(phrase, in: bytes, atWordStart: atWordStart) { return true }
        return false
    }

    static func find(_ phrase: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, atWordStart: Bool) -> Bool {
        guard let lead = phrase.first, phrase.count <= bytes.count else { return false }
        var i = 0
        let last = bytes.count - phrase.count
        while i <= last {
            if bytes[i] == lead, !atWordStart || i == 0 || !isLetter(bytes[i - 1]) {
                var k = 1
                while k < phrase.count, bytes[i + k] == phrase[k] { k += 1 }
                if k == phrase.count { return true }
            }
            i += 1
        }
        return false
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
}
