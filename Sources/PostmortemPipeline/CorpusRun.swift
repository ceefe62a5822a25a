import Foundation
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

    /// The report files for a corpus, plus a line per file that could not be read (skipped, not fatal).
    public static func files(folder: String, ingest: IngestOptions, jobs: Int) -> (files: [(name: String, contents: String)], skipped: [String]) {
        let paths = files(in: folder)
        let results = ReportPipeline.read(paths, options: ingest, jobs: jobs)
        var incidents: [Incident] = []
        var skipped: [String] = []
        for (path, result) in zip(paths, results) {
            switch result {
            case .success(let read): incidents += read.incidents
            case .failure(let error): skipped.append(error.description)
            }
        }
        return (files(incidents: incidents, skipped: skipped), skipped)
    }

    /// The report files for incidents already read (a folder's, or an archive store's history).
    public static func files(incidents: [Incident], skipped: [String]) -> [(name: String, contents: String)] {
        let metrics = incidents.map(IncidentMetrics.init(incident:))
        let stats = CorpusStatistics(incidents: incidents, metrics: metrics)
        let histogram = CorpusDocument.histogram(stats.durations)
        var files: [(name: String, contents: String)] = [
            ("corpus.md", CorpusDocument.markdown(stats, skipped: skipped, histogramFile: histogram == nil ? nil : "corpus-durations.svg")),
            ("corpus.csv", CorpusDocument.csv(incidents, metrics: metrics)),
        ]
        if let histogram { files.append(("corpus-durations.svg", histogram)) }
        return files
    }
}
