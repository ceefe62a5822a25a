import PostmortemTimeline

/// The streaming reader behind `AWSHealthDashboardParser`: one SAX pass that yields the page's
/// event heading and its innermost blocks, each with its visible text, as the tree walk over
/// `HTMLDocument` read them (`HTMLNode.innermostBlocks`, `visibleText`, the first `h1`-`h3` or
/// `title` that names an event), with no tree: memory holds one block at a time, not the page.
///
/// A block is known to be innermost only at its end tag (a `div` inside it would disqualify
/// it), and the blocks go out in the order their start tags came; a block nested in another
/// (`<td><dd>`) waits for the outer one. The updates need the heading's date, so blocks read
/// before the heading is settled wait too: on an SHD page the heading comes first, so nothing
/// waits; a page whose heading is only its `<title>` holds its blocks until the end.
final class AWSHealthDashboardStream: HTMLStreamReceiver {
    /// One innermost block.
    struct Block {
        /// The visible text, one line per block element inside.
        var text: String
        var line: Int?
        /// Identifies the parent element: blocks of one list share it.
        var parent: Int
        /// A `td` directly in a `tr` (a table cell, not an update).
        var isRowCell: Bool
    }

    let file: String
    let defaultZone: WrittenZone?
    /// The updates read so far; set once the heading is settled.
    private(set) var timeline: AWSHealthDashboardTimeline?
    /// Whether the page had any element (the tree would have a root).
    private(set) var sawElement = false
    private var waiting: [Block] = []

    /// An open element, as the walk needs it.
    private struct Element {
        var serial: Int
        var isBlockElement: Bool
        var isHidden: Bool
        var isBody: Bool
        var isRow: Bool
        var isCandidate: Bool
        var isHeading: Bool
    }

    /// A block (or heading) whose text is being gathered.
    private struct Gathering {
        /// The element's serial number.
        var serial: Int
        var visible: [UInt8] = []
        var content: [UInt8] = []
        /// Hidden elements open at its start (itself included): its text counts only at this level.
        var hidden: Int
        var line: Int?
        var parent: Int
        var isRowCell: Bool
        var state = State.open

        enum State {
            case open
            case dropped
            case done(String)
        }
    }

    private var elements: [Element] = []
    private var serial = 0
    private var hiddenOpen = 0
    private var bodyOpen = 0
    /// Candidate blocks in start-tag order, from `queueFront`; the open ones (still candidates)
    /// are also in `openBlocks`, innermost last. The queue restarts whenever it empties, which
    /// it does at the end of every block that is not inside another.
    private var queue: [Gathering] = []
    private var queueFront = 0
    private var openBlocks: [Int] = []
    /// Heading elements (`h1`-`h3`) in start-tag order, and `title`s, with what each gave.
    private var headings: [Gathering] = []
    private var headingResults: [AWSHealthDashboardParser.Heading??] = []
    private var headingFront = 0
    private var titles: [AWSHealthDashboardParser.Heading?] = []
    private var openHeadings: [(index: Int, isTitle: Bool)] = []

    init(file: String, defaultZone: WrittenZone?) {
        self.file = file
        self.defaultZone = defaultZone
    }

    func start(element name: UnsafeBufferPointer<UInt8>, attributes: HTMLStreamAttributes, line: Int) {
        sawElement = true
        serial += 1
        let isHidden = Self.isHidden(name)
        let isBlockElement = StatuspageHistoryStream.isBlock(name)
        // A block element is a line break in the visible text of every block and heading it is in.
        if isBlockElement { appendVisible(10) }
        // A container inside a block makes it (and every block around it) not innermost.
        if Self.isContainer(name), !openBlocks.isEmpty {
            for index in openBlocks {
                queue[index].state = .dropped
                queue[index].visible = []
            }
            openBlocks.removeAll(keepingCapacity: true)
            drain()
        }
        if isHidden { hiddenOpen += 1 }
        let parent = elements.last
        let isCandidate = bodyOpen > 0 && Self.isBlockName(name)
        if isCandidate {
            openBlocks.append(queue.count)
            queue.append(
                Gathering(
                    serial: serial, hidden: hiddenOpen, line: line > 0 ? line : nil, parent: parent?.serial ?? 0,
                    isRowCell: name.equals("td") && parent?.isRow == true))
        }
        let isTitle = name.equals("title")
        let isHeading = isTitle || name.equals("h1") || name.equals("h2") || name.equals("h3")
        if isHeading {
            if isTitle {
                openHeadings.append((titles.count, true))
                titles.append(nil)
            } else {
                openHeadings.append((headingResults.count, false))
                headingResults.append(.none)
            }
            headings.append(Gathering(serial: serial, hidden: hiddenOpen, parent: 0, isRowCell: false))
        }
        let isBody = name.equals("body")
        if isBody { bodyOpen += 1 }
        elements.append(
            Element(
                serial: serial, isBlockElement: isBlockElement, isHidden: isHidden, isBody: isBody, isRow: name.equals("tr"),
                isCandidate: isCandidate, isHeading: isHeading))
    }

    func end(element name: UnsafeBufferPointer<UInt8>) {
        close()
    }

    /// Closes the innermost open element.
    private func close() {
        guard let element = elements.popLast() else { return }
        if element.isBody { bodyOpen -= 1 }
        if element.isHeading, let open = openHeadings.popLast(), let gathered = headings.popLast() {
            let visible = TextFolding.foldLines(gathered.visible)
            let text = visible.isEmpty ? String(decoding: gathered.content, as: UTF8.self) : visible
            let heading = AWSHealthDashboardParser.heading(from: TextFolding.foldAll(text))
            if open.isTitle {
                titles[open.index] = heading
            } else {
                headingResults[open.index] = .some(heading)
                settleOnHeadingElement()
            }
        }
        // Still open (no container inside dropped it): an innermost block.
        if element.isCandidate, let index = openBlocks.last, queue[index].serial == element.serial {
            openBlocks.removeLast()
            queue[index].state = .done(TextFolding.foldLines(queue[index].visible))
            queue[index].visible = []
            drain()
        }
        if element.isHidden { hiddenOpen -= 1 }
        if element.isBlockElement { appendVisible(10) }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        for index in openBlocks where queue[index].hidden == hiddenOpen {
            queue[index].visible.append(contentsOf: text)
        }
        for index in headings.indices {
            headings[index].content.append(contentsOf: text)
            if headings[index].hidden == hiddenOpen { headings[index].visible.append(contentsOf: text) }
        }
    }

    /// Appends a byte to the visible text of every open block and heading outside hidden elements.
    private func appendVisible(_ byte: UInt8) {
        for index in openBlocks where queue[index].hidden == hiddenOpen {
            queue[index].visible.append(byte)
        }
        for index in headings.indices where headings[index].hidden == hiddenOpen {
            headings[index].visible.append(byte)
        }
    }

    /// Hands on the blocks at the front of the queue that are complete.
    private func drain() {
        while queueFront < queue.count {
            let gathered = queue[queueFront]
            switch gathered.state {
            case .open: return
            case .dropped: break
            case .done(let text):
                deliver(Block(text: text, line: gathered.line, parent: gathered.parent, isRowCell: gathered.isRowCell))
            }
            queueFront += 1
        }
        // Everything handed on, so nothing is open (an open block holds the front): start afresh.
        queue.removeAll(keepingCapacity: true)
        queueFront = 0
    }

    private func deliver(_ block: Block) {
        if timeline != nil {
            timeline?.read(block)
        } else {
            waiting.append(block)
        }
    }

    /// The first heading element in document order that names an event wins, once every one
    /// before it has ended without naming one.
    private func settleOnHeadingElement() {
        guard timeline == nil else { return }
        while headingFront < headingResults.count {
            switch headingResults[headingFront] {
            case .none: return
            case .some(.none): headingFront += 1
            case .some(.some(let heading)):
                settle(heading)
                return
            }
        }
    }

    private func settle(_ heading: AWSHealthDashboardParser.Heading) {
        var reading = AWSHealthDashboardTimeline(file: file, heading: heading, defaultZone: defaultZone)
        for block in waiting { reading.read(block) }
        waiting = []
        timeline = reading
    }

    /// Closes what the parse left open (the tree holds it as it stood) and settles on a title
    /// when no heading element named the event.
    func finish() {
        while !elements.isEmpty { close() }
        guard timeline == nil else { return }
        settleOnHeadingElement()
        guard timeline == nil, let title = titles.lazy.compactMap({ $0 }).first else { return }
        settle(title)
    }

    static func isBlockName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.equals("div") || name.equals("p") || name.equals("li") || name.equals("tr") || name.equals("dd") || name.equals("td")
    }

    static func isContainer(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.equals("div") || name.equals("p") || name.equals("li") || name.equals("tr") || name.equals("table")
    }

    static func isHidden(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.equals("script") || name.equals("style") || name.equals("head") || name.equals("title") || name.equals("noscript")
            || name.equals("template")
    }
}
