import Foundation
import PostmortemMetrics
import PostmortemTimeline
import Testing

@testable import PostmortemReports

/// The layout defects a reader saw in the shipped charts: labels on top of each other, the last
/// tick cut at the edge, an axis far above the data and a legend taller than the plot.
@Suite("Chart layout")
struct ChartLayoutTests {
    static let start = Instant(secondsSinceEpoch: 1_303_369_200)  // 2011-04-21T07:00:00Z

    /// Four subjects, each simulated and published: the shape of the EBS 2011 simulation report.
    static func simulatedAndPublished(peak: Double) -> [RecoveryCurve] {
        let subjects = ["volumes stuck", "volumes not re-mirrored", "instances stuck", "API calls failing"]
        var curves: [RecoveryCurve] = []
        for (index, subject) in subjects.enumerated() {
            let value = index == 3 ? peak : 10 * Double(index + 1)
            let points = [CurvePoint(time: start, value: value), CurvePoint(time: start.adding(minutes: 2880), value: 1)]
            curves.append(RecoveryCurve(subject: subject, points: points, origin: "simulated (seed 1)"))
            curves.append(RecoveryCurve(subject: subject, points: points, origin: "published"))
        }
        return curves
    }

    @Test("A peak of 51 gets an axis to 60 in six steps of 10, not 100", arguments: [
        (51.0 * 1.05, 60.0, 6), (13.65, 15.0, 5), (95.0, 100.0, 5), (2.3, 2.5, 5), (0.07, 0.08, 4), (7.5, 8.0, 4),
    ])
    func axis(value: Double, ceiling: Double, steps: Int) {
        let axis = SVGChart.niceAxis(value)
        #expect(abs(axis.ceiling - ceiling) < 1e-9)
        #expect(axis.steps == steps)
    }

    @Test("The simulated-vs-published chart draws its axis to 60 with labels 0, 10 ... 60")
    func valueAxis() throws {
        let svg = try #require(RecoveryChart.svg(title: "Simulated vs published", curves: Self.simulatedAndPublished(peak: 51)))
        for label in ["0", "10", "20", "30", "40", "50", "60"] {
            #expect(svg.contains("text-anchor=\"end\">\(label)</text>"))
        }
        #expect(!svg.contains(">100</text>"))
        #expect(!svg.contains(">80</text>"))
    }

    @Test("Eight curves of four subjects give a legend of three rows: two columns of subjects and the line-style key")
    func compactLegend() throws {
        let svg = try #require(RecoveryChart.svg(title: "Simulated vs published", curves: Self.simulatedAndPublished(peak: 51)))
        // top 40 + plot 246 + 58 to the first legend baseline = 344; three rows of 18; 14 below.
        #expect(svg.contains("height=\"394\" viewBox=\"0 0 760 394\""))
        #expect(svg.contains("<text x=\"92\" y=\"344\">volumes stuck</text>"))
        #expect(svg.contains("<text x=\"428\" y=\"344\">volumes not re-mirrored</text>"))
        #expect(svg.contains("<text x=\"92\" y=\"362\">instances stuck</text>"))
        #expect(svg.contains("<text x=\"92\" y=\"380\">simulated (seed 1)</text>"))
        #expect(svg.contains("<text x=\"428\" y=\"380\">published</text>"))
        // One colour per subject: the simulated and published lines of a subject share it.
        #expect(svg.components(separatedBy: "stroke=\"#1f77b4\"").count - 1 == 2)
    }

    @Test("A tick at the right edge is anchored to its end so the label is not cut", arguments: [
        (733.0, "end"), (24.0, "start"), (400.0, "middle"),
    ])
    func tickAnchor(x: Double, anchor: String) {
        #expect(SVGChart.anchor("Jul 21 02:00", at: x, fontSize: 11, within: 2...758) == anchor)
    }

    @Test("The phase strip's impact label sits below the title and its last tick ends inside the canvas")
    func phaseStrip() throws {
        // 15:40 to 23:58 UTC, updates until 02:00 the next day: the S3 2008 shape.
        let impactStart = Instant(secondsSinceEpoch: 1_216_568_400)  // 2008-07-20T15:40:00Z
        let events = [0, 25, 120, 390, 498, 620].map { minutes in
            TimelineEvent(
                time: impactStart.adding(minutes: minutes), zone: .utc, status: minutes == 498 ? "resolved" : "investigating",
                text: "update at \(minutes) minutes", source: SourceLocation(file: "page.html", line: 1))
        }
        let window = ImpactWindow(start: impactStart, end: impactStart.adding(minutes: 498), method: .stated)
        let svg = try #require(PhaseStrip.svg(title: "Phases: a long title that runs across the strip", events: events, window: window))
        #expect(svg.contains("<text x=\"24\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Phases: a long title"))
        #expect(svg.contains("<text x=\"24\" y=\"42\">impact 8h 18m</text>"))
        #expect(svg.contains("text-anchor=\"end\">Jul 21 02:00</text>"))
        #expect(svg.contains("height=\"170\" viewBox=\"0 0 760 170\""))
    }
}
