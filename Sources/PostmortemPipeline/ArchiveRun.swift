import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemTimeline

/// Reads inputs into an archive store: the `archive add` and `archive merge` commands.
public enum ArchiveRun {
    /// Reads every input of `request` and stores each as one capture, all in one transaction:
    /// when any input fails, nothing is stored and the error names that input. Inputs are read
    /// `jobs` at a time; a capture the store already holds (same file, same bytes) is not parsed
    /// again. Memory holds one batch of inputs, never the archive.
    ///
    /// As `timeline` does, among several inputs a failed capture (an empty file, a server's error
    /// page) is stored as a capture holding nothing, with a warning, instead of failing the
    /// whole add. A single such input is an error.
    ///
    /// A store that did not exist before and to which nothing could be added is removed again.
    /// - Throws: the input's `IngestError`, `PipelineError.strict`, or `ArchiveError`.
    public static func add(_ request: ReportRequest, toStoreAt path: String, progress: inout ProgressMeter) throws -> ArchiveAddition.Summary {
        let existed = FileManager.default.fileExists(atPath: path)
        let store = try ArchiveStore(path: path, create: true)
        do {
            return try add(request, to: store, progress: &progress)
        } catch {
            if !existed, (try? store.captures().isEmpty) ?? false {
                try? store.close()
                ArchiveStore.removeFiles(at: path)
            }
            throw error
        }
    }

    /// `add(_:toStoreAt:progress:)` into a store already open.
    public static func add(_ request: ReportRequest, to store: ArchiveStore, progress: inout ProgressMeter) throws -> ArchiveAddition.Summary {
        try store.add { addition in
            var start = 0
            while start < request.inputs.count {
                let batch = Array(request.inputs[start..<min(request.inputs.count, start + request.jobs)])
                start += batch.count
                let read = ParallelMap.map(batch, jobs: request.jobs) { path in
                    Result { () throws(IngestError) -> [UInt8] in try Ingest.bytes(at: path) }
                }
                var fresh: [(path: String, bytes: [UInt8], digest: CaptureDigest)] = []
                for (path, outcome) in zip(batch, read) {
                    let bytes = try outcome.get()
                    let digest = CaptureDigest(bytes)
                    if try addition.contains(name: path, digest: digest) {
                        addition.skipStored()
                        progress.advance(bytes: bytes.count)
                    } else {
                        fresh.append((path, bytes, digest))
                    }
                }
                let parsed = ParallelMap.map(fresh.map { SourceInput(path: $0.path, bytes: $0.bytes) }, jobs: request.jobs) { input in
                    Result { () throws(IngestError) -> IngestResult in try Ingest.parse(input, options: request.ingest) }
                }
                for (item, outcome) in zip(fresh, parsed) {
                    let result: IngestResult
                    if case .failure(let error) = outcome, let warning = ReportPipeline.failedCaptureWarning(error), request.inputs.count > 1 {
                        result = IngestResult(warnings: [warning])
                    } else {
                        result = try outcome.get()
                    }
                    if request.strict, let first = result.warnings.first {
                        throw PipelineError.strict(file: item.path, count: result.warnings.count, first: first.description)
                    }
                    try addition.add(name: item.path, digest: item.digest, result: result)
                    progress.advance(bytes: item.bytes.count)
                }
            }
        }
    }

    /// Copies every capture of the stores at `sources` into `store`, in one transaction per source.
    /// The result reads exactly as one store built from all their captures.
    /// - Throws: `ArchiveError` naming the store at fault.
    public static func merge(_ sources: [String], into store: ArchiveStore, progress: inout ProgressMeter) throws(ArchiveError) -> ArchiveAddition.Summary {
        var total = ArchiveAddition.Summary()
        for path in sources {
            let other = try ArchiveStore(path: path, create: false)
            let summary = try store.absorb(other)
            total.added += summary.added
            total.alreadyStored += summary.alreadyStored
            total.snapshots += summary.snapshots
            progress.advance(bytes: 0)
        }
        return total
    }
}
