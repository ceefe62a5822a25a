import Testing
@testable import RecoveryModel

@Suite("Calibration of physical parameters")
struct CalibratorTests {
    /// The gossip scenario with a mis-set gossip bandwidth (rounds too short) and only its restore figures.
    static func detuned() throws -> Scenario {
        var scenario = try Scenario.load(path: ScenarioFixtures.gossipPath)
            .applying(overrides: [("recovery.gossipBytesPerSecond", "40.5"), ("spread.sizes", "1000"), ("spread.runs", "1")])
        scenario.figures = scenario.figures.filter { $0.name.hasSuffix("restoredMinutes") }
        return scenario
    }

    @Test("a detuned gossip bandwidth is pulled back towards the fit figure (the EU restore time)")
    func fitsRoundPeriod() throws {
        let scenario = try CalibratorTests.detuned()
        let calibrator = try Calibrator(declaredBy: scenario, rounds: 3)
        #expect(calibrator.keys == ["recovery.gossipBytesPerSecond"])
        #expect(calibrator.seeds == [1, 7])
        let outcome = try calibrator.calibrate(scenario)
        let fitted = try #require(outcome.values.first.flatMap { Double($0.value) })
        #expect(outcome.finalLoss < outcome.initialLoss)
        // 390 minutes after the start, 340 of them before the restart: 50 minutes of about 57
        // rounds, 53 s each: 5 s of fixed cost and 48 s for 1,400 bytes, about 29 bytes/s.
        #expect(fitted >= 26 && fitted <= 33)
    }

    @Test("predicted figures never enter the loss")
    func predictedFiguresIgnored() throws {
        var scenario = try CalibratorTests.detuned()
        for index in scenario.figures.indices { scenario.figures[index].role = .predicted }
        let outcome = try Calibrator(declaredBy: scenario).calibrate(scenario)
        #expect(outcome.initialLoss == 0)
        #expect(outcome.values.first?.value == "40.5")
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

    @Test("a value written with its provenance is rewritten inside the braces")
    func rewriteAnnotated() throws {
        let text = "name: t\nmodel: gossip\nrecovery:\n  rebuildSecondsPerRound: {value: 80, source: calibrated}\n"
        let scenario = try Scenario.parse(text, file: "t.yaml")
        #expect(scenario.parameters.first?.provenance == Provenance(source: .calibrated, note: ""))
        let rewritten = Calibrator.rewrite(text, original: scenario,
                                           values: [Scenario.Entry(key: "recovery.rebuildSecondsPerRound", value: "53", line: nil)])
        #expect(rewritten == "name: t\nmodel: gossip\nrecovery:\n  rebuildSecondsPerRound: {value: 53, source: calibrated}\n")
    }
}
