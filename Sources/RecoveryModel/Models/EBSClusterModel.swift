import PostmortemMetrics
import PostmortemTimeline

/// The EBS cluster of April 2011 and the regional control plane, as a discrete-event model.
///
/// Volumes have two replicas on different nodes with finite slots. A network change isolates a
/// share of the nodes; every volume with a replica there loses its mirror. On reconnection each
/// volume's serving node searches for a free slot, retrying per the retry policy and keeping the
/// stale copy until the new one is in place. A volume whose instance was cut off from its
/// writable copy (the primary isolated or crashed) also needs the control plane to elect the new
/// copy, at the negotiation throughput of the phase; one that lost only its mirror is whole again
/// when its copy is done, so re-mirroring goes on, slot by freed slot, while the control plane is
/// cut off. Free capacity exists to the slot: the spare share is not rounded up per node.
/// Every search attempt may crash the searching node (the race condition); a crashed node's slots are not reused and its replicas
/// need re-mirroring, or, where it held a stuck volume's only current copy, a restore from
/// snapshot or forensics. The control plane is a pool of threads: create-volume calls to a full
/// cluster hold a thread for the whole timeout, and search retries cause negotiation calls; when
/// the pool is exhausted, calls for every zone fail. The interventions switch these paths at the
/// times the postmortem gives.
public struct EBSClusterModel: Sendable {
    public let parameters: EBSParameters
    public let seed: UInt64

    public init(parameters: EBSParameters, seed: UInt64) {
        self.parameters = parameters
        self.seed = seed
    }

    /// Runs the model from `simulation.start` to `simulation.end`.
    public func run() -> ModelRun {
        var state = EBSClusterState(parameters: parameters, streams: RandomStreams(seed: seed))
        return state.run()
    }
}
