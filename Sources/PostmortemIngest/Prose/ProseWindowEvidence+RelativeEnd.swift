import PostmortemTimeline

extension ProseWindowEvidence {
    /// Closes a window that nothing else closed with a restoration timed by a length after the
    /// last time before it ("At 11:15 AM, the alert was opened. ... evacuated the zone in just
    /// 20 minutes, completely restoring service": 11:35 AM), as an inference.
    mutating func close(with relative: ProseRelativeEnd, after anchor: ProseEvidenceCandidate, sentence: ProseDocument.Sentence, file: String) {
        guard let start, end == nil else { return }
        let time = anchor.event.time.adding(seconds: relative.seconds)
        guard time > start.time else { return }
        end = ImpactBoundary(
            time: time, writtenTime: nil, text: sentence.text, source: SourceLocation(file: file, line: sentence.line),
            rule: "restoration a stated length after the time before it", isStated: false, zoneAssumption: anchor.zoneAssumption)
    }
}
