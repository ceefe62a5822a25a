import Foundation
import FuzzSupport
import PostmortemIngest

/// The whole ingest entry point: encoding normalisation, format detection and whichever parser
/// claims the bytes, as `postmortem timeline FILE` runs it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = SourceInput(path: "fuzz.input", bytes: FuzzInput.bytes(start, count))
    _ = try? Ingest.parse(input)
    return 0
}

exit(FuzzInput.run(fuzzIngest))
