import Foundation
import FuzzSupport
import PostmortemArchive
import PostmortemIngest

/// Snapshot merging: the input is split at each NUL byte into up to eight captures, each read
/// with format detection, and the captures are merged in order by `SnapshotHistory` (incident
/// identity, later captures replacing earlier ones), as the pipeline does for a series.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshots(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    var history = SnapshotHistory()
    for (index, part) in bytes.split(separator: 0, maxSplits: 7, omittingEmptySubsequences: false).enumerated() {
        let name = "capture-\(index)"
        guard let result = try? Ingest.parse(SourceInput(path: name, bytes: Array(part))) else { continue }
        history.add(SnapshotCapture(name: name, incidents: result.incidents))
    }
    _ = history.incidents
    _ = history.warnings
    return 0
}

exit(FuzzInput.run(fuzzSnapshots))
