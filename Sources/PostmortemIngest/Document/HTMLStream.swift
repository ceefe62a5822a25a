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
        _ = HTMLDocument.initializeParserOnce
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
            bytes.count <= Int(Int32.max), let context = htmlCreateMemoryParserCtxt(base, Int32(bytes.count))
        else { return false }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        htmlCtxtUseOptions(context, options)
        if let charset = HTMLDocument.impliedCharset(bytes), let handler = xmlFindCharEncodingHandler(charset) {
            _ = xmlSwitchToEncoding(context, handler)
        }
        guard let sax = context.pointee.sax else { return false }
        sax.pointee = htmlSAXHandler()
        sax.pointee.startElement = { user, name, attributes in
            guard let user, let name else { return }
            let box = Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue()
            box.receiver.start(element: HTMLStream.buffer(name), attributes: HTMLStreamAttributes(pairs: attributes), line: box.line())
        }
        sax.pointee.endElement = { user, name in
            guard let user, let name else { return }
            Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue().receiver.end(element: HTMLStream.buffer(name))
        }
        sax.pointee.characters = { user, text, length in
            guard let user, let text, length > 0 else { return }
            Unmanaged<ReceiverBox>.fromOpaque(user).takeUnretainedValue().receiver.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.pointee.cdataBlock = sax.pointee.characters
        let box = ReceiverBox(receiver: receiver, context: context)
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        context.pointee.userData = unmanaged.toOpaque()
        _ = htmlParseDocument(context)
        context.pointee.userData = nil
        return true
    }

    /// Holds the receiver and the parser context for the C callbacks.
    final class ReceiverBox {
        let receiver: any HTMLStreamReceiver
        let context: htmlParserCtxtPtr

        init(receiver: any HTMLStreamReceiver, context: htmlParserCtxtPtr) {
            self.receiver = receiver
            self.context = context
        }

        func line() -> Int {
            guard let input = context.pointee.input else { return 0 }
            return Int(input.pointee.line)
        }
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
