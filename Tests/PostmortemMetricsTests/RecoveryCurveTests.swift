import Testing

@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("Recovery curves")
struct RecoveryCurveTests {
    static let start = Instant(iso8601: "2011-04-21T07:47:00Z")!

    static func rdsCurve() -> RecoveryCurve {
        let hours = [(0, 45.0), (24, 41.0), (36, 23.5), (48, 14.6)]
        let observations = hours.map { hour, value in
            Observation(
                value: value, unit: .percent, subject: "single-AZ RDS instances stuck", time: start.adding(seconds: Int64(hour) * 3600),
                role: hour == 0 ? .peak : .point, text: "", source: SourceLocation(file: "x"))
        } + [Observation(value: 0.4, unit: .percent, subject: "single-AZ RDS instances stuck", role: .residual, text: "", source: SourceLocation(file: "x"))]
        return RecoveryCurve.published(from: observations)[0]
    }

    @Test("Half of the 45% peak recovered between +36 h and +48 h, interpolated")
    func halfRecovered() throws {
        let summary = CurveSummary(curve: Self.rdsCurve())
        #expect(summary.peak == 45)
        #expect(summary.residual == 0.4)
        // 22.5% lies 1/8.9 of the way from 23.5% (+36 h) to 14.6% (+48 h): 36 h + 80 min 54 s.
        let half = try #require(summary.halfRecovered)
        #expect(Self.start.seconds(until: half) == 36 * 3600 + 80 * 60 + 54)
        #expect(summary.halfRecoveredInterpolated)
        #expect(summary.ninetyPercentRecovered == nil)
    }

    @Test("Values between points interpolate linearly")
    func valueAt() {
        let curve = Self.rdsCurve()
        #expect(curve.value(at: Self.start.adding(seconds: 30 * 3600)) == 32.25)
        #expect(curve.value(at: Self.start.adding(seconds: -60)) == nil)
    }
}
