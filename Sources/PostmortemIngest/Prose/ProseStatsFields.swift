import PostmortemTimeline

/// A postmortem template's stats: "Time to detection: 64 minutes", "Time to recovery: 87
/// minutes" (also `TTD`/`TTR`, "time to resolve"; not "time to mitigate", see `recoveryWords`).
///
/// Such fields are no outage length of their own: teams count them from marks of their choosing.
/// But where the timeline holds a row at some time S, another at S plus the time to detection and
/// a third at S plus the time to recovery, the author has said which rows open and close the
/// impact: S is the onset (often a change that no row calls a failure, "08:00 | ingress object
/// applied"), and S plus the time to recovery the end.
struct ProseStatsFields: Sendable, Equatable {
    var detection: Int64?
    var recovery: Int64?
    var line: Int?

    static let detectionWords: Set<String> = ["detection", "detect", "detected", "discovery", "discover", "acknowledge", "acknowledgement"]
    /// What a time to recovery measures; not "time to mitigate", which ends at a mitigation
    /// that may be partial ("batch job killed; dashboards load again for most customers").
    static let recoveryWords = ProseOutageDuration.resolutionWords.subtracting(["mitigation", "mitigate"]).union(["resolved", "recovered", "restored"])

    /// What a field measures.
    enum Measure { case detection, recovery }

    /// The fields the sentences give, if they give a time to recovery.
    static func find(in sentences: [(text: String, line: Int?)]) -> ProseStatsFields? {
        var fields = ProseStatsFields()
        for sentence in sentences where ProseDuration.mayHoldLength(sentence.text) {
            let words = ProseDuration.words(sentence.text)
            for (i, word) in words.enumerated() {
                var measures: Measure?
                var from = i + 1
                if word == "ttd" || word == "mttd" {
                    measures = .detection
                } else if word == "ttr" || word == "mttr" {
                    measures = .recovery
                } else if word == "time", i + 2 < words.count, words[i + 1] == "to" {
                    measures = detectionWords.contains(words[i + 2]) ? .detection : recoveryWords.contains(words[i + 2]) ? .recovery : nil
                    from = i + 3
                }
                guard let measures else { continue }
                while from < words.count, ProseDuration.hedges.contains(words[from]) || words[from] == "is" || words[from] == "was" { from += 1 }
                guard let amount = ProseDuration.amount(words, at: from) else { continue }
                let seconds = Int64(amount.seconds)
                if measures == .detection, fields.detection == nil { fields.detection = seconds }
                if measures == .recovery, fields.recovery == nil {
                    fields.recovery = seconds
                    fields.line = sentence.line
                }
            }
        }
        return fields.recovery == nil ? nil : fields
    }
}
