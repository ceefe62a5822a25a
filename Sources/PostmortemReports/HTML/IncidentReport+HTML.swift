import PostmortemMetrics
import PostmortemTimeline

extension IncidentReport {
    /// The charts a report draws, as SVG documents; the page holds them inline and the report
    /// folder holds them as files too.
    public struct Charts: Sendable, Equatable {
        public var phases: String?
        public var windows: String?
        public var curves: String?

        public init(phases: String? = nil, windows: String? = nil, curves: String? = nil) {
            self.phases = phases
            self.windows = windows
            self.curves = curves
        }
    }

    /// Draws the report's charts.
    public var charts: Charts {
        Charts(
            phases: PhaseStrip.svg(title: "Phases: \(incident.title)", events: incident.events, window: metrics.window),
            windows: WindowChart.svg(title: "Impact windows: \(incident.title)", window: metrics.window, regionWindows: metrics.regionWindows),
            curves: RecoveryChart.svg(title: "Recovery: \(incident.title)", curves: metrics.recoveryCurves))
    }

    /// The report as one self-contained HTML page: key figures, summary, impact windows, the
    /// charts inline, recovery, credits with their reasoning, the timeline with each event's
    /// source, figures stated in the sources, and warnings. `siblings` are the report's other
    /// files, linked at the foot of the page.
    public func html(charts: Charts, siblings: [String] = []) -> String {
        var body = "<nav><a href=\"index.html\">All reports in this folder</a></nav>\n<header>\n"
        body += "<h1>\(HTMLPage.escape(incident.title))</h1>\n"
        body += "<p class=\"sources\">From " + incident.sources.map { "<code>\(HTMLPage.escape($0))</code>" }.joined(separator: ", ") + ".</p>\n"
        body += HTMLPage.keyFigures(keyFigures)
        body += "</header>\n"
        body += summarySection()
        body += windowsSection(charts)
        body += recoverySection(charts)
        body += creditSection()
        body += timelineSection()
        body += observationsSection()
        body += HTMLPage.warnings(warnings)
        body += HTMLPage.downloads(siblings)
        return HTMLPage(title: incident.title, body: body).rendered()
    }

    /// The figures a reader looks for first: duration, window, credit, first update.
    var keyFigures: [(label: String, value: String, detail: String?)] {
        var figures: [(label: String, value: String, detail: String?)] = []
        if let window = metrics.window {
            figures.append(("Duration", DurationText.minutes(window.durationMinutes), "\(window.durationMinutes) minutes"))
            let c = window.start.civil()
            let written = incident.primaryZone.map { zone in
                let local = window.start.civil(offsetSeconds: zone.offsetSeconds)
                return " (\(WrittenZone.twoDigits(local.hour)):\(WrittenZone.twoDigits(local.minute)) \(zone.token)\(local.date == c.date ? "" : " on \(local.date)"))"
            } ?? ""
            figures.append(("Impact began", "\(WrittenZone.twoDigits(c.hour)):\(WrittenZone.twoDigits(c.minute)) UTC", "\(c.date)\(written)"))
        } else {
            figures.append(("Duration", "not determined", nil))
        }
        if let credit = credits.first {
            let uptimeName = credit.policy.period == .calendarMonth ? "monthly uptime" : "annual uptime"
            figures.append(("Credit owed", CreditDocument.percent(credit.creditPercent), "\(credit.policy.id), \(uptimeName) \(NumberFormat.fixed(credit.uptimePercent, decimals: 3))%"))
        }
        if let delay = metrics.firstUpdateDelayMinutes {
            figures.append(("First public update", DurationText.minutes(delay), "after impact began"))
        }
        return figures
    }

    func summarySection() -> String {
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"facts\">\n"
        if !incident.services.isEmpty || incident.provider != nil {
            let service = ([incident.provider].compactMap { $0 } + incident.services).joined(separator: " / ")
            let regions = incident.regions.isEmpty ? "" : " (\(incident.regions.joined(separator: ", ")))"
            out += "<dt>Service</dt><dd>\(HTMLPage.escape(service + regions))</dd>\n"
        }
        if let impact = incident.impact { out += "<dt>Impact (as graded by the source)</dt><dd>\(HTMLPage.escape(impact))</dd>\n" }
        if let window = metrics.window {
            out += "<dt>Impact window (UTC)</dt><dd>\(HTMLPage.time(window.start)) to \(HTMLPage.time(window.end))</dd>\n"
            if let zone = incident.primaryZone {
                out += "<dt>As written (\(HTMLPage.escape(zone.token)))</dt><dd>\(MarkdownText.local(window.start, zone)) to \(MarkdownText.local(window.end, zone))</dd>\n"
            }
            out += "<dt>Duration</dt><dd><strong>\(DurationText.minutes(window.durationMinutes))</strong> (\(window.durationMinutes) minutes), \(HTMLPage.escape(window.method.explanation))</dd>\n"
        } else {
            out += "<dt>Impact window</dt><dd>not determined</dd>\n"
        }
        for milestone in metrics.timeToStatus {
            out += "<dt>Time to \(HTMLPage.escape(milestone.status))</dt><dd>\(DurationText.minutes(milestone.minutesFromStart))</dd>\n"
        }
        if let updates = MetricsDocument.cadencePhrase(metrics.cadence) { out += "<dt>Updates</dt><dd>\(updates)</dd>\n" }
        for note in metrics.notes { out += "<dt>Note</dt><dd>\(HTMLPage.escape(note))</dd>\n" }
        out += "</dl>\n"
        if let window = metrics.window {
            if let start = window.startEvidence { out += "<p>Start from:</p>\n<blockquote>\(HTMLPage.lines(start))</blockquote>\n" }
            if let end = window.endEvidence { out += "<p>End from:</p>\n<blockquote>\(HTMLPage.lines(end))</blockquote>\n" }
        }
        return out + "</section>\n"
    }

    func windowsSection(_ charts: Charts) -> String {
        var out = "<section id=\"impact-windows\">\n<h2>Impact windows</h2>\n"
        let windows = (metrics.window.map { [$0] } ?? []) + metrics.regionWindows
        if windows.isEmpty {
            out += "<p>No impact window could be found in the sources.</p>\n"
        } else {
            let rows = windows.map { window -> [String] in
                [HTMLPage.escape(window.region ?? "whole incident"), HTMLPage.time(window.start), HTMLPage.time(window.end),
                 DurationText.minutes(window.durationMinutes), String(window.durationMinutes), HTMLPage.escape(window.method.rawValue)]
            }
            out += HTMLPage.table(header: ["Window", "Start (UTC)", "End (UTC)", "Duration", "Minutes", "Found from"], rows: rows, numeric: [3, 4])
        }
        if let windows = charts.windows {
            out += HTMLPage.figure(windows, id: "chart-windows", caption: "The whole incident and each region on one UTC time axis.")
        }
        if let phases = charts.phases {
            out += HTMLPage.figure(phases, id: "chart-phases", caption: "Each update colours the stretch until the next by its status; the red band is the impact window.")
        }
        return out + "</section>\n"
    }

    func recoverySection(_ charts: Charts) -> String {
        guard !metrics.recoveryCurves.isEmpty else { return "" }
        var out = "<section id=\"recovery\">\n<h2>Recovery</h2>\n"
        if let curves = charts.curves {
            out += HTMLPage.figure(curves, id: "chart-recovery", caption: "Published figures as dashed lines with their points; dotted levels never recovered.")
        }
        var rows: [[String]] = []
        for curve in metrics.recoveryCurves {
            let unit = curve.unit == .percent ? "%" : ""
            for point in curve.points {
                rows.append([HTMLPage.escape(curve.subject), HTMLPage.time(point.time), NumberFormat.fixed(point.value, decimals: 2, trimZeros: true) + unit, HTMLPage.lines((point.note ?? curve.origin).clipped(200))])
            }
            if let residual = curve.residual {
                rows.append([HTMLPage.escape(curve.subject), "never recovered", NumberFormat.fixed(residual, decimals: 2, trimZeros: true) + unit, "residual"])
            }
        }
        out += HTMLPage.table(header: ["Subject", "Time (UTC)", "Value", "Source"], rows: rows, numeric: [2])
        if !metrics.curveSummaries.isEmpty {
            out += "<ul>\n"
            for summary in metrics.curveSummaries {
                out += "<li><strong>\(HTMLPage.escape(summary.subject)):</strong> \(recoveryPhrase(summary))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    func creditSection() -> String {
        var out = "<section id=\"credits\">\n<h2>SLA credit</h2>\n"
        if credits.isEmpty {
            for note in creditNotes { out += "<p>\(HTMLPage.escape(note))</p>\n" }
            if creditNotes.isEmpty { out += "<p>No SLA policy was applied.</p>\n" }
            if let announced = incident.announcedCredits.first {
                out += "<p>Announced by the provider: \(HTMLPage.escape(announced.summary)).</p>\n"
            }
        }
        for credit in credits { out += CreditDocument.htmlSection(credit) }
        out += CreditDocument.htmlPeriods(periods)
        return out + "</section>\n"
    }

    func timelineSection() -> String {
        let rows = incident.events.map { event -> [String] in
            [HTMLPage.time(event.time), HTMLPage.escape(event.writtenTime ?? ""), HTMLPage.escape(event.status ?? ""),
             HTMLPage.lines(event.text) + HTMLPage.source(event.source)]
        }
        var out = "<section id=\"timeline\">\n<h2>Timeline</h2>\n"
        out += HTMLPage.table(header: ["Time (UTC)", "As written", "Status", "Text and source"], rows: rows, className: "timeline")
        return out + "</section>\n"
    }

    func observationsSection() -> String {
        guard !incident.observations.isEmpty else { return "" }
        let rows = incident.observations.map { observation -> [String] in
            let unit = observation.unit == .percent ? "%" : " \(observation.unit.rawValue)"
            return [NumberFormat.fixed(observation.value, decimals: 2, trimZeros: true) + HTMLPage.escape(unit), HTMLPage.escape(observation.subject),
                    HTMLPage.escape(observation.role.rawValue), observation.time.map(HTMLPage.time) ?? "", "<code class=\"source\">\(HTMLPage.escape(observation.source.description))</code>"]
        }
        var out = "<section id=\"figures\">\n<h2>Figures stated in the sources</h2>\n"
        out += HTMLPage.table(header: ["Value", "Subject", "Role", "Time (UTC)", "Source"], rows: rows, numeric: [0])
        return out + "</section>\n"
    }
}
