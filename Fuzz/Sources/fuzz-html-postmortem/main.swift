import Foundation
import FuzzSupport
import PostmortemIngest
import PostmortemTimeline

/// The postmortem prose reader on web pages: the input follows `<!DOCTYPE html>`, so the block
/// splitter always takes the HTML path (the article extraction: `<article>`/`<main>`/`<body>`,
/// skipped page furniture, publication `<meta>`, JSON-LD and `<time>` dates). An even first byte
/// runs only the extraction, which is fast, so it gets most of the executions; an odd one runs
/// the whole prose reader on the page as well.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLPostmortem(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput.bytes(start, count)
    let bytes = Array("<!DOCTYPE html>\n".utf8) + input
    let document = BlockDocument.read(text: String(decoding: bytes, as: UTF8.self), path: "fuzz.html")
    precondition(document.markup == .html, "a page under <!DOCTYPE html> was not read as HTML")
    for block in document.blocks { _ = block.text }
    guard let selector = input.first, selector % 2 == 1 else { return 0 }
    let options = IngestOptions(referenceDate: CivilDate(year: 2011, month: 4, day: 21), formatHint: .prose)
    _ = try? Ingest.parse(SourceInput(path: "fuzz.html", bytes: bytes), options: options)
    return 0
}

exit(FuzzInput.run(fuzzHTMLPostmortem))
