import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemMetrics
import PostmortemReports
import PostmortemTimeline

/// Reads every file below a folder and summarises the incidents in them.
public enum CorpusRun {
    /// The files below `folder`, sorted, hidden files left out.
    public static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// Why a file below a corpus folder is the folder's own documentation or data rather than
    /// incident material, if it is: a `README` (any extension) describes the folder, and a
    /// tab-separated table (`EXPECTED.tsv`, `SOURCES.tsv`) is no format postmortem reads, so read
    /// as prose it gave thousands of made-up events. Such files are listed as skipped, not read.
    static func notIncidentMaterial(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension.uppercased()
        if stem == "README" { return "skipped: the folder's README, not incident material" }
        if (name as NSString).pathExtension.lowercased() == "tsv" { return "skipped: a tab-separated table, no format postmortem reads" }
        return nil
    }

    /// The report files for a corpus, plus a line per file that could not be read (skipped, not fatal).
    ///
    /// The same incident in several files (snapshot captures, in file-name order, which is
    /// capture order for scraped series) is merged once before any figure. Scheduled
    /// maintenance is left out of the figures unless `includeMaintenance`. What the readers
    /// skipped inside the files they read, and what the merge warned about, goes to `warn`.
    public static func files(
        folder: String, ingest: IngestOptions, jobs: Int, includeMaintenance: Bool = false, quiet: Bool = true,
        warn: (ParseWarning) -> Void = { _ in }
    ) -> (files: [(name: String, contents: String)], skipped: [String]) {
        var skipped: [String] = []
        var paths: [String] = []
        for path in files(in: folder) {
            if let reason = notIncidentMaterial(path) { skipped.append("\(path): \(reason)") } else { paths.append(path) }
        }
        var history = SnapshotHistory()
        let progress = ProgressMeter.forTerminal(label: "reading", total: paths.count, quiet: quiet)
        defer { progress.finish() }
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(paths.count, start + max(1, jobs))])
            for (path, result) in zip(batch, ReportPipeline.read(batch, options: ingest, jobs: jobs)) {
                switch result {
                case .success(let read):
                    read.warnings.forEach(warn)
                    history.add(SnapshotCapture(name: path, incidents: read.incidents))
                case .failure(let error): skipped.append(error.description)
                }
                progress.advance(file: path)
            }
            start += batch.count
        }
        history.warnings.forEach(warn)
        return (files(incidents: history.incidents, skipped: skipped, includeMaintenance: includeMaintenance), skipped)
    }

    /// The report files for incidents already read and merged (a folder's, or an archive
    /// store's history); scheduled maintenance left out unless `includeMaintenance`.
    public static func files(incidents merged: [Incident], skipped: [String], includeMaintenance: Bool = false) -> [(name: String, contents: String)] {
        let incidents = includeMaintenance ? merged : merged.filter { !$0.isMaintenance }
        let metrics = incidents.map(IncidentMetrics.init(incident:))
        let stats = CorpusStatistics(incidents: incidents, metrics: metrics)
        let calendar = OutageCalendar(incidents: incidents, metrics: metrics)
        let histogram = CorpusDocument.histogram(stats.durations)
        var heatmaps: [(provider: String, file: String, svg: String)] = []
        for (provider, days) in calendar.days {
            if let svg = CalendarHeatmap.svg(provider: provider, days: days) {
                heatmaps.append((provider, "corpus-heatmap-" + slug(provider) + ".svg", svg))
            }
        }
        var files: [(name: String, contents: String)] = [
            ("corpus.md", CorpusDocument.markdown(
                stats, skipped: skipped, histogramFile: histogram == nil ? nil : "corpus-durations.svg", calendar: calendar,
                heatmapFiles: heatmaps.map { ($0.provider, $0.file) }, excludedMaintenance: merged.count - incidents.count)),
            ("corpus.csv", CorpusDocument.csv(incidents, metrics: metrics)),
            ("corpus-monthly.csv", CorpusDocument.monthlyCSV(calendar)),
        ]
        if let histogram { files.append(("corpus-durations.svg", histogram)) }
        files += heatmaps.map { ($0.file, $0.svg) }
        // A page per provider (its calendar and monthly uptime) and the folder's index.
        files += ReportFolder(archives: ProviderArchive.all(calendar: calendar, incidents: incidents, metrics: metrics)).files()
        return files
    }

    /// A file-name part for a provider: lower-case letters and digits, dashes between words.
    static func slug(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "unknown" : out
    }
}
