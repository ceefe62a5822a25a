import Foundation
import FuzzSupport
import PostmortemIngest
import PostmortemTimeline

/// The postmortem prose reader on Markdown: the input follows a `#` heading line, so the block
/// splitter always takes the Markdown path (front matter, headings, tables, fences, inline
/// markup), then the prose reader runs on its blocks with a reference date.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array("# Postmortem\n".utf8) + FuzzInput.bytes(start, count)
    let text = String(decoding: bytes, as: UTF8.self)
    let document = BlockDocument.read(text: text, path: "fuzz.md")
    precondition(document.markup == .markdown, "a text under a # heading was not read as Markdown")
    let options = IngestOptions(referenceDate: CivilDate(year: 2011, month: 4, day: 21), formatHint: .prose)
    _ = try? Ingest.parse(SourceInput(path: "fuzz.md", bytes: bytes), options: options)
    return 0
}

exit(FuzzInput.run(fuzzMarkdown))
