import PostmortemTimeline

/// The streaming reader behind `StatuspageHistoryParser`: one SAX pass that picks out days,
/// incident containers, titles and update rows as the parser reports them, with no tree.
///
/// It reproduces exactly what a walk over the tree would read (the tests of the tree walk are
/// its oracle), at close to the speed of libxml2's bare streaming parse.
final class StatuspageHistoryStream: HTMLStreamReceiver {
    /// One incident container (or top-of-page box) as read, before its stamps are resolved.
    struct Container {
        var day: CivilDate?
        var line: Int
        var impact: String?
        var title: String?
        var titleImpact: String?
        var url: String?
        var updates: [(block: StatuspageUpdateBlock, line: Int)] = []
    }

    let file: String
    private(set) var days: [CivilDate] = []
    private(set) var dated: [Container] = []
    private(set) var boxes: [Container] = []
    private(set) var warnings: [ParseWarning] = []
    private(set) var pageTitle: String?
    /// When the page was rendered (`<meta name="issued" content="1611302400">`), if it says.
    private(set) var issued: Instant?

    private var depth = 0
    // The <title> element.
    private var titleElementDepth: Int?
    private var titleElementBytes: [UInt8] = []
    // The current day.
    private var dayDepth: Int?
    private var dayLine = 0
    private var currentDay: CivilDate?
    private var headerDepth: Int?
    private var headerSeen = false
    private var headerBytes: [UInt8] = []
    // The current container.
    private var containerDepth: Int?
    private var container = Container(line: 0)
    // Its title.
    private var titleDepth: Int?
    private var titleBytes: [UInt8] = []
    private var linkDepth: Int?
    private var linkSeen = false
    private var linkBytes: [UInt8] = []
    // The current update row.
    private var updateDepth: Int?
    private var updateLine = 0
    private var pieces: [UInt8] = []
    private var sawBody = false
    private var statusDepth: Int?
    private var statusBytes: [UInt8] = []
    private var status: String?
    private var stampDepth: Int?
    private var stampBytes: [UInt8] = []
    private var stamp: String?
    private var postedAt: Instant?

    init(file: String) {
        self.file = file
    }

    func start(element name: UnsafeBufferPointer<UInt8>, attributes: HTMLStreamAttributes, line: Int) {
        depth += 1
        if let updateDepth {
            if let stampDepth, depth == stampDepth + 1, postedAt == nil,
                let unix = attributes.value("data-datetime-unix"), let milliseconds = Int64(String(decoding: unix, as: UTF8.self))
            {
                postedAt = Instant(secondsSinceEpoch: milliseconds / 1000)
            }
            startInUpdate(name, direct: depth == updateDepth + 1)
            return
        }
        if let titleDepth {
            if depth == titleDepth + 1, !linkSeen, name.equals("a") {
                linkSeen = true
                linkDepth = depth
                container.url = attributes.value("href").map { String(decoding: $0, as: UTF8.self) }
            }
            return
        }
        if name.equals("title"), pageTitle == nil, titleElementDepth == nil {
            titleElementDepth = depth
            return
        }
        if name.equals("meta"), issued == nil, let metaName = attributes.value("name"), metaName.elementsEqual("issued".utf8),
            let content = attributes.value("content")
        {
            issued = Self.renderTime(String(decoding: content, as: UTF8.self))
            return
        }
        guard let classes = attributes.value("class"), classes.count > 0 else { return }
        if containerDepth != nil {
            if classes.hasClassWord("incident-title") {
                titleDepth = depth
                titleBytes.removeAll(keepingCapacity: true)
                linkBytes.removeAll(keepingCapacity: true)
                linkSeen = false
                container.titleImpact = classes.classWord(after: "impact-")
            } else if classes.hasClassWord("update") {
                updateDepth = depth
                updateLine = line
                pieces.removeAll(keepingCapacity: true)
                sawBody = false
                status = nil
                stamp = nil
                postedAt = nil
            }
            return
        }
        if let dayDepth, depth == dayDepth + 1, !headerSeen, classes.hasClassWord("date") {
            headerSeen = true
            headerDepth = depth
            headerBytes.removeAll(keepingCapacity: true)
            return
        }
        if classes.hasClassWord("status-day") {
            dayDepth = depth
            dayLine = line
            currentDay = nil
            headerSeen = false
        } else if classes.hasClassWord("incident-container") {
            beginContainer(line: line, classes: classes, day: dayDepth == nil ? nil : currentDay, forceBox: dayDepth == nil)
        } else if classes.hasClassWord("unresolved-incident") || classes.hasClassWord("scheduled-maintenance") {
            beginContainer(line: line, classes: classes, day: nil, forceBox: true)
        }
    }

    private func beginContainer(line: Int, classes: UnsafeBufferPointer<UInt8>, day: CivilDate?, forceBox: Bool) {
        containerDepth = depth
        container = Container(day: forceBox ? nil : day, line: line, impact: classes.classWord(after: "impact-"))
    }

    /// Inside an update row: the first `<strong>` before any body text is the status, the first
    /// `<small>` the stamp, `<br>` a space, anything else body.
    private func startInUpdate(_ name: UnsafeBufferPointer<UInt8>, direct: Bool) {
        guard statusDepth == nil, stampDepth == nil else { return }
        if direct {
            if name.equals("strong"), status == nil, !sawBody {
                statusDepth = depth
                statusBytes.removeAll(keepingCapacity: true)
                return
            }
            if name.equals("small"), stamp == nil {
                stampDepth = depth
                stampBytes.removeAll(keepingCapacity: true)
                return
            }
            if name.equals("br") {
                pieces.append(32)
                return
            }
            sawBody = true
        }
        if Self.isBlock(name) { pieces.append(32) }
    }

    func end(element name: UnsafeBufferPointer<UInt8>) {
        defer { depth -= 1 }
        if let updateDepth {
            if depth == statusDepth {
                status = TextFolding.foldAll(bytes: statusBytes)
                statusDepth = nil
            } else if depth == stampDepth {
                stamp = TextFolding.foldAll(bytes: stampBytes)
                stampDepth = nil
            } else if depth == updateDepth {
                let body = TextFolding.foldDroppingLeadingDash(bytes: pieces)
                container.updates.append((StatuspageUpdateBlock(status: status, body: body, stampText: stamp, postedAt: postedAt), updateLine))
                self.updateDepth = nil
            } else if statusDepth == nil, stampDepth == nil, Self.isBlock(name) {
                pieces.append(32)
            }
            return
        }
        if let titleDepth {
            if depth == linkDepth { linkDepth = nil }
            if depth == titleDepth {
                let text = String(decoding: linkSeen ? linkBytes : titleBytes, as: UTF8.self)
                container.title = TextFolding.foldAll(text)  // once per incident
                self.titleDepth = nil
            }
            return
        }
        if depth == titleElementDepth {
            pageTitle = String(decoding: titleElementBytes, as: UTF8.self)
            titleElementDepth = nil
            return
        }
        if depth == headerDepth {
            currentDay = TimeStampScanner.writtenDate(TextFolding.foldAll(String(decoding: headerBytes, as: UTF8.self)))
            if let currentDay {
                days.append(currentDay)
            } else {
                warnDateless()
            }
            headerDepth = nil
            return
        }
        if depth == containerDepth {
            if container.day == nil, dayDepth != nil, !headerSeen { warnDateless() }
            if container.day != nil { dated.append(container) } else { boxes.append(container) }
            containerDepth = nil
            return
        }
        if depth == dayDepth {
            if !headerSeen { warnDateless() }
            dayDepth = nil
            currentDay = nil
        }
    }

    private var warnedDay = -1

    /// A day with no readable date: said once per day.
    private func warnDateless() {
        guard warnedDay != dayLine else { return }
        warnedDay = dayLine
        warnings.append(
            ParseWarning(
                location: SourceLocation(file: file, line: dayLine),
                message: "a day on the page has no readable date; its incidents are read as undated"))
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if updateDepth != nil {
            if statusDepth != nil {
                statusBytes.append(contentsOf: text)
            } else if stampDepth != nil {
                stampBytes.append(contentsOf: text)
            } else {
                pieces.append(contentsOf: text)
                if depth == updateDepth, text.contains(where: { $0 > 32 }) { sawBody = true }
            }
            return
        }
        if titleDepth != nil {
            titleBytes.append(contentsOf: text)
            if linkDepth != nil { linkBytes.append(contentsOf: text) }
            return
        }
        if headerDepth != nil {
            headerBytes.append(contentsOf: text)
        } else if titleElementDepth != nil {
            titleElementBytes.append(contentsOf: text)
        }
    }

    /// `<meta name="issued">`'s content: Unix seconds (what Statuspage writes) or ISO 8601.
    static func renderTime(_ content: String) -> Instant? {
        let text = TextFolding.foldAll(content)
        if let seconds = Int64(text), seconds > 0 { return Instant(secondsSinceEpoch: seconds) }
        return Instant(iso8601: text)
    }

    /// Whether an element name is one of `HTMLNode.blockElements`, compared as bytes: this runs
    /// for every element inside an update, where building a `String` per name showed in profiles.
    static func isBlock(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count >= 1, name.count <= 10 else { return false }
        for block in blockNames where block.count == name.count && block.elementsEqual(name) { return true }
        return false
    }

    static let blockNames: [[UInt8]] = HTMLNode.blockElements.sorted().map { Array($0.utf8) }
}

extension StatuspageUpdateBlock {
    /// An update read by the streaming parser.
    init(status: String?, body: String, stampText: String?, postedAt: Instant?) {
        self.status = status
        self.body = body
        self.stampText = stampText
        self.postedAt = postedAt
    }
}
