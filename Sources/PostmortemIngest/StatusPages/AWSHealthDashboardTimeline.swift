import PostmortemTimeline

/// The updates of an AWS Service Health Dashboard page, read block by block in document order:
/// a block that starts with a time stamp is an update; one without, right after an update in
/// the same list, continues it; page furniture and the navigation above the first update are
/// passed over; anything else is skipped with a warning naming its line.
struct AWSHealthDashboardTimeline {
    let file: String
    let heading: AWSHealthDashboardParser.Heading
    private var resolution: StampResolution
    private(set) var events: [TimelineEvent] = []
    private(set) var warnings: [ParseWarning] = []
    private var lastBlockParent: Int?

    init(file: String, heading: AWSHealthDashboardParser.Heading, defaultZone: WrittenZone?) {
        self.file = file
        self.heading = heading
        self.resolution = StampResolution(date: heading.date, defaultZone: defaultZone)
    }

    mutating func read(_ block: AWSHealthDashboardStream.Block) {
        if block.isRowCell { return }
        let text = block.text
        guard !text.isEmpty else { return }
        let location = SourceLocation(file: file, line: block.line)
        guard let (stamp, length) = TimeStampScanner.scanPrefix(text) else {
            // A block with no stamp right after an update, in the same list, continues it;
            // page furniture and the navigation above the first update are not updates.
            if let last = events.indices.last, block.parent == lastBlockParent, !AWSHealthDashboardParser.isChrome(text) {
                events[last].text += "\n\n" + text
            } else if !AWSHealthDashboardParser.isChrome(text), !(events.isEmpty && AWSHealthDashboardParser.isNavigation(text)) {
                warnings.append(
                    ParseWarning(
                        location: location, message: "skipped a block that starts with no time stamp: '\(AWSHealthDashboardParser.excerpt(text))'"))
            }
            return
        }
        switch resolution.resolve(stamp) {
        case .skipped(let reason):
            warnings.append(ParseWarning(location: location, message: "skipped an update: \(reason)"))
        case .resolved(let instant, let zone, let warning):
            if let warning { warnings.append(ParseWarning(location: location, message: warning)) }
            let body = AWSHealthDashboardParser.body(of: text, after: length)
            events.append(
                TimelineEvent(
                    time: instant, zone: zone, writtenTime: stamp.written, precision: stamp.second == nil ? .minute : .second,
                    service: heading.service, text: body, source: location))
            lastBlockParent = block.parent
        }
    }
}
