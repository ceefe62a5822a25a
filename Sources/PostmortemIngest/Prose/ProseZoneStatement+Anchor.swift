import PostmortemTimeline

extension ProseZoneStatement {
    /// An instant written in UTC inside a timeline row whose own time the statement zones: the
    /// paged alert quoted under `### 12:42 PM` says `Violation started: July 11, 2025 at 4:42PM
    /// UTC`. Same minute, so the same moment; the hours between them are the writer's real offset.
    struct Anchor: Sendable, Equatable {
        var offsetSeconds: Int
        var written: String
        var clock: String
        var line: Int
    }

    /// The statement, checked against the absolute anchors in the rows it zones. An absolute
    /// anchor beats a label: when every anchor puts the row's clock at one offset and that offset
    /// is not the statement's (`times in BST`, but the alert says the 12:42 PM row was 16:42 UTC,
    /// which is UTC-4), the text's times are read at the anchors' offset, with a warning naming
    /// both. Rows whose anchor agrees with the label (5:32 PM BST beside 4:32PM UTC) confirm it.
    func checked(against sentences: [ProseDocument.Sentence], anchor date: CivilDate?) -> (statement: ProseZoneStatement, warning: String?) {
        guard offsetToken == nil else { return (self, nil) }
        var anchors: [Anchor] = []
        var agreeing = 0
        for sentence in sentences where sentence.opensBlock {
            guard let row = sentence.mentions.first, row.first <= 2, let clock = row.start.clock, row.start.zoneToken == nil, row.start.stamped == nil
            else { continue }
            for mention in sentence.mentions.dropFirst() {
                guard let utcClock = mention.start.clock, let token = mention.start.zoneToken,
                    let zone = ZoneTable.zone(for: token), zone.offsetSeconds == 0, token.uppercased() != "BST"
                else { continue }
                guard utcClock.minute == clock.minute else { continue }
                var offset = (clock.secondOfDay - utcClock.secondOfDay) - (clock.second ?? 0) + (utcClock.second ?? 0)
                if offset > 14 * 3600 { offset -= 86_400 }
                if offset < -12 * 3600 { offset += 86_400 }
                let day = row.start.day.map { CivilDate(year: $0.year ?? date?.year ?? 2000, month: $0.month, day: $0.day) } ?? date
                let stated = self.zone(on: day, hour: clock.hour24)?.offsetSeconds
                if offset == stated {
                    agreeing += 1
                } else {
                    anchors.append(Anchor(offsetSeconds: offset, written: mention.written, clock: row.written, line: sentence.line))
                }
            }
        }
        guard agreeing == 0, let first = anchors.first, anchors.allSatisfy({ $0.offsetSeconds == first.offsetSeconds }) else { return (self, nil) }
        let offset = ProseDateContext.offsetText(first.offsetSeconds)
        var anchored = self
        anchored.token = offset
        anchored.offsetToken = offset
        let warning =
            "'\(text)' (line \(line)) is contradicted by the UTC time '\(first.written)' written with '\(first.clock)' (line \(first.line)): the text's times read at \(offset), as that anchor places them"
        return (anchored, warning)
    }
}
