import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemReports
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
    public static func add(_ request: ReportRequest, toStoreAt path: String, progress: ProgressMeter) throws -> ArchiveAddition.Summary {
        try intoStore(at: path) { store in try add(request, to: store, progress: progress) }
    }

    /// Runs `body` on the store at `path`, created when missing; a store created for a `body`
    /// that then fails, with nothing stored, is removed again.
    private static func intoStore<T>(at path: String, _ body: (ArchiveStore) throws -> T) throws -> T {
        let existed = FileManager.default.fileExists(atPath: path)
        let store = try ArchiveStore(path: path, create: true, rendering: rendering)
        do {
            return try body(store)
        } catch {
            if !existed, (try? store.captures().isEmpty) ?? false {
                try? store.close()
                ArchiveStore.removeFiles(at: path)
            }
            throw error
        }
    }

    /// `add(_:toStoreAt:progress:)` into a store already open.
    public static func add(_ request: ReportRequest, to store: ArchiveStore, progress: ProgressMeter) throws -> ArchiveAddition.Summary {
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

    /// How stores keep each merged incident ready for `export`: as `timeline`'s JSON document
    /// holds it. The name carries the tool's version and a digest of a sample incident's
    /// rendering, so a store whose cache another rendering wrote is merged afresh, never served
    /// stale bytes.
    public static let rendering: IncidentRendering = {
        let sample = Incident(
            title: "Sample \"incident\"\n", provider: "Sample", services: ["API"], regions: ["eu-west-1"], impact: "major",
            components: ["Web"], componentStatuses: [ComponentStatus(name: "Web", status: "major_outage")], url: "https://status.example/i/1",
            events: [
                TimelineEvent(
                    time: Instant(secondsSinceEpoch: 1_700_000_000), endTime: Instant(secondsSinceEpoch: 1_700_000_600),
                    zone: WrittenZone(token: "PST", offsetSeconds: -28_800), writtenTime: "2:13 PM PST", precision: .minute,
                    status: "investigating", region: "eu-west-1", service: "API", text: "Errors \u{1}é", source: SourceLocation(file: "s.json", line: 3, byteOffset: 9),
                    componentChanges: [ComponentChange(code: "c1", name: "Web", oldStatus: "operational", newStatus: "major_outage")],
                    updateID: "u1"),
            ],
            observations: [], statedImpactStart: Instant(secondsSinceEpoch: 1_699_999_000), statedImpactEnd: Instant(secondsSinceEpoch: 1_700_003_000),
            sources: ["s.json"], identity: IncidentIdentity(key: "statuspage:1", aliases: ["url:x"]), status: "resolved", isMaintenance: true,
            scheduledStart: Instant(secondsSinceEpoch: 1_699_990_000), scheduledEnd: Instant(secondsSinceEpoch: 1_700_090_000))
        return IncidentRendering(
            name: "timeline-json/\(ToolVersion.current)/\(CaptureDigest(TimelineJSONWriter.render(sample)))", render: TimelineJSONWriter.render)
    }()

    /// Writes the store's merged incidents that pass `filter` as `timeline`'s JSON document, a
    /// megabyte at a time: from the store's cache when it holds `rendering` (nothing decoded or
    /// merged, memory flat), otherwise from its history merged afresh, rendered `jobs` at a time.
    /// The bytes are the same either way. Each warning the document lists is also handed to
    /// `warned` (which `timeline --db` prints on stderr).
    /// - Throws: `ArchiveError`, or what `write` throws.
    public static func export(
        _ store: ArchiveStore, filter: ArchiveFilter, jobs: Int = 1, to write: ([UInt8]) throws -> Void,
        warned: (ParseWarning) -> Void = { _ in }
    ) throws {
        var writer = TimelineJSONWriter()
        let served = try store.forEachRendered(
            rendering, filter: filter,
            incident: { bytes in
                writer.append(rendered: bytes)
                if writer.pendingCount >= 1 << 20 { try write(writer.take()) }
            },
            warning: { warning in
                warned(warning)
                writer.append(warning)
            })
        guard served else {
            let history = try store.history(jobs: jobs)
            history.warnings.forEach(warned)
            try TimelineDocument.writeJSON(history.incidents.filter(filter.includes), warnings: history.warnings, jobs: jobs, to: write)
            return
        }
        writer.finish()
        try write(writer.take())
    }

    /// Copies every capture of the stores at `sources` into the store at `path` (created when
    /// missing), in one transaction per source. Every source is opened, and refused when it is
    /// no store or a newer one, before the target is touched; a target created for a merge that
    /// then fails is removed again.
    /// - Throws: `ArchiveError` naming the store at fault.
    public static func merge(_ sources: [String], intoStoreAt path: String, progress: ProgressMeter) throws(ArchiveError) -> ArchiveAddition.Summary {
        var opened: [ArchiveStore] = []
        for source in sources { opened.append(try ArchiveStore(path: source, create: false)) }
        do {
            return try intoStore(at: path) { store in try merge(opened, into: store, progress: progress) }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError.database(file: path, operation: "merging into the store", message: "\(error)")
        }
    }

    /// Copies every capture of `sources` into `store`, in one transaction per source.
    /// The result reads exactly as one store built from all their captures.
    /// - Throws: `ArchiveError` naming the store at fault.
    public static func merge(_ sources: [ArchiveStore], into store: ArchiveStore, progress: ProgressMeter) throws(ArchiveError) -> ArchiveAddition.Summary {
        var total = ArchiveAddition.Summary()
        for other in sources {
            let summary = try store.absorb(other)
            total.added += summary.added
            total.alreadyStored += summary.alreadyStored
            total.snapshots += summary.snapshots
            progress.advance(bytes: 0)
        }
        return total
    }
}
