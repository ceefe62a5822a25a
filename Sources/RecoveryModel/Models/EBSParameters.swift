/// The physical and operational parameters of the EBS 2011 model, read from a scenario.
/// Times are seconds since the epoch (UTC); control-plane loads are for a cluster of
/// `referenceVolumes` volumes and scale with the simulated cluster's size.
public struct EBSParameters: Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    public var sampleMinutes: Int

    public var volumes: Int
    public var nodes: Int
    public var spareCapacityFraction: Double

    public var triggerAt: Int64
    public var isolatedNodeFraction: Double
    public var isolationMinutes: Int

    /// Mean size of a volume and the bandwidth one re-mirroring copy gets: a copy takes the
    /// volume's size over the bandwidth.
    public var volumeGiB: Double
    /// Volume sizes spread evenly over `volumeGiB * (1 ± volumeSizeSpread)`; each volume keeps
    /// its size, so a copy lasts at least `1 - volumeSizeSpread` of the mean.
    public var volumeSizeSpread: Double
    public var copyMegabytesPerSecond: Double
    public var retryPolicy: RetryPolicy
    public var retryBaseSeconds: Double
    public var retryCapSeconds: Double
    public var crashProbabilityPerAttempt: Double

    public var referenceVolumes: Double
    public var threads: Double
    public var baselineBusyThreads: Double
    public var timeoutSeconds: Double
    public var createVolumeCallsPerMinute: Double
    public var negotiationRetriesPerMinute: Double
    public var negotiationSecondsDegraded: Double
    public var negotiationsPerMinute: Double
    /// The share of the elections waiting on the control plane that the nodes' throttles pass
    /// each hour, from when re-mirroring is done until the backlog is processed steadily
    /// (`controlPlaneReenableStart`).
    public var throttledBacklogSharePerHour: Double

    public var createVolumeDisabled: Int64
    public var controlPlaneCut: Int64
    public var searchesStopped: Int64
    public var snapshotSweep: Int64
    public var capacityAddStart: Int64
    public var capacityAddHours: Double
    public var addedCapacityFraction: Double
    public var negotiationThrottleStart: Int64
    public var controlPlaneReenableStart: Int64
    public var controlPlaneReenableEnd: Int64
    public var snapshotRestoreStart: Int64
    public var snapshotRestoresPerHour: Double
    public var forensicsStart: Int64
    public var forensicsPerHour: Double
    public var forensicRecoveryProbability: Double

    public var rdsInstances: Int
    /// Volumes per single-AZ RDS instance: uniform over `rdsVolumesPerInstanceMin...Max`.
    public var rdsVolumesPerInstanceMin: Int
    public var rdsVolumesPerInstanceMax: Int

    /// Reads and range-checks every key; unknown keys are rejected by the caller.
    public init(reading reader: inout ParameterReader) throws(ScenarioError) {
        start = try reader.instant("simulation.start")
        end = try reader.instant("simulation.end")
        sampleMinutes = try reader.int("simulation.sampleMinutes", in: 1...1440)

        volumes = try reader.int("cluster.volumes", in: 100...50_000_000)
        nodes = try reader.int("cluster.nodes", in: 3...1_000_000)
        spareCapacityFraction = try reader.double("cluster.spareCapacityFraction", in: 0...0.95)

        triggerAt = try reader.instant("trigger.at")
        isolatedNodeFraction = try reader.double("trigger.isolatedNodeFraction", in: 0...1)
        isolationMinutes = try reader.int("trigger.isolationMinutes", in: 0...10_000)

        volumeGiB = try reader.double("remirror.volumeGiB", in: 0.001...16_384)
        volumeSizeSpread = try reader.double("remirror.volumeSizeSpread", in: 0...1)
        copyMegabytesPerSecond = try reader.double("remirror.copyMegabytesPerSecond", in: 0.001...100_000)
        retryPolicy = try reader.retryPolicy("retry.policy")
        retryBaseSeconds = try reader.double("retry.baseSeconds", in: 1...86_400)
        retryCapSeconds = try reader.double("retry.capSeconds", in: 1...864_000)
        crashProbabilityPerAttempt = try reader.double("race.crashProbabilityPerAttempt", in: 0...1)

        referenceVolumes = try reader.double("controlPlane.referenceVolumes", in: 1...1e12)
        threads = try reader.double("controlPlane.threads", in: 1...1e9)
        baselineBusyThreads = try reader.double("controlPlane.baselineBusyThreads", in: 0...1e9)
        timeoutSeconds = try reader.double("controlPlane.timeoutSeconds", in: 1...86_400)
        createVolumeCallsPerMinute = try reader.double("controlPlane.createVolumeCallsPerMinute", in: 0...1e9)
        negotiationRetriesPerMinute = try reader.double("controlPlane.negotiationRetriesPerMinute", in: 0...1e3)
        negotiationSecondsDegraded = try reader.double("controlPlane.negotiationSecondsDegraded", in: 0...86_400)
        negotiationsPerMinute = try reader.double("controlPlane.negotiationsPerMinute", in: 0...1e9)
        throttledBacklogSharePerHour = try reader.double("controlPlane.throttledBacklogSharePerHour", in: 0...60)

        createVolumeDisabled = try reader.instantOrNever("interventions.createVolumeDisabled")
        controlPlaneCut = try reader.instantOrNever("interventions.controlPlaneCut")
        searchesStopped = try reader.instantOrNever("interventions.searchesStopped")
        snapshotSweep = try reader.instantOrNever("interventions.snapshotSweep")
        capacityAddStart = try reader.instant("interventions.capacityAddStart")
        capacityAddHours = try reader.double("interventions.capacityAddHours", in: 0.1...1000)
        addedCapacityFraction = try reader.double("recovery.addedCapacityFraction", in: 0...10)
        negotiationThrottleStart = try reader.instant("interventions.negotiationThrottleStart")
        controlPlaneReenableStart = try reader.instant("interventions.controlPlaneReenableStart")
        controlPlaneReenableEnd = try reader.instant("interventions.controlPlaneReenableEnd")
        snapshotRestoreStart = try reader.instant("interventions.snapshotRestoreStart")
        snapshotRestoresPerHour = try reader.double("recovery.snapshotRestoresPerHour", in: 0...1e9)
        forensicsStart = try reader.instant("interventions.forensicsStart")
        forensicsPerHour = try reader.double("recovery.forensicsPerHour", in: 0...1e9)
        forensicRecoveryProbability = try reader.double("recovery.forensicRecoveryProbability", in: 0...1)

        rdsInstances = try reader.int("rds.instances", in: 0...10_000_000)
        rdsVolumesPerInstanceMin = try reader.int("rds.volumesPerInstanceMin", in: 1...64)
        rdsVolumesPerInstanceMax = try reader.int("rds.volumesPerInstanceMax", in: 1...64)

        let file = reader.scenario.file
        guard end > start else {
            throw .invalidValue(file: file, line: nil, key: "simulation.end", message: "must be after simulation.start")
        }
        guard rdsVolumesPerInstanceMax >= rdsVolumesPerInstanceMin else {
            throw .invalidValue(file: file, line: nil, key: "rds.volumesPerInstanceMax",
                                message: "must not be less than rds.volumesPerInstanceMin")
        }
        guard rdsInstances * rdsVolumesPerInstanceMax <= volumes else {
            throw .invalidValue(file: file, line: nil, key: "rds.instances",
                                message: "\(rdsInstances) instances of up to \(rdsVolumesPerInstanceMax) volumes need more than \(volumes) volumes")
        }
        guard controlPlaneReenableStart >= negotiationThrottleStart else {
            throw .invalidValue(file: file, line: nil, key: "interventions.controlPlaneReenableStart",
                                message: "must not be before interventions.negotiationThrottleStart")
        }
        guard controlPlaneReenableEnd >= controlPlaneReenableStart else {
            throw .invalidValue(file: file, line: nil, key: "interventions.controlPlaneReenableEnd",
                                message: "must not be before interventions.controlPlaneReenableStart")
        }
    }

    /// Control-plane loads from the simulated cluster are multiplied by this to stand for the
    /// reference cluster the pool was sized for.
    var loadScale: Double { referenceVolumes / Double(volumes) }

    /// Mean seconds of one re-mirroring copy.
    var meanCopySeconds: Double { volumeGiB * 1024 / copyMegabytesPerSecond }
}
