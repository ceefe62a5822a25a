import Dispatch
import Testing

@testable import PostmortemPipeline

@Suite("The progress line")
struct ProgressMeterTests {
    @Test("Files done of total, megabytes and MB/s")
    func line() {
        let meter = ProgressMeter(label: "adding", total: 4, enabled: false)
        meter.advance(bytes: 1_500_000)
        meter.advance(bytes: 500_000)
        #expect(meter.done == 2)
        #expect(meter.bytes == 2_000_000)
        // Two seconds after the start: 2.0 MB in 2 s.
        let text = meter.line(now: meter.startNanoseconds + 2_000_000_000)
        #expect(text == "adding 2/4 files, 2.0 MB, 1.0 MB/s")
    }

    @Test("Runs counted from several threads at once: every one counted, no megabytes")
    func runs() {
        let meter = ProgressMeter(label: "sweep", total: 400, unit: "runs", enabled: false)
        DispatchQueue.concurrentPerform(iterations: 400) { _ in meter.advance() }
        #expect(meter.done == 400)
        #expect(meter.line(now: meter.startNanoseconds + 1_000_000_000) == "sweep 400/400 runs")
        #expect(!meter.isShown)
    }
}
