/// Parameters of the S3 2008 gossip model, read from a scenario.
public struct GossipParameters: Sendable, Equatable {
    /// Fleet sizes for the spread experiment: rounds for one rumour to reach everyone.
    public var spreadSizes: [Int]
    public var spreadRuns: Int
    public var fanout: Int

    /// The incident: fleet sizes of the two regions, message corruption and the fix.
    public var usServers: Int
    public var euServers: Int
    public var checksums: Bool
    public var corruptionsPerRound: Int
    public var gossipCostPerFalseEntry: Double
    public var roundSeconds: Int
    public var incidentStart: Int64
    public var stateClearedAt: Int64
    public var gossipRestartAt: Int64
    public var rebuildSecondsPerRound: Int
    public var entriesPerMessage: Int

    public init(reading reader: inout ParameterReader) throws(ScenarioError) {
        spreadSizes = try reader.intList("spread.sizes")
        spreadRuns = try reader.int("spread.runs", in: 1...10_000)
        fanout = try reader.int("gossip.fanout", in: 1...64)
        // The rebuild is simulated entry by entry (servers² bits per region), which bounds the fleets.
        usServers = try reader.int("fleet.usServers", in: 2...10_000)
        euServers = try reader.int("fleet.euServers", in: 2...10_000)
        checksums = try reader.bool("gossip.checksums")
        // At most ~25 rumours per corrupted message spread at once (log2 N + ln N rounds each), each
        // holding a list of up to a fleet: 100 per round keeps a 10,000-server fleet near 100 MB.
        corruptionsPerRound = try reader.int("corruption.corruptedMessagesPerRound", in: 0...100)
        gossipCostPerFalseEntry = try reader.double("corruption.gossipCostPerFalseEntry", in: 0...1)
        roundSeconds = try reader.int("gossip.roundSeconds", in: 1...86_400)
        incidentStart = try reader.instant("incident.start")
        stateClearedAt = try reader.instant("interventions.stateCleared")
        gossipRestartAt = try reader.instant("interventions.gossipRestart")
        rebuildSecondsPerRound = try reader.int("recovery.rebuildSecondsPerRound", in: 1...86_400)
        entriesPerMessage = try reader.int("recovery.entriesPerMessage", in: 1...100_000)
        if let large = spreadSizes.first(where: { $0 > 2_000_000 }) {
            throw .invalidValue(file: reader.scenario.file, line: nil, key: "spread.sizes",
                                message: "\(large) servers is more than the 2,000,000 the model runs")
        }
    }
}
