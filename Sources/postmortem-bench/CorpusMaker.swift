import Foundation
import RecoveryModel

/// Writes a corpus of Atlassian Statuspage history pages in the shape of the fixtures
/// (`Fixtures/status-pages/statuspage-history-*.html`): status days with a dated header, incident
/// containers with an impact class and link, and updates stamped in one of a dozen zones.
/// Deterministic: the same size gives the same bytes.
enum CorpusMaker {
    static let zones = ["UTC", "PST", "PDT", "EST", "CET", "JST", "KST", "NZDT", "AEDT", "IST", "BST", "GMT+08:00"]
    static let impacts = ["none", "minor", "major", "critical", "maintenance"]
    static let statuses = ["Investigating", "Identified", "Monitoring", "Update", "Resolved"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let bodies = [
        "We are investigating elevated error rates on the API and will post an update within 30 minutes.",
        "The issue has been identified as a faulty configuration push to the load balancers; a rollback is under way.",
        "A fix has been deployed and we are monitoring the results. Error rates are back to baseline in all regions.",
        "Some customers may see delayed webhook deliveries while the backlog drains. No data has been lost.",
        "This incident has been resolved. Latency and error rates have been normal for 30 minutes.",
    ]

    /// Writes pages of about `pageKilobytes` each into `folder` until `megabytes` are written.
    /// Returns the paths and the total bytes.
    static func make(folder: String, megabytes: Int, pageKilobytes: Int = 512) throws -> (paths: [String], bytes: Int) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 20_080_720)
        var paths: [String] = []
        var total = 0
        var page = 0
        while total < megabytes * 1_000_000 {
            let html = makePage(number: page, kilobytes: pageKilobytes, generator: &generator)
            let path = (folder as NSString).appendingPathComponent(String(format: "history-%04d.html", page))
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            total += html.utf8.count
            page += 1
        }
        return (paths, total)
    }

    static func makePage(number: Int, kilobytes: Int, generator: inout SplitMix64) -> String {
        let zone = zones[number % zones.count]
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>Provider\(number) Status - Incident History</title>\n</head>\n<body class=\"status index\">\n"
        out += "<div class=\"layout-content status status-index\">\n<div class=\"months-container\">\n"
        var year = 2024 - number % 5
        var month = 12
        var day = 28
        var incident = 0
        while out.utf8.count < kilobytes * 1000 {
            out += "<h4 class=\"month-title\">\(monthNames[month - 1]) \(year)</h4>\n"
            out += "  <div class=\"status-day font-regular\">\n"
            out += "    <div class=\"date border-color font-large\">\(months[month - 1]) <var data-var=\"date\">\(day)</var>, <var data-var=\"year\">\(year)</var></div>\n"
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                incident += 1
                let impact = impacts[Int(generator.next() % UInt64(impacts.count))]
                out += "    <div class=\"incident-container\">\n"
                out += "      <div class=\"incident-title impact-\(impact) font-large\">\n"
                out += "        <a class=\"actual-title with-ellipsis\" href=\"https://status.provider\(number).example/incidents/i\(number)x\(incident)\">Degraded performance of service \(incident % 17) &amp; its API</a>\n      </div>\n"
                out += "      <div class=\"updates-container\">\n"
                let updates = 2 + Int(generator.next() % 5)
                var minute = 23 * 60 - Int(generator.next() % 120)
                for index in 0..<updates {
                    let status = index == 0 ? "Resolved" : statuses[Int(generator.next() % 4)]
                    let body = bodies[Int(generator.next() % UInt64(bodies.count))]
                    out += "        <div class=\"update font-regular\">\n"
                    out += "          <strong>\(status)</strong> - \(body)\n          <br>\n"
                    out += "          <small>\(months[month - 1]) <var data-var=\"date\">\(day)</var>, <var data-var=\"time\">\(pad(minute / 60)):\(pad(minute % 60))</var> \(zone)</small>\n"
                    out += "        </div>\n"
                    minute -= 5 + Int(generator.next() % 40)
                    if minute < 0 { minute = 0 }
                }
                out += "      </div>\n    </div>\n"
            }
            out += "  </div>\n"
            day -= 1 + Int(generator.next() % 3)
            if day < 1 {
                day = 28
                month -= 1
                if month < 1 {
                    month = 12
                    year -= 1
                }
            }
        }
        out += "</div>\n</div>\n</body>\n</html>\n"
        return out
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
