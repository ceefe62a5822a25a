import ArgumentParser
import Foundation
import PostmortemMetrics
import RecoveryModel

struct EngineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine", abstract: "The event engine on the hold model vs SimPy, and the EBS scenario at scale.")

    @Option(help: "Runs per contestant (the median is reported).") var runs = 5
    @Option(help: "Pending events in the hold model.") var pending = 1000
    @Option(help: "Events the engine processes per run.") var events = 10_000_000
    @Option(help: "Events SimPy processes per run (it is far slower).") var simpyEvents = 1_000_000
    @Option(help: "The Python interpreter with simpy installed.") var python = "python3"
    @Option(help: "The SimPy peer script.") var peer = "Benchmarks/peers/simpy_hold_peer.py"
    @Option(help: "The EBS scenario file.") var scenario = "Fixtures/scenarios/ebs-2011.yaml"
    @Option(help: "Volumes for the EBS scale run.") var volumes = 1_000_000
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        var ours = BenchRow(name: "postmortem engine (hold model)", megabytes: 0, seconds: [], peakMegabytes: nil, units: "Mevents/s", work: Double(events) / 1e6)
        var simpy = BenchRow(name: "SimPy (hold model)", megabytes: 0, seconds: [], peakMegabytes: nil, units: "Mevents/s", work: Double(simpyEvents) / 1e6)
        var ebs = BenchRow(name: "EBS scenario, \(volumes) volumes", megabytes: 0, seconds: [], peakMegabytes: nil, units: "runs/s", work: 1)
        let scale = [
            // The scenario's own proportions (10,000 nodes and 2,000 RDS instances per 100,000 volumes).
            ("cluster.volumes", String(volumes)), ("cluster.nodes", String(max(1000, volumes / 10))),
            ("rds.instances", String(max(100, volumes / 50))),
        ]
        let loaded = try Scenario.load(path: scenario).applying(overrides: scale)
        var withinTolerance = ""
        for _ in 0..<runs {
            let model = HoldModel(pending: pending, events: events, seed: 1)
            ours.seconds.append(time { model.run() })
            let measured = try simpyRun()
            simpy.seconds.append(measured)
            var summary: SimulationSummary?
            ebs.seconds.append(time { summary = try? Engine.run(loaded, seed: 1); return summary?.eventsProcessed ?? 0 })
            if let summary {
                withinTolerance = "\(summary.figures.filter(\.withinTolerance).count) of \(summary.figures.count) published figures within tolerance, \(summary.eventsProcessed) events"
            }
        }
        BenchTable.print([ours, simpy, ebs], reference: "SimPy (hold model)", json: json)
        if !json {
            print("")
            print("engine: \(String(format: "%.1f", ours.throughput)) million events/s (target 10); \(String(format: "%.1f", ours.throughput / max(simpy.throughput, 1e-9)))x SimPy (target 20x)")
            print("EBS scenario at \(volumes) volumes: \(String(format: "%.1f", ebs.median)) s (target under 30 s); \(withinTolerance)")
        }
    }

    /// SimPy's own timing of its run (it excludes the interpreter's start-up).
    func simpyRun() throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, peer, String(pending), String(simpyEvents), "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let seconds = object["seconds"] as? Double
        else { throw BenchFailure(message: "the SimPy peer failed; is simpy installed?") }
        return seconds
    }
}
