import Foundation
import PostmortemIngest
import PostmortemMetrics
import PostmortemTestSupport
import PostmortemTimeline
import Testing

@testable import PostmortemReports

/// Reads the pages the way a browser does (libxml2's HTML parser) and checks what a reader
/// sees: the figures, the charts, the sources, and that nothing in a page can fetch anything.
@Suite("HTML report pages")
struct HTMLPageTests {
    /// The S3 2008 status page and its follow-up, merged, under the 2008 and current S3 terms.
    static func s3Report() throws -> IncidentReport {
        let page = try Ingest.read(path: FixturePath.resolve("Fixtures/status-pages/aws-s3-2008-07-20.html"))
        let followup = try Ingest.read(path: FixturePath.resolve("Fixtures/postmortems/aws-s3-2008-07-20-followup.txt"))
        let incident = try #require(Incident.merging(page.incidents + followup.incidents))
        let metrics = IncidentMetrics(incident: incident)
        let credits = try ["s3-2008", "s3-current"].map { name in
            try CreditAssessment(incident: incident, window: metrics.window, policy: try PolicyLibrary.policy(named: name))
        }
        let window = try #require(metrics.window)
        let periods = try PeriodCredit.assess([.init(incident: incident, window: window)], policy: try PolicyLibrary.policy(named: "s3-2008"))
        return IncidentReport(incident: incident, metrics: metrics, credits: credits, periods: periods, warnings: page.warnings + followup.warnings)
    }

    static func ebsReport() throws -> IncidentReport {
        let result = try Ingest.read(path: FixturePath.resolve("Fixtures/postmortems/aws-ebs-2011-04-21.txt"))
        let incident = try #require(result.incidents.first)
        let metrics = IncidentMetrics(incident: incident)
        let credit = try CreditAssessment(incident: incident, window: metrics.window, policy: try PolicyLibrary.policy(named: "ec2-2008"))
        return IncidentReport(incident: incident, metrics: metrics, credits: [credit], warnings: result.warnings)
    }

    static func page(_ report: IncidentReport) throws -> (html: String, document: HTMLDocument) {
        let html = try #require(report.files().first { $0.name == "\(report.slug).html" }).contents
        return (html, try parse(html))
    }

    static func parse(_ html: String) throws -> HTMLDocument {
        try #require(Array(html.utf8).withUnsafeBytes { HTMLDocument(html: $0, url: "page.html", encoding: "UTF-8") })
    }

    /// The value shown under a key-figure label.
    static func keyFigure(_ label: String, in document: HTMLDocument) -> String? {
        document.first("//dl[@class='key-figures']/div[dt='\(label)']/dd/span[@class='figure']")?.textContent
    }

    /// What no page may hold: anything that loads from elsewhere or runs.
    static func expectSelfContained(_ document: HTMLDocument, _ html: String) {
        let policy = document.first("//meta[@http-equiv='Content-Security-Policy']")?.attribute("content")
        #expect(policy?.hasPrefix("default-src 'none';") == true)
        for tag in ["script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "base", "form"] {
            #expect(document.select("//\(tag)").isEmpty, "a <\(tag)> element")
        }
        #expect(document.select("//*[@src]").isEmpty)
        #expect(document.select("//*[@srcset]").isEmpty)
        for link in document.select("//*[@href]") {
            let target = link.attribute("href") ?? ""
            #expect(!target.contains(":") && !target.hasPrefix("//") && !target.hasPrefix("/"), "link to \(target)")
        }
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("@font-face"))
    }

    @Test("S3 2008: 8h 18m, the 25% credit with its reasoning, and two charts inline")
    func s3Page() throws {
        let report = try Self.s3Report()
        let (html, document) = try Self.page(report)
        Self.expectSelfContained(document, html)
        #expect(document.first("//title")?.textContent == "Amazon Simple Storage Service (US) Event: July 20, 2008")
        #expect(Self.keyFigure("Duration", in: document) == "8h 18m")
        #expect(Self.keyFigure("Credit owed", in: document) == "25%")
        #expect(Self.keyFigure("Impact began", in: document) == "15:40 UTC")
        #expect(Self.keyFigure("First public update", in: document) == "25m")

        // Impact windows: the whole incident 15:40 to 23:58 UTC, EU to 22:10, US to 23:58.
        let windows = document.select("//section[@id='impact-windows']//tbody/tr").map { $0.visibleText.replacingOccurrences(of: "\n", with: " | ") }
        #expect(windows == [
            "whole incident | 2008-07-20 15:40 | 2008-07-20 23:58 | 8h 18m | 498 | stated",
            "EU | 2008-07-20 15:40 | 2008-07-20 22:10 | 6h 30m | 390 | stated",
            "US | 2008-07-20 15:40 | 2008-07-20 23:58 | 8h 18m | 498 | stated",
        ])

        // Two charts, each an inline SVG; the windows chart labels each bar with its duration.
        let charts = document.select("//figure[@class='chart']")
        #expect(charts.map { $0.attribute("id") ?? "" } == ["chart-windows", "chart-phases"])
        #expect(document.select("//figure[@class='chart']/svg").count == 2)
        let windowLabels = document.select("//figure[@id='chart-windows']/svg/text").map(\.textContent)
        #expect(windowLabels.contains("6h 30m"))
        #expect(windowLabels.filter { $0 == "8h 18m" }.count == 2)
        let phaseLabels = document.select("//figure[@id='chart-phases']/svg/text").map(\.textContent)
        #expect(phaseLabels.contains("impact 8h 18m"))
        #expect(phaseLabels.contains("Jul 21 02:00"))

        // The 2008 terms: 98.884% monthly uptime, below 99%, so 25%; the tier that applied marked.
        let credit = try #require(document.first("//section[@id='credit-s3-2008']"))
        #expect(credit.visibleText.contains("Monthly uptime\n98.884% (commitment 99.9%)"))
        #expect(credit.visibleText.contains("Contractual credit\n25% of the bill for the period"))
        let steps = document.select("//section[@id='credit-s3-2008']/ol[@class='reasoning']/li").map(\.textContent)
        #expect(steps.count == 5)
        #expect(steps[3] == "Uptime 98.884% is below 99%, so the credit is 25% of the bill for the period.")
        let applied = document.select("//section[@id='credit-s3-2008']//tbody/tr[td/span[@class='yes']]/td").map(\.textContent)
        #expect(applied.prefix(2) == ["below 99%", "25%"])
        #expect(document.select("//section[@class='credit']").count == 2)
        // July 2008 as one measurement period: 498 minutes down, claim by the end of the second month after.
        let period = document.select("//section[@id='credit-periods']//tbody/tr/td").map(\.textContent)
        #expect(period == ["s3-2008", "2008-07", "Amazon Simple Storage Service (US) Event: July 20, 2008", "498", "98.884%", "25%", "", "2008-09-30"])
    }

    @Test("S3 2008: every timeline row carries its event's source file and line")
    func s3Timeline() throws {
        let report = try Self.s3Report()
        let (_, document) = try Self.page(report)
        let rows = document.select("//section[@id='timeline']//tbody/tr")
        #expect(rows.count == report.incident.events.count)
        let first = try #require(rows.first)
        #expect(document.first("td[1]/time", from: first)?.attribute("datetime") == "2008-07-20T15:40:00Z")
        #expect(document.first("td[2]", from: first)?.textContent == "8:40 AM PDT")
        let source = try #require(document.first("td[4]/div[@class='source']", from: first)?.textContent)
        #expect(source.hasSuffix("Fixtures/postmortems/aws-s3-2008-07-20-followup.txt:3"))
        let second = try #require(rows.dropFirst().first)
        #expect(document.first("td[4]/div[@class='source']", from: second)?.textContent.hasSuffix("Fixtures/status-pages/aws-s3-2008-07-20.html:14") == true)
        #expect(document.first("//section[@id='warnings']/p")?.textContent == "None: every part of the sources was read.")
    }

    @Test("EBS 2011: the recovery chart with both published curves, 13% stuck at 07:47 UTC, no credit under the 2008 terms")
    func ebsPage() throws {
        let report = try Self.ebsReport()
        let (html, document) = try Self.page(report)
        Self.expectSelfContained(document, html)
        #expect(Self.keyFigure("Duration", in: document) == "2d 17h 28m")
        #expect(Self.keyFigure("Credit owed", in: document) == "0%")
        let chart = try #require(document.first("//figure[@id='chart-recovery']/svg"))
        #expect(document.select("polyline", from: chart).count == 2)
        let legend = document.select("text", from: chart).map(\.textContent)
        #expect(legend.contains("EBS volumes stuck in the affected AZ"))
        #expect(legend.contains("single-AZ RDS instances stuck"))
        let first = document.first("//section[@id='recovery']//tbody/tr[1]")?.visibleText.components(separatedBy: "\n")
        #expect(first?.prefix(3) == ["EBS volumes stuck in the affected AZ", "2011-04-21 07:47", "13%"])
    }

    @Test("Text from a source is escaped: a title holding markup stays text")
    func escaping() throws {
        var report = try Self.ebsReport()
        report.incident.title = "Outage <script>fetch('https://example.com')</script> & \"more\""
        let (html, document) = try Self.page(report)
        Self.expectSelfContained(document, html)
        #expect(document.first("//h1")?.textContent == "Outage <script>fetch('https://example.com')</script> & \"more\"")
    }

    @Test("The page is the same bytes on every run")
    func deterministic() throws {
        #expect(try Self.page(Self.s3Report()).html == (try Self.page(Self.s3Report()).html))
    }

    @Test("The folder's index lists each page with its duration and credit, and links to it")
    func index() throws {
        let folder = ReportFolder(incidents: [try Self.s3Report(), try Self.ebsReport()])
        let files = folder.files()
        #expect(files.last?.name == "index.html")
        #expect(files.filter { $0.name == "index.html" }.count == 1)
        let html = try #require(files.last?.contents)
        let document = try Self.parse(html)
        Self.expectSelfContained(document, html)
        let links = document.select("//section[@id='pages']//tbody/tr/td/a")
        #expect(links.map { $0.attribute("href") ?? "" } == [
            "2008-07-20-amazon-simple-storage-service-us-event-july-20-2008.html", "2011-04-21-aws-postmortem-april-29-2011.html",
        ])
        let rows = document.select("//section[@id='pages']//tbody/tr/td[4]").map(\.textContent)
        #expect(rows[0] == "8h 18m impact; EU 6h 30m; US 8h 18m; 25% credit (s3-2008); 25% credit (s3-current)")
        #expect(rows[1] == "2d 17h 28m impact; 0% credit (ec2-2008)")
        for name in links.compactMap({ $0.attribute("href") }) { #expect(files.contains { $0.name == name }) }
    }

    @Test("A simulation page holds the figures side by side and the chart inline")
    func simulationPage() throws {
        let start = Instant(secondsSinceEpoch: 1_303_372_800)  // 2011-04-21T08:00:00Z
        let figure = FigureComparison(name: "ebs.stuck.apr22", published: 2.2, computed: 2.17, tolerance: 0.5, unit: "percent", source: "about 2.2% were still stuck")
        let missed = FigureComparison(name: "ebs.lost", published: 0.07, computed: 0.2, tolerance: 0.05, unit: "percent", source: "0.07% were lost")
        let points = [CurvePoint(time: start, value: 13), CurvePoint(time: start.adding(minutes: 2130), value: 2.2)]
        let summary = SimulationSummary(
            scenario: "ebs-2011", model: "ebs-cluster", seed: 7, parameters: [.init(key: "cluster.volumes", value: "100000")],
            figures: [figure, missed], times: [start], series: [],
            curves: [RecoveryCurve(subject: "volumes stuck", points: points, origin: "simulated (seed 7)"), RecoveryCurve(subject: "volumes stuck", points: points, origin: "published")],
            eventsProcessed: 1000)
        let files = ReportFolder(simulations: [summary]).files()
        let html = try #require(files.first { $0.name == "ebs-2011-seed7.html" }).contents
        let document = try Self.parse(html)
        Self.expectSelfContained(document, html)
        #expect(Self.keyFigure("Published figures reproduced", in: document) == "1 of 2")
        let rows = document.select("//section[@id='figures']//tbody/tr").map { document.select("td", from: $0).map(\.visibleText) }
        #expect(rows[0].prefix(5) == ["ebs.stuck.apr22\npercent", "2.2", "2.17", "±0.5", "yes"])
        #expect(rows[1][4] == "no")
        let chart = try #require(document.first("//figure[@id='chart-simulation']/svg"))
        #expect(document.select("polyline", from: chart).count == 2)
        #expect(document.select("text", from: chart).map(\.textContent).contains("published"))
        #expect(files.last?.name == "index.html")
    }

    @Test("A provider archive page draws each day of outage on the calendar and each month's uptime")
    func archivePage() throws {
        let reports = [try Self.s3Report(), try Self.ebsReport()]
        let calendar = OutageCalendar(incidents: reports.map(\.incident), metrics: reports.map(\.metrics))
        let archives = ProviderArchive.all(calendar: calendar, incidents: reports.map(\.incident), metrics: reports.map(\.metrics))
        let archive = try #require(archives.first)
        #expect(archives.count == 1)
        #expect(archive.pageName == "archive-aws.html")
        let html = archive.html()
        let document = try Self.parse(html)
        Self.expectSelfContained(document, html)
        // April 2011: 3,928 of 43,200 minutes out; July 2008: 498 of 44,640.
        #expect(Self.keyFigure("Lowest monthly uptime", in: document) == "90.907%")
        #expect(Self.keyFigure("Incidents", in: document) == "2")
        let calendarSVG = try #require(document.first("//figure[@id='chart-calendar']/svg"))
        let days = document.select("rect/title", from: calendarSVG).map(\.textContent)
        #expect(days.contains("2008-07-20: 498 min"))
        #expect(days.contains("2011-04-22: 1440 min"))
        let months = document.select("//section[@id='monthly-uptime']//tbody/tr").map(\.visibleText)
        #expect(months.count == 34)  // 2008-07 to 2011-04, quiet months at 100%
        #expect(months.first == "2008-07\n98.884%\n8h 18m\n1")
        #expect(months[1] == "2008-08\n100.000%\n0m\n0")
        #expect(months.last == "2011-04\n90.907%\n2d 17h 28m\n1")
        let index = ReportFolder(archives: archives).files()
        #expect(index.map(\.name) == ["archive-aws.html", "index.html"])
    }
}
