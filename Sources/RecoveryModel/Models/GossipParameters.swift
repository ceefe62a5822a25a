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
    /// The rebuild after the restart: what one gossip message holds and what a round costs.
    public var messageBytes: Int
    public var entryBytes: Int
    public var gossipBytesPerSecond: Double
    public var roundCostSeconds: Double

    /// Server-state entries one message carries.
    public var entriesPerMessage: Int { max(1, messageBytes / entryBytes) }

    /// A rebuild round's length: the fixed cost of a round (digest exchange and merge) plus the
    /// time to send `fanout` full messages at the gossip bandwidth.
    public var rebuildRoundSeconds: Double {
        roundCostSeconds + Double(fanout * messageBytes) / gossipBytesPerSecond
    }

    public init(reading reader: inout ParameterReader) throws(ScenarioError) {
        spreadSizes = try reader.intList("spread.sizes")
        spreadRuns = try reader.int("spread.runs", in: 1...10_000)
        fanout = try reader.int("gossip.fanout", in: 1...64)
        // The rebuild is simulated entry by entry (servers² bits per region), which bounds the fleets.
        usServers = try reader.int("fleet.usServers", in: 2...10_000)
        euServers = try reader.int("fleet.euServers", in: 2...10_000)
        checksums = try reader.bool("gossip.checksums")
        // A spreading false entry is a few words (`ServerPermutation`), whatever the fleet; the
        // bound keeps a round's pushes (up to corrupted messages × rounds alive × fleet) in seconds.
        corruptionsPerRound = try reader.int("corruption.corruptedMessagesPerRound", in: 0...100)
        gossipCostPerFalseEntry = try reader.double("corruption.gossipCostPerFalseEntry", in: 0...1)
        roundSeconds = try reader.int("gossip.roundSeconds", in: 1...86_400)
        incidentStart = try reader.instant("incident.start")
        stateClearedAt = try reader.instant("interventions.stateCleared")
        gossipRestartAt = try reader.instant("interventions.gossipRestart")
        messageBytes = try reader.int("recovery.messageBytes", in: 1...1_000_000)
        entryBytes = try reader.int("recovery.entryBytes", in: 1...1_000_000)
        gossipBytesPerSecond = try reader.double("recovery.gossipBytesPerSecond", in: 0.001...1e12)
        roundCostSeconds = try reader.double("recovery.roundCostSeconds", in: 0...86_400)
        if entryBytes > messageBytes {
            throw .invalidValue(file: reader.scenario.file,
                                line: reader.scenario.parameters.first { $0.key == "recovery.entryBytes" }?.line,
                                key: "recovery.entryBytes",
                                message: "an entry of \(entryBytes) bytes does not fit in a message of \(messageBytes) bytes")
        }
        if let large = spreadSizes.first(where: { $0 > 2_000_000 }) {
            throw .invalidValue(file: reader.scenario.file, line: nil, key: "spread.sizes",
                                message: "\(large) servers is more than the 2,000,000 the model runs")
        }
    }
}
