import Testing
@testable import RecoveryModel

@Suite("Calibration of physical parameters")
struct CalibratorTests {
    /// The gossip scenario with a mis-set rebuild round period and only its restore figures.
    static func detuned() throws -> Scenario {
        var scenario = try Scenario.load(path: ScenarioFixtures.gossipPath)
            .applying(overrides: [("recovery.rebuildSecondsPerRound", "80"), ("spread.sizes", "1000"), ("spread.runs", "1")])
        scenario.figures = scenario.figures.filter { $0.name.hasSuffix("restoredMinutes") }
        return scenario
    }

    @Test("a detuned round period is pulled back towards the published restore times")
    func fitsRoundPeriod() throws {
        let scenario = try CalibratorTests.detuned()
        let outcome = try Calibrator(keys: ["recovery.rebuildSecondsPerRound"], seeds: [1], rounds: 2).calibrate(scenario)
        let fitted = try #require(outcome.values.first.flatMap { Double($0.value) })
        #expect(outcome.finalLoss < outcome.initialLoss)
        #expect(fitted < 70 && fitted > 55)
    }

    @Test("the rewrite keeps the file's layout and replaces only the value", arguments: [
        (64.0, "64"), (0.00001, "0.00001"), (0.0000125, "0.0000125"), (580.5, "580.5"),
    ])
    func format(value: Double, text: String) {
        #expect(Calibrator.format(value) == text)
    }

    @Test("values are written back on their own lines")
    func rewrite() throws {
        let text = "name: t\nmodel: gossip\nrecovery:\n  # calibrated\n  rebuildSecondsPerRound: 80\n  entriesPerMessage: 15\n"
        let scenario = try Scenario.parse(text, file: "t.yaml")
        let rewritten = Calibrator.rewrite(text, original: scenario,
                                           values: [Scenario.Entry(key: "recovery.rebuildSecondsPerRound", value: "62", line: nil)])
        #expect(rewritten == "name: t\nmodel: gossip\nrecovery:\n  # calibrated\n  rebuildSecondsPerRound: 62\n  entriesPerMessage: 15\n")
    }
}
