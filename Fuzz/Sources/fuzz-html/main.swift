import Foundation
import FuzzSupport
import PostmortemIngest

/// Feeds arbitrary bytes to the libxml2 wrapper and walks every node the way parsers do, then
/// reads the bytes as an AWS Service Health Dashboard page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    if let document = bytes.withUnsafeBytes({ HTMLDocument(html: $0, url: "fuzz.html") }) {
        for node in document.select("//body//*[self::div or self::p or self::li][not(.//div)] | //h2 | //title") {
            _ = node.visibleText
            _ = node.textContent
            _ = node.parentPath
            _ = node.line
            _ = node.hasClass("event-update")
        }
        _ = document.root?.visibleText
        _ = document.stopWarnings(file: "fuzz.html")
    }
    _ = try? Ingest.parse(SourceInput(path: "fuzz.html", bytes: bytes), options: IngestOptions(formatHint: .awsHealthDashboard))
    return 0
}

exit(FuzzInput.run(fuzzHTML))
