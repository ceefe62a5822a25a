extension HTMLNode {
    /// The words of the `class` attribute, read once (each `hasClass` call reads it again).
    var classWords: [Substring] {
        guard let classes = attribute("class") else { return [] }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }

    /// The Statuspage impact grade from an `impact-minor` style class, when the node has one.
    var impactClass: String? {
        for word in classWords where word.hasPrefix("impact-") && word.count > 7 {
            return String(word.dropFirst(7))
        }
        return nil
    }

    /// The first child element named `name`, by local name (feeds are namespaced).
    func firstChild(named name: String) -> HTMLNode? {
        elementChildren.first { $0.name == name }
    }

    /// The folded text of the first child element named `name`.
    func childText(_ name: String) -> String? {
        firstChild(named: name).map { TextFolding.foldAll($0.textContent) }
    }
}
