import Foundation
import FuzzSupport
import PostmortemArchive
import PostmortemPipeline
import PostmortemReports

/// The archive store: the input is split at NUL bytes into up to four captures, written as
/// files in a private temporary folder. All but the last are added in one `archive add` into a
/// fresh store; then the last is added on its own, and the store is exported (JSON and CSV) as
/// `archive export` does. Checked, not only run:
/// - the export from the store's cache of merged incidents is the history merged afresh, byte
///   for byte;
/// - a first add that fails leaves no store file behind;
/// - a later add that fails leaves the store exactly as it was (the same captures and the same
///   exported bytes), since every add is one transaction.
enum StoreFolder {
    static let path: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-fuzz-store-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()
}

/// What a store holds, as far as a user can see it: its captures and its export.
struct StoreContents: Equatable {
    var captures: [String]
    var json: [UInt8]
    var csv: String

    init(_ store: ArchiveStore) throws {
        captures = try store.captures().map { "\($0.name) \($0.digest) \($0.byteCount) \($0.format ?? "-")" }
        var exported: [UInt8] = []
        try ArchiveRun.export(store, filter: ArchiveFilter()) { exported += $0 }
        let history = try store.history()
        var fresh: [UInt8] = []
        TimelineDocument.writeJSON(history.incidents, warnings: history.warnings) { fresh += $0 }
        precondition(exported == fresh, "the export from the store's cache differs from the history merged afresh")
        json = exported
        csv = TimelineDocument.csv(history.incidents)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput.bytes(start, count)
    let folder = StoreFolder.path
    let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    var files: [String] = []
    for (index, part) in parts.enumerated() {
        let file = folder + "/capture-\(index)"
        guard FileManager.default.createFile(atPath: file, contents: Data(part)) else { return 0 }
        files.append(file)
    }
    let storePath = folder + "/store.sqlite"
    ArchiveStore.removeFiles(at: storePath)
    defer { ArchiveStore.removeFiles(at: storePath) }

    let progress = ProgressMeter(label: "fuzz", total: files.count, enabled: false)
    let first = files.count > 1 ? Array(files.dropLast()) : files
    do {
        _ = try ArchiveRun.add(ReportRequest(inputs: first), toStoreAt: storePath, progress: progress)
    } catch {
        precondition(!FileManager.default.fileExists(atPath: storePath), "a failed first add left a store behind: \(error)")
        return 0
    }
    guard let store = try? ArchiveStore(path: storePath, create: false), let before = try? StoreContents(store) else {
        preconditionFailure("a store just added to cannot be read back")
    }
    guard files.count > 1, let last = files.last else { return 0 }
    do {
        _ = try ArchiveRun.add(ReportRequest(inputs: [last]), to: store, progress: progress)
        guard (try? StoreContents(store)) != nil else { preconditionFailure("a store just added to cannot be exported") }
    } catch {
        guard let after = try? StoreContents(store) else { preconditionFailure("a failed add left a store that cannot be read: \(error)") }
        precondition(after == before, "a failed add changed the store: \(error)")
    }
    try? store.close()
    return 0
}

exit(FuzzInput.run(fuzzStore))
