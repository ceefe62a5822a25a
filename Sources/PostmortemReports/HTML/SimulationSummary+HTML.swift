import PostmortemMetrics
import PostmortemTimeline

extension SimulationSummary {
    /// The run as one self-contained HTML page: how many published figures it reproduces, the
    /// figures side by side with their sources, the simulated-vs-published chart inline, and
    /// the parameters it ran with. `siblings` are the report's other files, linked at the foot.
    public func html(chart: String?, siblings: [String] = []) -> String {
        let title = "Simulation: \(scenario) (seed \(seed))"
        let matched = figures.filter(\.withinTolerance).count
        var body = "<nav><a href=\"index.html\">All reports in this folder</a></nav>\n<header>\n"
        body += "<h1>\(HTMLPage.escape(title))</h1>\n"
        body += "<p class=\"sources\">Model <code>\(HTMLPage.escape(model))</code>; runs are deterministic: the same scenario and seed give the same bytes.</p>\n"
        body += HTMLPage.keyFigures([
            ("Published figures reproduced", "\(matched) of \(figures.count)", "within their tolerance"),
            ("Events processed", String(eventsProcessed), nil),
            ("Seed", String(seed), nil),
        ])
        body += "</header>\n"
        if let chart {
            body += "<section id=\"curves\">\n<h2>Curves</h2>\n"
            body += HTMLPage.figure(chart, id: "chart-simulation", caption: "Simulated lines solid; the published figures dashed with their points; one colour per subject.")
            body += "</section>\n"
        }
        body += "<section id=\"figures\">\n<h2>Published and simulated figures</h2>\n"
        let rows = figures.map { figure -> [String] in
            [
                "<code>\(HTMLPage.escape(figure.name))</code><div class=\"source\">\(HTMLPage.escape(figure.unit))</div>",
                NumberFormat.fixed(figure.published, decimals: 2, trimZeros: true), NumberFormat.fixed(figure.computed, decimals: 2, trimZeros: true),
                "±" + NumberFormat.fixed(figure.tolerance, decimals: 2, trimZeros: true),
                figure.withinTolerance ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>",
                "<div class=\"quote\">\(HTMLPage.lines(figure.source))</div>",
            ]
        }
        body += HTMLPage.table(header: ["Figure and unit", "Published", "Simulated", "Tolerance", "Within", "Published as"], rows: rows, numeric: [1, 2, 3], className: "figures")
        body += "</section>\n"
        body += "<section id=\"parameters\">\n<h2>Parameters</h2>\n"
        body += HTMLPage.table(header: ["Key", "Value"], rows: parameters.map { ["<code>\(HTMLPage.escape($0.key))</code>", HTMLPage.escape($0.value)] })
        body += "</section>\n"
        body += HTMLPage.downloads(siblings)
        return HTMLPage(title: title, body: body).rendered()
    }
}
