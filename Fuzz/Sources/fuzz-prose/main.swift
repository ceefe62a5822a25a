import Foundation
import FuzzSupport
import PostmortemIngest
import PostmortemTimeline

/// The postmortem prose reader, forced by format hint, with a reference date as the CLI's
/// `--reference-date` gives it (prose often writes dates without a year).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProse(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = SourceInput(path: "fuzz.txt", bytes: FuzzInput.bytes(start, count))
    let options = IngestOptions(referenceDate: CivilDate(year: 2011, month: 4, day: 21), formatHint: .prose)
    _ = try? Ingest.parse(input, options: options)
    return 0
}

exit(FuzzInput.run(fuzzProse))
