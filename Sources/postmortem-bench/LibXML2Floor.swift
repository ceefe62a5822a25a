// Imports libxml2 and so no Foundation (ICU header clash).
@preconcurrency import CLibXML2

/// The floor for ingest speed: libxml2 parsing the same bytes and extracting nothing.
enum LibXML2Floor {
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue)

    /// Builds and frees the tree (htmlReadMemory + xmlFreeDoc). Returns the node count of the
    /// root's children, so the work cannot be optimised away.
    static func treeParse(_ bytes: [UInt8]) -> Int {
        xmlInitParser()
        return bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                let document = htmlReadMemory(base, Int32(buffer.count), "bench.html", nil, options)
            else { return 0 }
            defer { xmlFreeDoc(document) }
            return Int(xmlChildElementCount(xmlDocGetRootElement(document)))
        }
    }

    /// Streams the bytes through the SAX parser with callbacks that only count.
    static func saxParse(_ bytes: [UInt8]) -> Int {
        xmlInitParser()
        var counter = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                let context = htmlCreateMemoryParserCtxt(base, Int32(buffer.count))
            else { return }
            defer { htmlFreeParserCtxt(context) }
            htmlCtxtUseOptions(context, options)
            guard let sax = context.pointee.sax else { return }
            sax.pointee = htmlSAXHandler()
            sax.pointee.startElement = { user, _, _ in
                user?.assumingMemoryBound(to: Int.self).pointee += 1
            }
            sax.pointee.characters = { user, _, length in
                user?.assumingMemoryBound(to: Int.self).pointee += Int(length)
            }
            withUnsafeMutablePointer(to: &counter) { pointer in
                context.pointee.userData = UnsafeMutableRawPointer(pointer)
                _ = htmlParseDocument(context)
                context.pointee.userData = nil
            }
        }
        return counter
    }
}
