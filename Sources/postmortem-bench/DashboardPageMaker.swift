import Foundation

/// Writes one AWS Service Health Dashboard event page (the 2008 shape of
/// `Fixtures/status-pages/aws-s3-2008-07-20.html`) of a given size: a breadcrumb, the event
/// heading, and one `event-update` block per update, each stamped with its day and time so the
/// times only move forward. Deterministic: the same size gives the same bytes.
enum DashboardPageMaker {
    static let bodies = [
        "Engineers are investigating elevated error rates for requests in the region.",
        "A subset of hosts has been restored and request processing continues to improve.",
        "We are bringing the remaining storage nodes back online one group at a time.",
        "Error rates are back to normal levels; we continue to monitor the service closely.",
    ]

    /// A page of about `megabytes` MB written to `path`; returns its size in bytes and the
    /// number of updates it holds.
    static func make(path: String, megabytes: Int) throws -> (bytes: Int, updates: Int) {
        var html = """
            <html><head><title>Amazon Web Services Service Health Dashboard</title></head><body>
            <div id="page"><div id="breadcrumb"><a href="index.html">Service Health Dashboard</a> &raquo; Example Storage Service</div>
            <div id="content"><h2>Example Storage Service (US) Event: January 1, 2008</h2>
            <div class="event-log">

            """
        var updates = 0
        let target = megabytes * 1_000_000
        html.reserveCapacity(target + 4096)
        while html.utf8.count < target {
            // One update a minute from midnight of January 1, so a year holds 525,600 of them.
            let day = updates / 1440
            let minute = updates % 1440
            let (month, dayOfMonth) = monthAndDay(dayOfYear: day)
            let hour12 = (minute / 60) % 12 == 0 ? 12 : (minute / 60) % 12
            let stamp = "\(CorpusMaker.monthNames[month - 1]) \(dayOfMonth), \(hour12):\(CorpusMaker.pad(minute % 60)) \(minute < 720 ? "AM" : "PM") PST"
            html += "<div class=\"event-update\"><span class=\"event-time\">\(stamp)</span>&nbsp;\(bodies[updates % bodies.count])</div>\n"
            updates += 1
        }
        html += "</div></div><div id=\"footer\">Conditions of Use</div></div></body></html>\n"
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        return (html.utf8.count, updates)
    }

    /// Month and day of the `dayOfYear`-th day (0-based) of 2008, a leap year.
    static func monthAndDay(dayOfYear: Int) -> (Int, Int) {
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var remaining = dayOfYear % 366
        for (index, length) in lengths.enumerated() {
            if remaining < length { return (index + 1, remaining + 1) }
            remaining -= length
        }
        return (12, 31)
    }
}
