import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemTimeline

/// Compares one `EXPECTED.tsv` or `SERIES.tsv` row with what postmortem read, cell by cell.
enum ArchiveRowCheck {
    /// `2021-03-07T17:06Z`, the minute form the corpus uses (truncated, not rounded).
    static func minute(_ instant: Instant?) -> String {
        guard let instant else { return "" }
        return String(instant.iso8601.prefix(16)) + "Z"
    }

    /// The cells that differ (empty when the row is right).
    static func differences(row: [String: String], folder: String, read: Result<IngestResult, IngestError>?, used: inout Set<Int>) -> [String] {
        let section = row["section"] ?? ""
        guard let read else { return ["file not read"] }
        if section == "(no incidents)" {
            switch read {
            case .success(let result): return result.incidents.isEmpty ? [] : ["\(result.incidents.count) incident(s) where the file has none"]
            case .failure(.empty): return []
            case .failure(let error): return ["error: \(error)"]
            }
        }
        guard case .success(let result) = read else {
            if case .failure(let error) = read { return ["error: \(error)"] }
            return ["not read"]
        }
        guard let index = match(row: row, folder: folder, in: result.incidents, used: used) else { return ["no incident matches"] }
        used.insert(index)
        let incident = result.incidents[index]
        var expected = row
        if folder.hasPrefix("aws") {
            expected["title"] = awsTitle(row["title"] ?? "")
            let status = row["final_status"] ?? ""
            expected["final_status"] = status.hasPrefix("archived") ? "archived" : status
            expected["impact"] = (row["impact"] ?? "").split(separator: "(").first.map(String.init) ?? ""
        } else if folder.hasPrefix("gcp") {
            if (row["final_status"] ?? "").isEmpty {
                expected["final_status"] = row["end_field"] == "set" ? "resolved" : "ongoing"
            }
            let severity = row["severity"] ?? ""
            expected["impact"] = severity.isEmpty ? (row["impact"] ?? "").lowercased() : severity
        }
        let got: [String: String] = [
            "title": incident.title, "n_updates": String(incident.events.count),
            "first_update_utc": minute(incident.events.first?.time), "last_update_utc": minute(incident.events.last?.time),
            "final_status": incident.status ?? "", "impact": incident.impact ?? "",
            "scheduled_for_utc": minute(incident.scheduledStart), "scheduled_until_utc": minute(incident.scheduledEnd),
        ]
        var out: [String] = []
        for key in ["title", "n_updates", "first_update_utc", "last_update_utc", "final_status", "impact", "scheduled_for_utc", "scheduled_until_utc"] {
            let want = cell(key, expected[key] ?? "")
            if want != cell(key, got[key] ?? "") { out.append("\(key) '\(got[key] ?? "")' expected '\(want)'") }
        }
        let maintenance = section.contains("maintenance")
        if maintenance != incident.isMaintenance { out.append("maintenance \(incident.isMaintenance) expected \(maintenance)") }
        return out
    }

    /// A cell as compared: statuses without case (the feed writes `Resolved`), titles with white
    /// space folded (the TSV turned newlines into spaces; postmortem folds runs of white space).
    static func cell(_ key: String, _ value: String) -> String {
        switch key {
        case "final_status": return value.lowercased()
        case "title": return value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        default: return value
        }
    }

    /// The AWS title as postmortem keeps it: resolved markers taken out of each part.
    static func awsTitle(_ summary: String) -> String {
        summary.components(separatedBy: " | ").map { part -> String in
            var text = part.trimmingCharacters(in: .whitespaces)
            for marker in ["[RESOLVED]", "[已解決]", "[已解决]", "[解決済み]"] where text.hasPrefix(marker) {
                text = String(text.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces)
            }
            return text
        }.joined(separator: " | ")
    }

    /// The index of the unused incident the row describes.
    static func match(row: [String: String], folder: String, in incidents: [Incident], used: Set<Int>) -> Int? {
        let id = row["incident_id"] ?? ""
        let wanted: (Incident) -> Bool
        if folder.hasPrefix("aws") {
            wanted = { $0.components.first == row["service"] && minute($0.events.first?.time) == row["first_update_utc"] }
        } else if folder.hasPrefix("gcp") {
            let key = id.hasPrefix("/") ? "gcp-uri:" + id.dropFirst() : "gcp:" + id
            wanted = { $0.identity?.keys.contains(key) == true }
        } else if let code = row["incident_code"] {
            wanted = { $0.identity?.keys.contains("statuspage:" + code) == true }
        } else {
            wanted = { $0.identity?.keys.contains("statuspage:" + id) == true }
        }
        return incidents.indices.first { !used.contains($0) && wanted(incidents[$0]) }
    }

    /// Whether the series merges to exactly the rows of `expected`, and what differs.
    static func series(_ expected: TSV, files: [String], reads: [String: Result<IngestResult, IngestError>], show: Int) -> (Bool, String) {
        var history = SnapshotHistory()
        for file in files {
            guard case .success(let result)? = reads[file] else { continue }
            history.add(SnapshotCapture(name: file, incidents: result.incidents))
        }
        let merged = history.incidents
        var right = 0
        var shown = 0
        for row in expected.rows {
            let key = "statuspage:" + (row["incident_code"] ?? row["incident_id"] ?? "")
            guard let incident = merged.first(where: { $0.identity?.keys.contains(key) == true }) else { continue }
            let got = [
                "title": incident.title, "n_captures": String(incident.sources.count),
                "first_capture": incident.sources.first ?? "", "last_capture": incident.sources.last ?? "",
                "first_update_utc": minute(incident.events.first?.time), "last_update_utc": minute(incident.events.last?.time),
                "total_distinct_updates": String(incident.events.count), "final_status": incident.status ?? "", "impact": incident.impact ?? "",
            ]
            let wrong = got.keys.sorted().filter { cell($0, row[$0] ?? "") != cell($0, got[$0] ?? "") }
            if wrong.isEmpty { right += 1 } else if shown < show {
                shown += 1
                print("  series wrong: \(key): " + wrong.map { "\($0) '\(got[$0] ?? "")' expected '\(row[$0] ?? "")'" }.joined(separator: "; "))
            }
        }
        let exact = right == expected.rows.count && merged.count == expected.rows.count && history.warnings.isEmpty
        return (exact, "\(merged.count) merged, \(right)/\(expected.rows.count) rows right, \(history.warnings.count) warnings")
    }
}
