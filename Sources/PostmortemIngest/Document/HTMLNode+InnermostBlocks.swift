// Walks libxml2's tree directly; like HTMLDocument.swift, imports no Foundation.
@preconcurrency import CLibXML2

extension HTMLNode {
    /// The elements named in `names` under a `<body>` below this node that hold no element named
    /// in `containers`, in document order: what the XPath
    /// `//body//*[self::div or ...][not(.//div or ...)]` selects.
    ///
    /// Written as one walk rather than XPath because libxml2 evaluates that query by building,
    /// merging and sorting node sets for every ancestor, which on a page of half a million
    /// updates costs several times the parse itself.
    /// - Complexity: O(n) in the nodes under this one.
    public func innermostBlocks(named names: Set<String>, notHolding containers: Set<String>) -> [HTMLNode] {
        var found: [xmlNodePtr?] = []
        // Returns whether `node` or anything under it is a container.
        func visit(_ node: xmlNodePtr, inBody: Bool) -> Bool {
            let name = node.pointee.name.map { String(cString: $0) } ?? ""
            let below = inBody || name == "body"
            let slot = inBody && names.contains(name) ? found.count : nil
            if slot != nil { found.append(node) }
            var holds = false
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, visit(current, inBody: below) { holds = true }
                child = current.pointee.next
            }
            if let slot, holds { found[slot] = nil }
            return holds || containers.contains(name)
        }
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return [] }
        _ = visit(pointer, inBody: false)
        return found.compactMap { $0.map { HTMLNode($0, in: document) } }
    }
}
