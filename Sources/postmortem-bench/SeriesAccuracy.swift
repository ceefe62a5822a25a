import Foundation
import PostmortemArchive
import PostmortemTimeline

/// Adds each real snapshot series (a folder with `SERIES.tsv`) to a new store with the
/// `postmortem` executable and compares the store's merged incidents with the expected rows:
/// captures seen in, first and last capture, first and last update (UTC minute), distinct
/// updates, final status and impact.
enum SeriesAccuracy {
    static func report(folder: String, executable: String, workspace: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        for name in names {
            let seriesFolder = (folder as NSString).appendingPathComponent(name)
            let expectedPath = (seriesFolder as NSString).appendingPathComponent("SERIES.tsv")
            guard FileManager.default.fileExists(atPath: expectedPath) else { continue }
            let captures = try FileManager.default.contentsOfDirectory(atPath: seriesFolder).sorted()
                .filter { !$0.hasSuffix(".tsv") && !$0.hasPrefix(".") }
                .map { (seriesFolder as NSString).appendingPathComponent($0) }
            let db = workspace + "/series-\(name).sqlite"
            let measured = ProcessRunner.run([executable, "archive", "add", "--db", db, "--quiet"] + captures)
            guard measured.status == 0 else {
                print("\(name): archive add exited with \(measured.status)")
                continue
            }
            let incidents = try ArchiveStore(path: db, create: false).history().incidents
            let rows = try table(expectedPath)
            var found = 0
            var right = 0
            var problems: [String] = []
            var matched = Set<Int>()
            for row in rows {
                let id = row["incident_id"] ?? ""
                let keys = ["statuspage:" + (row["incident_code"] ?? id), "statuspage:" + id]
                guard let index = incidents.firstIndex(where: { incident in
                    let all = incident.identity?.keys ?? []
                    return all.contains { keys.contains($0) || $0.hasSuffix("Incident/" + id) }
                }) else {
                    problems.append("\(id): not in the store")
                    continue
                }
                found += 1
                matched.insert(index)
                let differences = compare(incidents[index], with: row)
                if differences.isEmpty { right += 1 } else { problems.append("\(id): " + differences.joined(separator: "; ")) }
            }
            let extra = incidents.indices.filter { !matched.contains($0) }.count
            print("\(name): \(captures.count) captures, \(rows.count) expected incidents, \(found) found, \(right) with every field right, \(extra) extra in the store; add took \(String(format: "%.2f", measured.seconds)) s")
            for problem in problems.prefix(10) { print("  \(problem)") }
        }
    }

    /// The differences between a merged incident and its SERIES.tsv row, as `field: ours vs expected`.
    static func compare(_ incident: Incident, with row: [String: String]) -> [String] {
        var out: [String] = []
        func check(_ field: String, _ ours: String, caseInsensitive: Bool = false) {
            guard let expected = row[field], !expected.isEmpty else { return }
            let same = caseInsensitive ? ours.lowercased() == expected.lowercased() : ours == expected
            if !same { out.append("\(field): \(ours) vs \(expected)") }
        }
        let times = incident.events.map(\.time)
        check("n_captures", String(incident.sources.count))
        check("first_capture", incident.sources.first.map { ($0 as NSString).lastPathComponent } ?? "")
        check("last_capture", incident.sources.last.map { ($0 as NSString).lastPathComponent } ?? "")
        check("first_update_utc", times.min().map(minute) ?? "")
        check("last_update_utc", times.max().map(minute) ?? "")
        check("total_distinct_updates", String(incident.events.count))
        let newest = incident.events.max { $0.time < $1.time }?.status
        check("final_status", incident.status ?? newest ?? "", caseInsensitive: true)
        check("impact", incident.impact ?? "")
        return out
    }

    /// `2023-05-09T22:39Z`: UTC truncated to the minute, as SERIES.tsv writes times.
    static func minute(_ instant: Instant) -> String {
        String(instant.iso8601.prefix(16)) + "Z"
    }

    /// A TSV file with a header row, as dictionaries.
    static func table(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (index, name) in header.enumerated() where index < cells.count { row[name] = cells[index] }
            return row
        }
    }
}
