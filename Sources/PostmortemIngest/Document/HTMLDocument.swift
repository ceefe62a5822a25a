// This file talks to libxml2 and deliberately imports no Foundation: Debian's libxml2 headers
// pull in ICU declarations that clash with Foundation's copies.
@preconcurrency import CLibXML2

/// An HTML (or XML) document parsed by libxml2, owning the C tree until it is released.
///
/// Parsing never fails on malformed markup: libxml2 runs in recover mode and builds the
/// best tree it can, which is what a browser would show. Only bytes libxml2 cannot turn into
/// any tree at all return `nil`.
public final class HTMLDocument {
    let pointer: xmlDocPtr

    /// Where libxml2 gave up before the end of the input, when it did.
    public struct Stop: Sendable, Equatable {
        /// The 1-based line libxml2 had reached.
        public var line: Int
        /// Why it stopped, in a reader's words.
        public var reason: String
    }

    /// Set when libxml2 stopped reading before the end (elements nested deeper than its limit of
    /// 256 levels): the tree then holds only what came before `stop.line`.
    public let stop: Stop?

    /// Parses HTML bytes. `encoding` is an IANA charset name when the caller knows it; otherwise
    /// libxml2 reads the BOM and `<meta charset>` itself, and a page that declares neither is
    /// read as UTF-8.
    ///
    /// libxml2's nesting limit is kept on purpose: it bounds the depth every later tree walk and
    /// XPath query pays for, so a page of 200,000 nested elements costs no more than a flat one.
    ///
    /// - Complexity: O(n) in the input; the tree costs a few times the input in memory.
    public init?(html bytes: UnsafeRawBufferPointer, url: String, encoding: String? = nil) {
        HTMLDocument.initializeParserOnce
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
            bytes.count <= Int(Int32.max), let context = htmlNewParserCtxt()
        else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let charset = encoding ?? HTMLDocument.impliedCharset(bytes)
        guard let document = htmlCtxtReadMemory(context, base, Int32(bytes.count), url, charset, options) else { return nil }
        // Numbers the elements in document order, so XPath sorts its node sets by index. Without
        // it libxml2 orders two siblings by walking the `next` chain between them, which makes
        // every query over a long flat list (an SHD page of 100,000 updates) quadratic.
        xmlXPathOrderDocElems(document)
        self.pointer = document
        self.stop = HTMLDocument.stop(of: context)
    }

    /// Parses XML bytes (feeds), tolerating errors the way a feed reader does. Entities are not
    /// expanded from the network and libxml2's size and depth limits stay on.
    public init?(xml bytes: UnsafeRawBufferPointer, url: String) {
        HTMLDocument.initializeParserOnce
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
            bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt()
        else { return nil }
        defer { xmlFreeParserCtxt(context) }
        guard let document = xmlCtxtReadMemory(context, base, Int32(bytes.count), url, nil, options) else { return nil }
        self.pointer = document
        self.stop = HTMLDocument.stop(of: context)
    }

    /// `UTF-8` for HTML that declares no charset (no BOM, no `<meta charset>`), `nil` otherwise.
    /// libxml2 reads undeclared HTML as Latin-1, but what reaches a parser has been brought to
    /// UTF-8 by `SourceEncoding` unless it declares its own charset.
    static func impliedCharset(_ bytes: UnsafeRawBufferPointer) -> String? {
        let marked = bytes.count >= 2 && (bytes[0] == 0xFF || bytes[0] == 0xFE || bytes[0] == 0xEF)
        return marked || SourceEncoding.declaredCharset(Array(bytes.prefix(4096))) != nil ? nil : "UTF-8"
    }

    /// Why reading stopped at libxml2's nesting limit.
    static let depthReason = "elements nest deeper than libxml2's limit of 256 levels; the rest of the file was not read"

    /// The limit libxml2 hit, if its last error halted the parse. Other errors are recovered
    /// from and leave no trace, as in a browser.
    static func stop(of context: xmlParserCtxtPtr) -> Stop? {
        let error = context.pointee.lastError
        guard error.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue), context.pointee.disableSAX != 0 else { return nil }
        let detail = error.message.map { String(cString: $0) } ?? ""
        let reason =
            detail.containsBytes("depth")
            ? depthReason
            : "the parser stopped here (\(detail.split(separator: "\n").first.map(String.init) ?? "internal limit")); the rest of the file was not read"
        return Stop(line: max(Int(error.line), 1), reason: reason)
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// `xmlInitParser()` exactly once per process; `xmlCleanupParser()` is never called because
    /// other threads may still be parsing.
    static let initializeParserOnce: Void = {
        xmlInitParser()
    }()

    /// The root element (`<html>`), if the document has one.
    public var root: HTMLNode? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return HTMLNode(node, in: self)
    }

    /// Evaluates an XPath expression and returns the element nodes it selects, in document order.
    /// An invalid expression selects nothing.
    public func select(_ xpath: String, from context: HTMLNode? = nil) -> [HTMLNode] {
        guard let xpathContext = xmlXPathNewContext(pointer) else { return [] }
        defer { xmlXPathFreeContext(xpathContext) }
        if let context { xpathContext.pointee.node = context.pointer }
        guard let result = xmlXPathEvalExpression(xpath, xpathContext) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        let count = Int(set.pointee.nodeNr)
        var nodes: [HTMLNode] = []
        nodes.reserveCapacity(count)
        for index in 0..<count {
            if let node = set.pointee.nodeTab[index] {
                nodes.append(HTMLNode(node, in: self))
            }
        }
        return nodes
    }

    /// The first node an XPath expression selects.
    public func first(_ xpath: String, from context: HTMLNode? = nil) -> HTMLNode? {
        select(xpath, from: context).first
    }
}

/// A node of an `HTMLDocument`. It keeps its document alive.
public struct HTMLNode {
    let pointer: xmlNodePtr
    let document: HTMLDocument

    init(_ pointer: xmlNodePtr, in document: HTMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// Lower-case element name (`div`), or `text` for text nodes.
    public var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool {
        pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE
    }

    /// The source line libxml2 recorded for the node (1-based), when it has one.
    public var line: Int? {
        let value = Int(xmlGetLineNo(pointer))
        return value > 0 ? value : nil
    }

    /// An attribute's value, or `nil` when absent.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    /// Whether the `class` attribute lists `className` among its words.
    public func hasClass(_ className: String) -> Bool {
        guard let classes = attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == className }
    }

    /// The parent element's name, if the node has a parent element.
    public var parentName: String? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
            let name = parent.pointee.name
        else { return nil }
        return String(cString: name)
    }

    /// The parent's path in the tree (`/html/body/div[2]`), which identifies it uniquely.
    public var parentPath: String? {
        guard let parent = pointer.pointee.parent, let path = xmlGetNodePath(parent) else { return nil }
        defer { xmlFree(path) }
        return String(cString: path)
    }

    /// Child nodes, elements and text alike, in order.
    public var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(HTMLNode(node, in: document))
            child = node.pointee.next
        }
        return result
    }

    /// Child elements only.
    public var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    /// The text of a text node itself (empty for elements).
    public var ownText: String {
        guard isText, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All text below the node, concatenated as libxml2 stores it.
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { xmlFree(content) }
        return String(cString: content)
    }

    /// The text a reader sees: block elements and `<br>` start new lines, runs of white space
    /// within a line fold to one space (no-break spaces are kept), blank lines are dropped.
    public var visibleText: String {
        var raw: [UInt8] = []
        HTMLNode.appendVisible(pointer, into: &raw)
        return TextFolding.foldLines(raw)
    }

    static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "hr", "body", "html",
        "br", "td", "th", "main", "nav", "aside", "form",
    ]
    static let hiddenElements: Set<String> = ["script", "style", "head", "title", "noscript", "template"]

    /// Walks the subtree without recursion: archived pages can nest elements hundreds of
    /// thousands deep, which would overflow the stack of a recursive walk.
    private static func appendVisible(_ node: xmlNodePtr, into out: inout [UInt8]) {
        // The node itself may be a text node.
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
            appendContent(node, into: &out)
            return
        }
        // Each open element is a block or not; a block's closing line feed is written when the
        // walk climbs back out of it.
        var openBlocks: [Bool] = []
        var current = node.pointee.children
        while let visiting = current {
            var descend = false
            switch visiting.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendContent(visiting, into: &out)
            case XML_ELEMENT_NODE:
                let name = visiting.pointee.name.map { String(cString: $0) } ?? ""
                if hiddenElements.contains(name) { break }
                let isBlock = blockElements.contains(name)
                if isBlock { out.append(10) }
                if visiting.pointee.children != nil {
                    openBlocks.append(isBlock)
                    descend = true
                } else if isBlock {
                    out.append(10)
                }
            default:
                break
            }
            if descend, let first = visiting.pointee.children {
                current = first
                continue
            }
            // Climb until a node with a next sibling, closing the blocks left behind.
            var climbing: xmlNodePtr? = visiting
            current = nil
            while let here = climbing {
                if let next = here.pointee.next {
                    current = next
                    break
                }
                guard let wasBlock = openBlocks.popLast() else { break }
                if wasBlock { out.append(10) }
                climbing = here.pointee.parent
            }
        }
    }

    /// Appends a text node's bytes up to its terminating NUL.
    private static func appendContent(_ node: xmlNodePtr, into out: inout [UInt8]) {
        guard let content = node.pointee.content else { return }
        let count = Int(xmlStrlen(content))
        out.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
    }
}
