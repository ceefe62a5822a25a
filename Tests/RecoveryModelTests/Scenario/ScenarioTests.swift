import Testing
@testable import RecoveryModel

@Suite("Scenarios: YAML, overrides and errors that name the key")
struct ScenarioTests {
    @Test("the EBS scenario reads with its parameters in file order and its quoted figures")
    func loadsEBS() throws {
        let scenario = try ScenarioFixtures.ebs()
        #expect(scenario.name == "ebs-2011")
        #expect(scenario.model == "ebs-cluster")
        #expect(scenario.parameters.first?.key == "simulation.start")
        #expect(scenario.value("cluster.spareCapacityFraction") == "0.010395")
        #expect(scenario.value("interventions.searchesStopped") == "2011-04-21T18:30:00Z")
        #expect(scenario.figures.count == 14)
        let initial = try #require(scenario.figures.first)
        #expect(initial.name == "ebs.stuck.initial")
        #expect(initial.value == 13)
        #expect(initial.measure == .at)
        #expect(initial.at?.iso8601 == "2011-04-21T08:30:00Z")
        #expect(initial.source.contains("At this point, about 13% of the volumes"))
        let storm = try #require(scenario.figures.first { $0.name == "ebs.stuck.storm" })
        #expect(storm.value == 13)
        #expect(storm.source.contains("Approximately 13% of the volumes"))
    }

    @Test("--set replaces a value and forgets its line")
    func override() throws {
        let scenario = try ScenarioFixtures.ebs([("retry.policy", "exponential-full-jitter")])
        #expect(scenario.value("retry.policy") == "exponential-full-jitter")
        #expect(scenario.parameters.first { $0.key == "retry.policy" }?.line == nil)
    }

    @Test("--set of a key the scenario does not have is an unknown key")
    func unknownOverride() throws {
        #expect(throws: ScenarioError.unknownKey(file: ScenarioFixtures.ebsPath, line: nil, key: "cluster.spare")) {
            try ScenarioFixtures.ebs([("cluster.spare", "0.5")])
        }
    }

    @Test("invalid values name their key", arguments: [
        ("cluster.spareCapacityFraction", "lots"), ("cluster.spareCapacityFraction", "1.5"),
        ("retry.policy", "sometimes"), ("interventions.controlPlaneCut", "8:20 AM"), ("cluster.volumes", "12.5"),
    ])
    func invalidValue(key: String, value: String) throws {
        let scenario = try ScenarioFixtures.ebs([(key, value)])
        do {
            _ = try Engine.run(scenario, seed: 1)
            Issue.record("expected an error for \(key)=\(value)")
        } catch {
            #expect(error.key == key)
            #expect(error.description.contains("invalid value for '\(key)'"))
        }
    }

    @Test("a key the model does not read is reported with its line")
    func strayKey() throws {
        let text = """
            name: tiny
            model: gossip
            spread:
              sizes: 100
              runs: 1
              colour: blue
            """
        let scenario = try Scenario.parse(text, file: "tiny.yaml")
        do {
            _ = try Engine.run(scenario, seed: 1)
            Issue.record("expected an error")
        } catch {
            // The reader reports the first key it needed and did not find before the stray one.
            #expect(error.key == "gossip.fanout")
        }
        let complete = try Scenario.load(path: ScenarioFixtures.gossipPath)
        var withStray = complete
        withStray.parameters.append(Scenario.Entry(key: "spread.colour", value: "blue", line: 99))
        #expect(throws: ScenarioError.unknownKey(file: ScenarioFixtures.gossipPath, line: 99, key: "spread.colour")) {
            try Engine.run(withStray, seed: 1)
        }
    }

    @Test("malformed figures name the figure's key")
    func badFigure() {
        let text = """
            name: x
            model: gossip
            figures:
              - name: a
                published: many
                tolerance: 1
                measure: metric
                source: "s"
            """
        #expect(throws: ScenarioError.invalidValue(file: "x.yaml", line: 5, key: "figures[0].published", message: "'many' is not a number")) {
            try Scenario.parse(text, file: "x.yaml")
        }
        #expect(throws: ScenarioError.missingKey(file: "y.yaml", key: "model")) {
            try Scenario.parse("name: y\n", file: "y.yaml")
        }
    }

    @Test("an unknown model is an invalid value for 'model'")
    func unknownModel() throws {
        let scenario = try Scenario.parse("name: z\nmodel: weather\n", file: "z.yaml")
        #expect(throws: ScenarioError.invalidValue(file: "z.yaml", line: nil, key: "model",
                                                   message: "'weather' is not one of ebs-cluster, gossip")) {
            try Engine.run(scenario, seed: 1)
        }
    }
}
