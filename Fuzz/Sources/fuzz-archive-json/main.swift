import Foundation
import FuzzSupport
import PostmortemIngest

/// The archive readers added after the first fuzz round: AWS Service Health Dashboard
/// `data.json` and Statuspage `summary.json` / API JSON, forced by format hint so that bytes no
/// detector would claim still reach the parser. The first byte picks the reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchiveJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let selector = bytes.first else { return 0 }
    let formats: [SourceFormat] = [.awsHealthJSON, .statuspageJSON]
    let format = formats[Int(selector) % formats.count]
    let input = SourceInput(path: "fuzz.json", bytes: Array(bytes.dropFirst()))
    _ = try? Ingest.parse(input, options: IngestOptions(formatHint: format))
    return 0
}

exit(FuzzInput.run(fuzzArchiveJSON))
