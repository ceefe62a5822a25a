import PostmortemTimeline

extension TimeStampScanner {
    /// The first stamp that starts at a word in `text`: skips lead-ins such as "Posted 3 days ago."
    ///
    /// - Complexity: O(n) tries, each bounded by the length of a stamp.
    static func firstStamp(in text: String) -> WrittenStamp? {
        let bytes = Array(text.utf8)
        var i = 0
        var atWordStart = true
        while i < bytes.count {
            let c = bytes[i]
            let isWordByte = (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57)
            if isWordByte && atWordStart, let found = scan(bytes, from: i) {
                return found.stamp
            }
            atWordStart = !isWordByte
            i += 1
        }
        return nil
    }

    /// A date written without a time: `Jan 19, 2021`, `January 19 2021`, `19 Jan 2021`.
    static func writtenDate(_ text: String) -> CivilDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
        var month: Int?
        var numbers: [Int] = []
        for word in words {
            if let value = Int(word) {
                numbers.append(value)
            } else if month == nil, let named = CivilDate.month(named: word) {
                month = named
            }
        }
        guard let month, numbers.count == 2 else { return nil }
        let (day, year) = numbers[0] > 31 ? (numbers[1], numbers[0]) : (numbers[0], numbers[1])
        let date = CivilDate(year: year, month: month, day: day)
        return date.isValid ? date : nil
    }
}
