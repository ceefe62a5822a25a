import PostmortemMetrics
import PostmortemTimeline

/// The mutable state of one EBS model run, in flat arrays indexed by volume and node.
struct EBSClusterState {
    let p: EBSParameters
    var queue: EBSEventWheel

    // Volumes.
    /// The search-hot fields of every volume (its primary, generation, retry state).
    var records: [VolumeRecord]
    var secondary: [Int32]
    var target: [Int32]
    var status: [VolumeStatus]
    var snapshotted: [Bool]
    /// The volume's writable copy was lost (its primary crashed): a new one must be elected
    /// through the control plane before the volume is usable again.
    var writableLost: [Bool]
    /// Each volume's size as a multiple of the mean (`1 ± volumeSizeSpread`, evenly spread).
    var sizeFactor: [Float]

    // Nodes.
    var free: [Int32] = []
    /// Slots each node has in all (free or taken).
    var capacity: [Int32] = []
    /// Slots on nodes that have not crashed.
    var liveSlots = 0
    var crashed: [Bool] = []
    var residents: [[Int32]] = []
    var freeNodes: [Int32] = []
    var freePosition: [Int32] = []
    var freeSlots = 0
    var slotsPerNode: Int32 = 1

    // Queues served by operators.
    var waitingQueue: [Int32] = []
    var waitingHead = 0
    var negotiationQueue: [Int32] = []
    var negotiationHead = 0
    var restoreQueue: [Int32] = []
    var restoreHead = 0
    var forensicQueue: [Int32] = []
    var forensicHead = 0

    // Generators, one per component.
    var placementRandom: Xoshiro256StarStar
    var retryRandom: Xoshiro256StarStar
    var raceRandom: Xoshiro256StarStar
    var searchRandom: Xoshiro256StarStar
    var copyRandom: Xoshiro256StarStar
    var forensicRandom: Xoshiro256StarStar
    var triggerRandom: Xoshiro256StarStar
    var rdsRandom: Xoshiro256StarStar

    // Control plane.
    var pendingNegotiationTotal = 0
    var hungWindow: [Bool] = []
    var hungCursor = 0
    var negotiationCredit = 0.0
    var restoreCredit = 0.0
    var forensicCredit = 0.0
    var nodesToAdd = 0
    var nodesAdded = 0
    var reconnected = false
    /// Every stuck volume that can be re-mirrored is, since the throttle change: the control
    /// plane is being re-established and elections pass the throttle.
    var capacitySufficient = false
    var swept = false
    var errorRate = 0.0
    var isolationApplied = false
    /// Periods of failing API calls, in seconds since the epoch.
    var brownouts: [(start: Int64, end: Int64)] = []
    var inBrownout = false
    var peakError = 0.0

    // Counters.
    var stuckCount = 0
    var mirrorMissingCount = 0
    var lostCount = 0
    var awaitingCount = 0
    /// Volumes still re-mirroring: searching, waiting for a slot or copying.
    var remirroringCount = 0
    var crashedNodes = 0
    var events = 0

    // Samples.
    var times: [Instant] = []
    var stuckSeries: [Double] = []
    var mirrorSeries: [Double] = []
    var rdsSeries: [Double] = []
    var rdsLostSeries: [Double] = []
    var freeSeries: [Double] = []
    var errorSeries: [Double] = []
    var crashedSeries: [Double] = []
    /// The volumes of every RDS instance, instance after instance; `rdsOffsets[i]..<rdsOffsets[i+1]`.
    var rdsVolumes: [Int32] = []
    var rdsOffsets: [Int] = [0]
    /// Healthy volumes made stuck by race-condition crashes before the searches were stopped.
    var raceStuckCount = 0

    init(parameters: EBSParameters, streams: RandomStreams) {
        p = parameters
        // One second before the start, so the first tick can fall on the start itself.
        queue = EBSEventWheel(start: parameters.start - 1)
        let v = parameters.volumes
        records = Array(repeating: VolumeRecord(previousDelay: Float(parameters.retryBaseSeconds)), count: v)
        secondary = Array(repeating: -1, count: v)
        target = Array(repeating: -1, count: v)
        status = Array(repeating: .healthy, count: v)
        snapshotted = Array(repeating: false, count: v)
        writableLost = Array(repeating: false, count: v)
        sizeFactor = Array(repeating: 1, count: v)
        placementRandom = streams.generator(named: "placement")
        retryRandom = streams.generator(named: "retry")
        raceRandom = streams.generator(named: "race")
        searchRandom = streams.generator(named: "search")
        copyRandom = streams.generator(named: "copy")
        forensicRandom = streams.generator(named: "forensics")
        triggerRandom = streams.generator(named: "trigger")
        rdsRandom = streams.generator(named: "rds")
    }

    // MARK: Set-up

    mutating func place() {
        let n = p.nodes
        // The cluster's slots cover the replicas plus exactly the spare share: a whole number per
        // node would round a 0.5% spare up to a slot a node (5% on nodes of 20 slots).
        let replicas = 2 * p.volumes
        let total = max(replicas + 1, Int((Double(replicas) / (1 - p.spareCapacityFraction)).rounded(.up)), 2 * n)
        let base = total / n
        let remainder = total % n
        capacity = (0..<n).map { Int32(base + ($0 < remainder ? 1 : 0)) }
        slotsPerNode = Int32(remainder > 0 ? base + 1 : base)
        liveSlots = total
        free = capacity
        crashed = Array(repeating: false, count: n)
        residents = Array(repeating: [], count: n)
        for volume in 0..<p.volumes {
            records[volume].primary = Int32(volume % n)
            occupy(node: records[volume].primary, volume: Int32(volume))
        }
        for volume in 0..<p.volumes {
            let first = records[volume].primary
            let start = Int32((Int(first) + 1 + placementRandom.nextIndex(below: n - 1)) % n)
            guard let second = nodeWithSpace(from: start, excluding: first) ?? makeRoomAwayFrom(first, placed: volume) else {
                // Every other volume shares `first`: the volume keeps a single replica (a tiny cluster).
                continue
            }
            secondary[volume] = second
            occupy(node: second, volume: Int32(volume))
        }
        freePosition = Array(repeating: -1, count: n)
        for node in 0..<n where free[node] > 0 {
            addFreeNode(Int32(node))
            freeSlots += Int(free[node])
        }
        let extra = Double(n) * p.addedCapacityFraction
        nodesToAdd = Int(extra.rounded())
        hungWindow = Array(repeating: false, count: max(1, Int((p.timeoutSeconds / 60).rounded(.up))))
        // The postmortem says only "multiple" volumes per instance: each instance draws its count.
        let span = p.rdsVolumesPerInstanceMax - p.rdsVolumesPerInstanceMin + 1
        for _ in 0..<p.rdsInstances {
            rdsOffsets.append(rdsOffsets[rdsOffsets.count - 1] + p.rdsVolumesPerInstanceMin + rdsRandom.nextIndex(below: span))
        }
        rdsVolumes = sampleDistinct(count: rdsOffsets[rdsOffsets.count - 1], from: p.volumes)
        if p.volumeSizeSpread > 0 {
            for volume in 0..<p.volumes {
                sizeFactor[volume] = Float(1 - p.volumeSizeSpread + 2 * p.volumeSizeSpread * copyRandom.nextUnit())
            }
        }
    }

    /// A node other than `first` with a free slot, probing on from `start`; `nil` when every
    /// free slot left is on `first` (the probe visits each node at most once, so it cannot spin).
    func nodeWithSpace(from start: Int32, excluding first: Int32) -> Int32? {
        let n = Int32(p.nodes)
        var node = start
        for _ in 0..<n {
            if node != first, free[Int(node)] > 0 { return node }
            node = (node + 1) % n
        }
        return nil
    }

    /// When the only free slots are on `first`, an earlier volume `u` whose replicas are both
    /// elsewhere moves its second replica onto `first`, and its old slot goes to the volume
    /// being placed. The total of slots always covers every replica, so such a volume exists
    /// unless every volume already touches `first`.
    mutating func makeRoomAwayFrom(_ first: Int32, placed: Int) -> Int32? {
        for u in 0..<placed {
            let second = secondary[u]
            guard records[u].primary != first, second != first, second >= 0 else { continue }
            if let index = residents[Int(second)].firstIndex(of: Int32(u)) { residents[Int(second)].remove(at: index) }
            free[Int(second)] += 1
            secondary[u] = first
            occupy(node: first, volume: Int32(u))
            return second
        }
        return nil
    }

    mutating func sampleDistinct(count: Int, from total: Int) -> [Int32] {
        var pool = (0..<Int32(total)).map { $0 }
        for i in 0..<count {
            let j = i + rdsRandom.nextIndex(below: total - i)
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(count))
    }

    mutating func occupy(node: Int32, volume: Int32) {
        free[Int(node)] -= 1
        residents[Int(node)].append(volume)
    }

    mutating func addFreeNode(_ node: Int32) {
        guard freePosition[Int(node)] < 0 else { return }
        freePosition[Int(node)] = Int32(freeNodes.count)
        freeNodes.append(node)
    }

    mutating func removeFreeNode(_ node: Int32) {
        let position = Int(freePosition[Int(node)])
        guard position >= 0 else { return }
        let last = freeNodes[freeNodes.count - 1]
        freeNodes[position] = last
        freePosition[Int(last)] = Int32(position)
        freeNodes.removeLast()
        freePosition[Int(node)] = -1
    }

    /// Takes a slot on a random node with space, other than `excluding`.
    mutating func reserveSlot(excluding: Int32) -> Int32? {
        guard !freeNodes.isEmpty else { return nil }
        var node = freeNodes[searchRandom.nextIndex(below: freeNodes.count)]
        if node == excluding {
            guard freeNodes.count > 1 else { return nil }
            let position = (Int(freePosition[Int(node)]) + 1) % freeNodes.count
            node = freeNodes[position]
        }
        free[Int(node)] -= 1
        freeSlots -= 1
        if free[Int(node)] == 0 { removeFreeNode(node) }
        return node
    }

    mutating func releaseSlot(_ node: Int32) {
        guard node >= 0, !crashed[Int(node)] else { return }
        free[Int(node)] += 1
        freeSlots += 1
        addFreeNode(node)
    }

    // MARK: Status bookkeeping

    mutating func setStatus(_ volume: Int, _ new: VolumeStatus) {
        let old = status[volume]
        if new != .searching, records[volume].pendingNegotiations > 0 {
            pendingNegotiationTotal -= Int(records[volume].pendingNegotiations)
            records[volume].pendingNegotiations = 0
        }
        if old.isStuck { stuckCount -= 1 }
        if old.isMirrorMissing { mirrorMissingCount -= 1 }
        if old == .lost { lostCount -= 1 }
        if old == .awaitingNegotiation { awaitingCount -= 1 }
        if old.isRemirroring { remirroringCount -= 1 }
        status[volume] = new
        if new.isStuck { stuckCount += 1 }
        if new.isMirrorMissing { mirrorMissingCount += 1 }
        if new == .lost { lostCount += 1 }
        if new == .awaitingNegotiation { awaitingCount += 1 }
        if new.isRemirroring { remirroringCount += 1 }
        records[volume].generation &+= 1
    }

    mutating func startSearching(_ volume: Int, at time: Int64) {
        setStatus(volume, .searching)
        records[volume].attempts = 0
        records[volume].previousDelay = Float(p.retryBaseSeconds)
        if time >= p.searchesStopped {
            enqueueWaiting(volume)
        } else {
            queue.schedule(EBSEvent(kind: .search, volume: Int32(volume), generation: records[volume].generation),
                           at: time + 1 + Int64(retryRandom.nextIndex(below: Int(p.retryBaseSeconds))))
        }
    }

    mutating func enqueueWaiting(_ volume: Int) {
        setStatus(volume, .waiting)
        waitingQueue.append(Int32(volume))
    }

    mutating func startCopy(_ volume: Int, to node: Int32, at time: Int64) {
        target[volume] = node
        residents[Int(node)].append(Int32(volume))
        setStatus(volume, .copying)
        // A copy moves the volume's whole data at the copy bandwidth: it cannot finish before
        // then (an exponential time would end a tenth of the copies within a tenth of the mean).
        let seconds = Int64(p.meanCopySeconds * Double(sizeFactor[volume])) + 1
        queue.schedule(EBSEvent(kind: .copyDone, volume: Int32(volume), generation: records[volume].generation), at: time + seconds)
    }

    // MARK: Events

    mutating func search(_ volume: Int, at time: Int64) {
        if time >= p.searchesStopped {
            enqueueWaiting(volume)
            return
        }
        let node = records[volume].primary
        if raceRandom.nextUnit() < p.crashProbabilityPerAttempt {
            crash(node: node, at: time)
            return
        }
        if let slot = reserveSlot(excluding: node) {
            startCopy(volume, to: slot, at: time)
            return
        }
        if records[volume].pendingNegotiations < UInt16.max {
            records[volume].pendingNegotiations += 1
            pendingNegotiationTotal += 1
        }
        let attempt = Int(records[volume].attempts)
        let delay = p.retryPolicy.delay(attempt: attempt, base: p.retryBaseSeconds, cap: p.retryCapSeconds,
                                        previous: Double(records[volume].previousDelay), using: &retryRandom)
        records[volume].previousDelay = Float(delay)
        records[volume].attempts = UInt16(min(attempt + 1, Int(UInt16.max)))
        queue.schedule(EBSEvent(kind: .search, volume: Int32(volume), generation: records[volume].generation),
                       at: time + max(1, EBSClusterState.wholeSeconds(delay)))
    }

    /// `delay` rounded to whole seconds, as `delay.rounded()` does; a delay that is already whole
    /// (every retry without back-off) skips libm's `round`, a call per retry of the storm.
    static func wholeSeconds(_ delay: Double) -> Int64 {
        let truncated = Int64(delay)
        return Double(truncated) == delay ? truncated : Int64(delay.rounded())
    }

    /// A finished copy makes the volume whole again where its writable copy survived; where the
    /// writable copy was lost, the new replica waits for the control plane to elect it ("some
    /// were blocked waiting for the EBS control plane ... to elect a new writable copy").
    mutating func copyDone(_ volume: Int) {
        if writableLost[volume] {
            setStatus(volume, .awaitingNegotiation)
            negotiationQueue.append(Int32(volume))
        } else {
            negotiate(volume)
        }
    }

    /// The control plane confirms the new copy: the stale copy's slot is released.
    mutating func negotiate(_ volume: Int) {
        releaseSlot(secondary[volume])
        secondary[volume] = target[volume]
        target[volume] = -1
        writableLost[volume] = false
        setStatus(volume, .healthy)
    }

    mutating func crash(node: Int32, at time: Int64) {
        guard !crashed[Int(node)] else { return }
        crashed[Int(node)] = true
        crashedNodes += 1
        liveSlots -= Int(capacity[Int(node)])
        freeSlots -= Int(free[Int(node)])
        free[Int(node)] = 0
        removeFreeNode(node)
        for resident in residents[Int(node)] {
            let volume = Int(resident)
            switch status[volume] {
            case .healthy:
                // The race condition's own toll: volumes that were fine until their node crashed.
                if time < p.searchesStopped { raceStuckCount += 1 }
                if records[volume].primary == node, secondary[volume] < 0 {
                    setStatus(volume, .needsRestore)
                    enqueueRestore(volume)
                } else if records[volume].primary == node {
                    records[volume].primary = secondary[volume]
                    secondary[volume] = -1
                    writableLost[volume] = true
                    startSearching(volume, at: time)
                } else if secondary[volume] == node {
                    secondary[volume] = -1
                    startSearching(volume, at: time)
                }
            case .isolated, .searching, .waiting:
                if records[volume].primary == node {
                    setStatus(volume, .needsRestore)
                    enqueueRestore(volume)
                } else if secondary[volume] == node {
                    secondary[volume] = -1
                }
            case .copying:
                if records[volume].primary == node {
                    releaseSlot(target[volume])
                    target[volume] = -1
                    setStatus(volume, .needsRestore)
                    enqueueRestore(volume)
                } else if target[volume] == node {
                    target[volume] = -1
                    startSearching(volume, at: time)
                } else if secondary[volume] == node {
                    secondary[volume] = -1
                }
            case .awaitingNegotiation:
                if target[volume] == node {
                    target[volume] = -1
                    startSearching(volume, at: time)
                } else if records[volume].primary == node {
                    records[volume].primary = target[volume]
                    target[volume] = -1
                    writableLost[volume] = true
                } else if secondary[volume] == node {
                    secondary[volume] = -1
                }
            case .needsRestore, .lost:
                break
            }
        }
        residents[Int(node)] = []
    }

    mutating func enqueueRestore(_ volume: Int) {
        if snapshotted[volume] {
            restoreQueue.append(Int32(volume))
        } else {
            forensicQueue.append(Int32(volume))
        }
    }

    /// A restored volume gets fresh replicas outside the cluster's accounting (new capacity).
    mutating func restored(_ volume: Int) {
        records[volume].primary = -1
        secondary[volume] = -1
        target[volume] = -1
        writableLost[volume] = false
        setStatus(volume, .healthy)
    }
}
