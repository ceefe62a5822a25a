import PostmortemMetrics
import PostmortemTimeline

/// The EBS cluster of April 2011 and the regional control plane, as a discrete-event model.
///
/// Volumes have two replicas on different nodes with finite slots. A network change isolates a
/// share of the nodes; every volume with a replica there loses its mirror. On reconnection each
/// volume's serving node searches for a free slot, retrying per the retry policy and keeping the
/// stale copy until the control plane confirms the new one. Every search attempt may crash the
/// searching node (the race condition); a crashed node's slots are not reused and its replicas
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
