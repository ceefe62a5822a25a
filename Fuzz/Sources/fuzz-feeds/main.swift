import Foundation
import FuzzSupport
import PostmortemIngest

/// The feed and API readers (AWS RSS, Statuspage Atom/RSS, Statuspage JSON, Google Cloud JSON),
/// each forced by format hint so that bytes no detector would claim still reach the parser. The
/// first byte picks the reader; the rest is the document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeeds(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    guard let selector = bytes.first else { return 0 }
    let formats: [SourceFormat] = [.awsHealthRSS, .statuspageFeed, .statuspageJSON, .googleCloudJSON]
    let format = formats[Int(selector) % formats.count]
    let input = SourceInput(path: "fuzz.feed", bytes: Array(bytes.dropFirst()))
    _ = try? Ingest.parse(input, options: IngestOptions(formatHint: format))
    return 0
}

exit(FuzzInput.run(fuzzFeeds))
