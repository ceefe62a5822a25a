import PostmortemTimeline

/// One Statuspage update as its HTML writes it: `<strong>Resolved</strong> - body <small>stamp</small>`
/// on history pages, `<small>stamp</small><br><strong>Resolved</strong> - body` in feeds.
///
/// Read in one walk over the block's children, in whatever order they come, so that the same
/// reader serves pages and feeds and can later be fed by a streaming parser.
struct StatuspageUpdateBlock: Sendable, Equatable {
    /// The status word as written (`Resolved`, `In progress`), when the block starts with one.
    var status: String?
    /// The body text with white space folded and the ` - ` separator removed.
    var body: String
    /// The text of the `<small>` stamp, folded.
    var stampText: String?
    /// The posting instant a front page keeps in `<span class="ago" data-datetime-unix="ms">`
    /// inside the stamp, when it does: it fixes the year the written stamp leaves out.
    var postedAt: Instant?

    /// Reads the children of `node`: the first `<strong>` before any body text is the status,
    /// the first `<small>` is the stamp, everything else is body.
    init(_ node: HTMLNode) {
        var status: String?
        var stamp: String?
        var postedAt: Instant?
        var pieces: [String] = []
        var sawBody = false
        for child in node.children {
            if child.isText {
                let text = child.ownText
                pieces.append(text)
                if !TextFolding.fold(text).isEmpty { sawBody = true }
                continue
            }
            guard child.isElement else { continue }
            switch child.name {
            case "strong" where status == nil && !sawBody:
                status = TextFolding.foldAll(child.textContent)
            case "small" where stamp == nil:
                stamp = TextFolding.foldAll(child.textContent)
                postedAt = Self.postedAt(in: child)
            case "br":
                pieces.append(" ")
            default:
                // Inline markup (`<a>`, `<b>`) keeps the spacing of its text; blocks are set apart.
                if HTMLNode.blockElements.contains(child.name) {
                    pieces.append(" " + child.visibleText + " ")
                } else {
                    pieces.append(child.textContent)
                }
                sawBody = true
            }
        }
        self.status = status
        self.stampText = stamp
        self.postedAt = postedAt
        self.body = TextFolding.foldDroppingLeadingDash(bytes: Array(pieces.joined().utf8))
    }

    /// The `data-datetime-unix` milliseconds of an element inside the stamp, as an instant.
    static func postedAt(in stamp: HTMLNode) -> Instant? {
        for child in stamp.elementChildren {
            if let text = child.attribute("data-datetime-unix"), let milliseconds = Int64(text) {
                return Instant(secondsSinceEpoch: milliseconds / 1000)
            }
        }
        return nil
    }
}
