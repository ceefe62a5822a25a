import PostmortemTimeline

/// A zone written at a token of a sentence, in any of the ways people write one: an abbreviation
/// or offset (`PDT`, `UTC+2`), a zone written out ("Pacific Daylight Time"), a place's time ("UK
/// time", "Sydney local time", "US Eastern", "Central European Time") or an IANA name
/// (`Europe/Berlin`, `America/New_York`). A place resolves with its daylight rule
/// (`ZoneTable.placeZone`), so "UK time" is GMT in January and BST in July.
enum ProseZoneName {
    /// The zone at token `j`: the token `ZoneTable` reads and how many tokens it takes.
    static func at(_ t: [ProseToken], _ j: Int) -> (token: String, length: Int)? {
        guard j < t.count, t[j].isWord else { return nil }
        if let long = ProseTimeScanner.longZoneName(t, at: j) { return long }
        if let place = place(t, at: j) { return place }
        if ZoneTable.zone(for: t[j].text) != nil { return (t[j].text, 1) }
        return nil
    }

    /// A place's zone at token `j`, the longest reading first: "Central European Time", "US
    /// Eastern", "New York local time", "UK time", `Europe/London`, `America/New_York` (which the
    /// tokenizer cuts at the underscore: its parts are joined again).
    static func place(_ t: [ProseToken], at j: Int) -> (token: String, length: Int)? {
        guard t[j].isCapitalized else { return nil }
        let word = t[j].text
        if word.utf8.contains(47) {
            // "America/New_York", "Europe/Berlin": the name and the parts cut off it.
            var name = word
            var best: (token: String, length: Int)? = ZoneTable.zone(for: name) != nil ? (name, 1) : nil
            var k = j + 1
            while k < t.count, k - j < 3, t[k].isWord, t[k].isCapitalized, t[k].start == t[k - 1].end + 1 {
                name += "_" + t[k].text
                if ZoneTable.zone(for: name) != nil { best = (name, k - j + 1) }
                k += 1
            }
            return best
        }
        guard ZoneTable.opensPlaceName(word) else { return nil }
        var length = min(4, t.count - j)
        while length >= 2 {
            let words = t[j..<(j + length)]
            if words.allSatisfy(\.isWord) {
                let phrase = words.map(\.text).joined(separator: " ")
                if ZoneTable.zone(for: phrase) != nil { return (phrase, length) }
            }
            length -= 1
        }
        return nil
    }
}
