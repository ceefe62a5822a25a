/// A tab- or comma-separated table given where incident material was expected: an
/// `EXPECTED.tsv`, a `SOURCES.tsv` or an exported spreadsheet. Read as prose, such a file gives
/// a made-up incident out of whatever clock times its cells hold (one `EXPECTED.tsv` became a
/// 2019-2020 "incident" of 763,604 minutes), so detection refuses it with an error naming the
/// file and the line that shows it is a table.
enum DelimitedTable {
    /// Why `input` is a table rather than a postmortem, or `nil` when it is not one.
    ///
    /// A `.tsv` or `.csv` name is a table whatever it holds. Other files are tables when their
    /// first lines all hold the same number (two or more) of tabs: a plain-text postmortem may
    /// indent with a tab here and there, but not on every line in equal counts. Commas are not
    /// counted: prose is full of them.
    static func reason(_ input: SourceInput) -> (line: Int, message: String)? {
        let name = input.path.split(separator: "/").last.map(String.init) ?? input.path
        let lowered = name.lowercased()
        if lowered.hasSuffix(".tsv") || lowered.hasSuffix(".csv") {
            let kind = lowered.hasSuffix(".tsv") ? "tab" : "comma"
            return (1, "a \(kind)-separated table (by its name), not a status page or postmortem")
        }
        // The tabs of the first 20 non-empty lines of the first 8 KB, counted on the bytes
        // (splitting that much text into `Character` lines was a tenth of the prose reader's time).
        var tabCounts: [Int] = []
        var tabs = 0
        var lineHasBytes = false
        for byte in input.bytes.prefix(8192) {
            if byte == 10 {
                if lineHasBytes { tabCounts.append(tabs) }
                if tabCounts.count == 20 { break }
                tabs = 0
                lineHasBytes = false
            } else {
                lineHasBytes = true
                if byte == 9 { tabs += 1 }
            }
        }
        if lineHasBytes, tabCounts.count < 20 { tabCounts.append(tabs) }
        guard tabCounts.count >= 3, let first = tabCounts.first, first >= 2, tabCounts.allSatisfy({ $0 == first }) else { return nil }
        return (1, "a tab-separated table (\(first + 1) columns on each of its first \(tabCounts.count) lines), not a status page or postmortem")
    }
}
