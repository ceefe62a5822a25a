// This file talks to libxml2 and deliberately imports no Foundation (ICU header clash).
@preconcurrency import CLibXML2

/// Receives the events of a streaming (SAX) HTML parse.
///
/// Names and attribute values arrive as raw UTF-8 byte buffers valid only during the call, so
/// a receiver that does not need them pays nothing to turn them into strings.
protocol HTMLStreamReceiver: AnyObject {
    /// An element starts; `attributes` looks values up by name; `line` is the parser's line.
    func start(element name: UnsafeBufferPointer<UInt8>, attributes: HTMLStreamAttributes, line: Int)
    func end(element name: UnsafeBufferPointer<UInt8>)
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// The attributes of a start tag, as libxml2 passes them (name, value, name, value, ..., nil).
struct HTMLStreamAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The value of attribute `name` (lower-case ASCII), as bytes valid during the callback.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard var cursor = pairs else { return nil }
        while let key = cursor.pointee {
            let value = cursor.advanced(by: 1).pointee
            if HTMLStream.equals(key, name) {
                guard let value else { return UnsafeBufferPointer(start: nil, count: 0) }
                return UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
            }
            cursor = cursor.advanced(by: 2)
        }
        return nil
    }
}

/// Runs libxml2's HTML parser in streaming mode over bytes, calling a receiver as it goes:
/// no tree is built, so memory stays flat and the cost is close to the bare parse.
enum HTMLStream {
    /// Parses `bytes`, calling `receiver`. Returns `false` when libxml2 cannot start at all.
    static func parse(_ bytes: UnsafeRawBufferPointer, url: String, receiver: any HTMLStreamReceiver) -> Bool {
        if case .notStarted = run(bytes, receiver: receiver, likeTree: false) { return false }
        return true
    }

    /// What a parse that reports the tree's content came to.
    enum Outcome {
        /// libxml2 could not start (no bytes, or more than it can address).
        case notStarted
        /// The bytes were read; `stop` says where reading ended early, as `HTMLDocument.stop` does.
        case read(stop: HTMLDocument.Stop?)
    }

    /// Parses `bytes` as `HTMLDocument(html:)` would, calling `receiver` with exactly what its
    /// tree would hold, for readers that replace a walk over that tree:
    ///
    /// - white space the tree drops (`HTML_PARSE_NOBLANKS`: a blank run right before a tag, after
    ///   an element that takes no text, such as `<br>` or `<table>`) is not reported;
    /// - an element nested deeper than the tree builder's limit of 256 levels stops the parse
    ///   there (the tree builder enforces the limit, the bare parser does not), with the same
    ///   `Stop`, and nothing after it is reported;
    /// - a page that declares no charset is read as UTF-8 throughout, as the tree is.
    ///
    /// Elements left open when the parse ends are not closed here: the receiver closes them.
    static func parseLikeTree(_ bytes: UnsafeRawBufferPointer, receiver: any HTMLStreamReceiver) -> Outcome {
        run(bytes, receiver: receiver, likeTree: true)
    }

    private static func run(_ bytes: UnsafeRawBufferPointer, receiver: any HTMLStreamReceiver, likeTree: Bool) -> Outcome {
        _ = HTMLDocument.initializeParserOnce
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
            bytes.count <= Int(Int32.max), let context = htmlCreateMemoryParserCtxt(base, Int32(bytes.count))
        else { return .notStarted }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        htmlCtxtUseOptions(context, options)
        if let charset = HTMLDocument.impliedCharset(bytes), let handler = xmlFindCharEncodingHandler(charset) {
            _ = xmlSwitchToEncoding(context, handler)
            // As htmlCtxtReadMemory does for a given charset: a `<meta charset>` further down
            // does not switch the encoding again.
            if likeTree, let input = context.pointee.input, input.pointee.encoding == nil {
                input.pointee.encoding = UnsafePointer(xmlCharStrdup(charset))
            }
        }
        guard let sax = context.pointee.sax else { return .notStarted }
        sax.pointee = htmlSAXHandler()
        sax.pointee.startElement = { user, name, attributes in
            guard let user, let name else { return }
            let box = Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue()
            guard box.opens(name) else { return }
            box.receiver.start(element: HTMLStream.buffer(name), attributes: HTMLStreamAttributes(pairs: attributes), line: box.line())
        }
        sax.pointee.endElement = { user, name in
            guard let user, let name else { return }
            let box = Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue()
            guard box.closes() else { return }
            box.receiver.end(element: HTMLStream.buffer(name))
        }
        sax.pointee.characters = { user, text, length in
            guard let user, let text, length > 0 else { return }
            let box = Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue()
            let buffer = UnsafeBufferPointer(start: text, count: Int(length))
            guard box.keeps(buffer) else { return }
            box.receiver.characters(buffer)
        }
        sax.pointee.cdataBlock = { user, text, length in
            guard let user, let text, length > 0 else { return }
            let box = Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue()
            guard box.keepsRawText() else { return }
            box.receiver.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        // A processing instruction is a child in the tree, which the white-space rule looks at.
        sax.pointee.processingInstruction = { user, target, _ in
            guard let user, let target else { return }
            Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue().addsInstruction(target)
        }
        let box = ReceiverBox(receiver: receiver, context: context, likeTree: likeTree)
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        context.pointee.userData = unmanaged.toOpaque()
        _ = htmlParseDocument(context)
        context.pointee.userData = nil
        return .read(stop: box.stop ?? HTMLDocument.stop(of: context))
    }

    /// Holds the receiver and the parser context for the C callbacks, and, for a parse like the
    /// tree, what the tree builder would know: the open elements and each one's last child.
    final class ReceiverBox {
        let receiver: any HTMLStreamReceiver
        let context: htmlParserCtxtPtr
        let likeTree: Bool
        /// The open elements, outermost first (only when `likeTree`).
        private var open: [OpenElement] = []
        /// Set when the depth limit stopped the parse: nothing more is reported.
        private(set) var stop: HTMLDocument.Stop?

        /// The tree's depth limit: libxml2's `xmlParserMaxDepth`, checked as its `nodePush` does.
        static let depthLimit = 256

        init(receiver: any HTMLStreamReceiver, context: htmlParserCtxtPtr, likeTree: Bool) {
            self.receiver = receiver
            self.context = context
            self.likeTree = likeTree
        }

        func line() -> Int {
            guard let input = context.pointee.input else { return 0 }
            return Int(input.pointee.line)
        }

        /// Whether an element start is reported; stops the parse where the tree builder would.
        func opens(_ name: UnsafePointer<xmlChar>) -> Bool {
            guard likeTree else { return true }
            guard stop == nil else { return false }
            if open.count > Self.depthLimit {
                stop = HTMLDocument.Stop(line: max(line(), 1), reason: HTMLDocument.depthReason)
                xmlStopParser(context)
                return false
            }
            let takesText = HTMLStream.takesText(HTMLStream.buffer(name))
            if !open.isEmpty { open[open.count - 1].last = .element(takesText: takesText) }
            open.append(OpenElement(takesText: takesText, dropsAllSpace: HTMLStream.dropsAllSpace(HTMLStream.buffer(name))))
            return true
        }

        func closes() -> Bool {
            guard likeTree else { return true }
            guard stop == nil, !open.isEmpty else { return false }
            open.removeLast()
            return true
        }

        /// Whether a run of text is reported: not after a stop, and not when the tree drops it.
        ///
        /// libxml2's `areBlanks` (HTMLparser.c, 2.9), written out here because a streaming parse
        /// has no tree to ask: a run of blanks is dropped at the end of the input, before a tag
        /// inside `<html>` or `<head>` (or outside any element), and before a tag when the
        /// element's last child is an element that takes no text (or, with no child yet, when
        /// the element itself takes none). Its check of a strict HTML 4.01 doctype for `<body>`'s
        /// own children is left out: no text directly under `<body>` reaches a reader.
        func keeps(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard likeTree else { return true }
            guard stop == nil else { return false }
            if !text.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
                markText()
                return true
            }
            let next = context.pointee.input?.pointee.cur?.pointee ?? 0
            if next == 0 { return false }
            if next != 60 {  // not `<`
                markText()
                return true
            }
            guard let top = open.last, !top.dropsAllSpace else { return false }
            let kept: Bool
            switch top.last {
            case .none: kept = top.takesText
            case .text: kept = true
            case .element(let takesText): kept = takesText
            }
            if kept { markText() }
            return kept
        }

        /// Raw text (`<script>`, `<style>`): always kept; the tree holds it as a CDATA node,
        /// which counts as an element that takes no text for the white space after it.
        func keepsRawText() -> Bool {
            guard likeTree else { return true }
            guard stop == nil else { return false }
            if !open.isEmpty { open[open.count - 1].last = .element(takesText: false) }
            return true
        }

        /// A processing instruction (`<?xml ...?>`) becomes the last child, under its target's
        /// name, which the white-space rule compares as it does an element's.
        func addsInstruction(_ target: UnsafePointer<xmlChar>) {
            guard likeTree, stop == nil, !open.isEmpty else { return }
            open[open.count - 1].last = .element(takesText: HTMLStream.takesText(HTMLStream.buffer(target)))
        }

        private func markText() {
            if !open.isEmpty { open[open.count - 1].last = .text }
        }
    }

    /// An open element as the white-space rule sees it.
    struct OpenElement {
        enum LastChild {
            case none, text
            case element(takesText: Bool)
        }
        var takesText: Bool
        var dropsAllSpace: Bool
        var last = LastChild.none
    }

    /// libxml2's `allowPCData`: the elements after which (or as whose first child) white space
    /// is kept. Checked against the installed libxml2 by `HTMLStreamTreeTests`.
    static let textElements: [[UInt8]] = [
        "a", "abbr", "acronym", "address", "applet", "b", "bdo", "big", "blockquote", "body", "button", "caption",
        "center", "cite", "code", "dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "i", "iframe", "ins", "kbd", "label", "legend", "li", "noframes", "noscript", "object", "p", "pre", "q",
        "s", "samp", "small", "span", "strike", "strong", "td", "th", "tt", "u", "var",
    ].map { Array($0.utf8) }

    static func takesText(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count <= 10 else { return false }
        for element in textElements where element.count == name.count && element.elementsEqual(name) { return true }
        return false
    }

    static func dropsAllSpace(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.equals("html") || name.equals("head")
    }

    static func buffer(_ text: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
    }

    static func equals(_ text: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        for index in 0..<count where text[index] != expected[index] { return false }
        return text[count] == 0
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the bytes spell `name` exactly.
    func equals(_ name: StaticString) -> Bool {
        guard count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for index in 0..<count where self[index] != expected[index] { return false }
        return true
    }

    /// Whether a `class` attribute value lists `word` among its white-space separated words.
    func hasClassWord(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        let expected = word.utf8Start
        var start = 0
        while start < count {
            while start < count, self[start] <= 32 { start += 1 }
            var end = start
            while end < count, self[end] > 32 { end += 1 }
            if end - start == length {
                var same = true
                for index in 0..<length where self[start + index] != expected[index] {
                    same = false
                    break
                }
                if same { return true }
            }
            start = end
        }
        return false
    }

    /// The rest of the first class word starting with `prefix` (`impact-major` -> `major`).
    func classWord(after prefix: StaticString) -> String? {
        let length = prefix.utf8CodeUnitCount
        let expected = prefix.utf8Start
        var start = 0
        while start < count {
            while start < count, self[start] <= 32 { start += 1 }
            var end = start
            while end < count, self[end] > 32 { end += 1 }
            if end - start > length {
                var same = true
                for index in 0..<length where self[start + index] != expected[index] {
                    same = false
                    break
                }
                if same { return String(decoding: UnsafeBufferPointer(rebasing: self[(start + length)..<end]), as: UTF8.self) }
            }
            start = end
        }
        return nil
    }
}
