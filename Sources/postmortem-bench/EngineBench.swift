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
    @Option(help: "Volumes for the EBS scale run (0 skips it).") var volumes = 1_000_000
    @Option(help: "The postmortem executable timed as a whole process on the EBS scale run.") var postmortem: String?
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
        let loaded = volumes > 0 ? try Scenario.load(path: scenario).applying(overrides: scale) : nil
        var withinTolerance = ""
        var outcome: HoldModel.Outcome?
        // CPU seconds of each contestant's run: on a shared machine the wall clock also counts
        // the time other jobs held the core, and the two contestants are hit unevenly.
        var oursCPU: [Double] = []
        var simpyCPU: [Double] = []
        var ebsCPU: [Double] = []
        for _ in 0..<runs {
            let model = HoldModel(pending: pending, events: events, seed: 1)
            let cpuStart = threadCPUSeconds()
            ours.seconds.append(time { outcome = model.run(); return outcome?.processed ?? 0 })
            oursCPU.append(threadCPUSeconds() - cpuStart)
            let measured = try simpyRun()
            simpy.seconds.append(measured.wall)
            simpyCPU.append(measured.cpu)
            guard let loaded else { continue }
            var summary: SimulationSummary?
            let ebsCPUStart = threadCPUSeconds()
            ebs.seconds.append(time { summary = try? Engine.run(loaded, seed: 1); return summary?.eventsProcessed ?? 0 })
            ebsCPU.append(threadCPUSeconds() - ebsCPUStart)
            if let summary {
                withinTolerance = "\(summary.figures.filter(\.withinTolerance).count) of \(summary.figures.count) published figures within tolerance, \(summary.eventsProcessed) events"
            }
        }
        BenchTable.print(volumes > 0 ? [ours, simpy, ebs] : [ours, simpy], reference: "SimPy (hold model)", json: json)
        if !json {
            print("")
            let ratio = ours.throughput / max(simpy.throughput, 1e-9)
            print("engine: \(String(format: "%.1f", ours.throughput)) million events/s (target 10); SimPy: \(String(format: "%.2f", simpy.throughput)) million events/s; \(String(format: "%.1f", ratio))x SimPy (target 30x)")
            let oursCPURate = Double(events) / max(median(oursCPU), 1e-9) / 1e6
            let simpyCPURate = Double(simpyEvents) / max(median(simpyCPU), 1e-9) / 1e6
            print("by CPU time: engine \(String(format: "%.1f", oursCPURate)) million events/s; SimPy \(String(format: "%.2f", simpyCPURate)) million events/s; \(String(format: "%.1f", oursCPURate / max(simpyCPURate, 1e-9)))x SimPy")
            if let outcome {
                // The popped (time, id) sequence's checksum: equal across queue implementations.
                print("hold model, seed 1: \(outcome.processed) events, final time \(outcome.finalTime) ms, checksum \(String(outcome.checksum, radix: 16))")
            }
            if volumes > 0 {
                print("EBS scenario at \(volumes) volumes: \(String(format: "%.1f", ebs.median)) s wall, \(String(format: "%.1f", median(ebsCPU))) s CPU (target under 10 s); \(withinTolerance)")
                try printWholeProcess(scale: scale)
            }
        }
    }

    /// The EBS scale run as a whole process (`postmortem simulate ... --format csv`, output to
    /// /dev/null): CPU (user + sys), wall and peak memory, medians over the runs, with the load
    /// average, since on a shared machine the wall clock also counts other jobs' time.
    func printWholeProcess(scale: [(String, String)]) throws {
        let executable = postmortem ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("postmortem").path
        let arguments = [executable, "simulate", scenario, "--format", "csv"] + scale.flatMap { ["--set", "\($0.0)=\($0.1)"] }
        var measurements: [ProcessRunner.Measurement] = []
        for _ in 0..<runs {
            let measured = ProcessRunner.run(arguments)
            guard measured.status == 0 else { throw BenchFailure(message: "postmortem simulate exited with \(measured.status)") }
            measurements.append(measured)
        }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "unknown"
        let cpu = median(measurements.map(\.cpuSeconds))
        let wall = median(measurements.map(\.seconds))
        let peak = measurements.map(\.peakMegabytes).max() ?? 0
        print("EBS scenario at \(volumes) volumes as a whole process: \(String(format: "%.2f", cpu)) s CPU (user + sys), "
            + "\(String(format: "%.2f", wall)) s wall, \(String(format: "%.0f", peak)) MB peak (target under 10 s); load average \(load)")
    }

    /// SimPy's own timing of its run, wall and CPU seconds (it excludes the interpreter's start-up).
    func simpyRun() throws -> (wall: Double, cpu: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, peer, String(pending), String(simpyEvents), "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let seconds = object["seconds"] as? Double,
            let cpu = object["cpuSeconds"] as? Double
        else { throw BenchFailure(message: "the SimPy peer failed; is simpy installed?") }
        return (seconds, cpu)
    }

    /// CPU seconds this thread has run.
    func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func median(_ values: [Double]) -> Double {
        BenchRow(name: "", megabytes: 0, seconds: values, peakMegabytes: nil).median
    }
}
