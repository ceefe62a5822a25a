/// A field that dates the write-up, not the incident: `Prepared: Finance team, 18 September
/// 2023`, `Last updated: 2024-05-23`, `Published 14 March 2022 by the storage team`.
///
/// Report headers often give the incident's day and the report's in neighbouring lines; the
/// report's day is days later and must not become the date of the times that follow. (It still
/// gives the year when nothing else does: `anchorYear` reads every sentence.)
enum ProseDocumentDateField {
    static let labels: Set<String> = [
        "prepared", "published", "written", "revised", "reviewed", "approved", "drafted", "last updated", "last modified",
        "last revised", "last reviewed", "report date", "date of report", "date prepared", "date published", "document date",
        "publication date", "review date", "prepared on", "published on", "written on",
    ]

    /// Whether the sentence opens with such a label (one to three words) followed by a colon or
    /// straight by its first time mention.
    static func datesTheDocument(tokens: [ProseToken], mentions: [ProseTimeMention], sentence: String) -> Bool {
        guard let first = mentions.first, first.first >= 1 else { return false }
        let bytes = sentence.utf8
        for count in 1...min(3, first.first) {
            guard tokens[count - 1].isWord else { return false }
            let end = tokens[count - 1].end
            let colon = end < bytes.count && bytes[bytes.index(bytes.startIndex, offsetBy: end)] == 58
            guard colon || count == first.first else { continue }
            let label = tokens[0..<count].map(\.lower).joined(separator: " ")
            if labels.contains(label) { return true }
        }
        return false
    }
}
