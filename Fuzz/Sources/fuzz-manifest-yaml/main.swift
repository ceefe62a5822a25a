import Foundation
import FuzzSupport
import PostmortemPipeline

/// The reports manifest is read from a folder, so each input is written to `manifest.yaml` in a
/// private temporary folder first.
enum ManifestFolder {
    static let path: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-fuzz-manifest-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let file = ManifestFolder.path + "/manifest.yaml"
    guard FileManager.default.createFile(atPath: file, contents: Data(FuzzInput.bytes(start, count))) else { return 0 }
    _ = try? ReportManifest.load(folder: ManifestFolder.path)
    return 0
}

exit(FuzzInput.run(fuzzManifestYAML))
