import PostmortemMetrics
import PostmortemReports
import PostmortemTimeline
import Testing

@Suite("Simulation summary as JSON, CSV and Markdown")
struct SimulationSummaryRenderingTests {
    static let summary: SimulationSummary = {
        let start = Instant(secondsSinceEpoch: 1_303_372_800)  // 2011-04-21T08:00:00Z
        let figure = FigureComparison(
            name: "ebs.stuck.apr22", published: 2.2, computed: 2.17, tolerance: 0.5, unit: "percent",
            source: "all but about 2.2% of the volumes in the affected Availability Zone were restored by 12:30PM PDT on April 22nd.")
        return SimulationSummary(
            scenario: "ebs-2011", model: "ebs-cluster", seed: 7,
            parameters: [.init(key: "cluster.volumes", value: "100000"), .init(key: "retry.policy", value: "none")],
            figures: [figure], times: [start, start.adding(minutes: 15)],
            series: [TimeSeries(name: "stuckVolumesPercent", unit: "percent", values: [12.96, 13.125])],
            curves: [], eventsProcessed: 6_109_583)
    }()

    @Test("JSON lists figures with published, simulated, tolerance, withinTolerance and source")
    func json() {
        let text = SimulationSummaryRenderingTests.summary.json.serialized()
        #expect(text.contains("\"name\": \"ebs.stuck.apr22\""))
        #expect(text.contains("\"published\": 2.2,"))
        #expect(text.contains("\"simulated\": 2.17,"))
        #expect(text.contains("\"withinTolerance\": true"))
        #expect(text.contains("\"seed\": 7,"))
        #expect(text.contains("\"2011-04-21T08:15:00Z\""))
        #expect(text.contains("13.125"))
    }

    @Test("CSV has one row per sample time")
    func csv() {
        let text = SimulationSummaryRenderingTests.summary.seriesTable.serialized()
        #expect(text == "time,stuckVolumesPercent\r\n2011-04-21T08:00:00Z,12.96\r\n2011-04-21T08:15:00Z,13.125\r\n")
        let figures = SimulationSummaryRenderingTests.summary.figuresTable.serialized()
        #expect(figures.hasPrefix("name,published,simulated,tolerance,unit,withinTolerance,source\r\nebs.stuck.apr22,2.2,2.17,0.5,percent,true,"))
    }

    @Test("Markdown has the figures table and the parameters")
    func markdown() {
        let text = SimulationSummaryRenderingTests.summary.markdown
        #expect(text.hasPrefix("# Simulation: ebs-2011 (seed 7)\n"))
        #expect(text.contains("1 of 1 published figures within tolerance"))
        #expect(text.contains("| ebs.stuck.apr22 | 2.2 | 2.17 | ±0.5 | yes |"))
        #expect(text.contains("| retry.policy | none |"))
    }
}
