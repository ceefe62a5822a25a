/// A restoration the text times only by a length after what it told before: "they evacuated the
/// zone in just 20 minutes, completely restoring service", "About 40 minutes later, service was
/// restored", "within an hour the queues had recovered".
///
/// The length counts from the last time the text gave before the sentence (its narrative runs
/// in order); the end is inferred, and only used when nothing else closes the window.
struct ProseRelativeEnd: Sendable, Equatable {
    /// The length after the time before it, in seconds.
    var seconds: Int64
    /// The index of the sentence in the document.
    var sentence: Int

    /// Words that may stand between "in"/"within" and the length ("in just 20 minutes").
    static let hedges: Set<String> = ["just", "about", "approximately", "around", "roughly", "under", "less", "than", "only", "a", "another"]

    /// A restoration written as what an action achieved ("..., completely restoring service").
    static let restoringList = PhraseList(["completely restoring", "fully restoring", "restoring service", "restoring full service", "restoring all"], atWordStart: true)

    /// The seconds of a length the sentence gives relative to before it, if any.
    static func seconds(in sentence: String) -> Int64? {
        let words = ProseDuration.words(sentence)
        var i = 0
        while i < words.count {
            guard let total = ProseDuration.amount(words, at: i) else {
                i += 1
                continue
            }
            var k = i - 1
            while k >= 0, hedges.contains(words[k]) { k -= 1 }
            let before = k >= 0 ? words[k] : ""
            let after = total.end < words.count ? words[total.end] : ""
            if before == "in" || before == "within" || before == "after" || after == "later" { return Int64(total.seconds) }
            i = total.end
        }
        return nil
    }

    /// The first sentence among `indices` (in order) that states a full restoration, holds no
    /// clock of its own and gives a relative length.
    static func find(in sentences: [ProseDocument.Sentence], indices: [Int]) -> ProseRelativeEnd? {
        for index in indices {
            let sentence = sentences[index]
            guard !sentence.isHeading, ProseDuration.mayHoldLength(sentence.text), !sentence.mentions.contains(where: { $0.start.clock != nil || $0.start.stamped != nil }) else { continue }
            let lower = sentence.text.lowercased()
            guard ProseWindowEvidence.statesEnd(sentence.text, phrases: ProseWindowEvidence.strongEndPhrasesList)
                || ProseWindowEvidence.statesExplicitEnd(sentence.text)
                || restoringList.matches(lower) && !ProseWindowEvidence.qualifiedList.matches(lower)
            else { continue }
            if let seconds = seconds(in: sentence.text) { return ProseRelativeEnd(seconds: seconds, sentence: index) }
        }
        return nil
    }
}
