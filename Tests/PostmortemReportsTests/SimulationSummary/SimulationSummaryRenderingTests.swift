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
            source: "all but about 2.2% of the volumes in the affected Availability Zone were restored by 12:30PM PDT on April 22nd.",
            role: "fit")
        let echo = FigureComparison(name: "api.brownout2.endMinutes", published: 453, computed: 453, tolerance: 15, unit: "minutes",
                                    source: "At 8:20 AM PDT ...", role: "echo")
        return SimulationSummary(
            scenario: "ebs-2011", model: "ebs-cluster", seed: 7,
            parameters: [
                .init(key: "cluster.volumes", value: "100000", source: "assumed", note: "a scaled-down cluster"),
                .init(key: "retry.policy", value: "none", source: "postmortem", note: "continued to search repeatedly"),
                .init(key: "trigger.isolatedNodeFraction", value: "0.066", source: "calibrated", note: ""),
            ],
            figures: [figure, echo], times: [start, start.adding(minutes: 15)],
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
        #expect(text.contains("\"role\": \"fit\""))
        #expect(text.contains("{\n      \"name\": \"retry.policy\",\n      \"value\": \"none\",\n      \"source\": \"postmortem\",\n      \"quote\": \"continued to search repeatedly\"\n    }"))
        #expect(text.contains("\"reason\": \"a scaled-down cluster\""))
        #expect(text.contains("\"seed\": 7,"))
        #expect(text.contains("\"2011-04-21T08:15:00Z\""))
        #expect(text.contains("13.125"))
    }

    @Test("CSV has one row per sample time")
    func csv() {
        let text = SimulationSummaryRenderingTests.summary.seriesTable.serialized()
        #expect(text == "time,stuckVolumesPercent\r\n2011-04-21T08:00:00Z,12.96\r\n2011-04-21T08:15:00Z,13.125\r\n")
        let figures = SimulationSummaryRenderingTests.summary.figuresTable.serialized()
        #expect(figures.hasPrefix("name,published,simulated,tolerance,unit,withinTolerance,source,role\r\nebs.stuck.apr22,2.2,2.17,0.5,percent,true,"))
        #expect(figures.contains("PDT on April 22nd.,fit\r\n"))
    }

    @Test("Markdown has the figures table and the parameters")
    func markdown() {
        let text = SimulationSummaryRenderingTests.summary.markdown
        #expect(text.hasPrefix("# Simulation: ebs-2011 (seed 7)\n"))
        // The echo figure is shown but not counted.
        #expect(text.contains("1 of 1 published figures within tolerance (1 echo figure shown, not counted)."))
        #expect(text.contains("| ebs.stuck.apr22 | fit | 2.2 | 2.17 | ±0.5 | yes |"))
        #expect(text.contains("| api.brownout2.endMinutes | echo | 453 | 453 | ±15 | (echo) |"))
        #expect(text.contains("| retry.policy | none | postmortem | continued to search repeatedly |"))
        #expect(text.contains("1 parameter was calibrated (`trigger.isolatedNodeFraction`) against 1 fit figure (`ebs.stuck.apr22`)"))
    }
}
