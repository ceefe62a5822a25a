import PostmortemMetrics
import PostmortemTimeline

extension EBSClusterState {
    /// Places the volumes, runs the event loop and collects the samples.
    mutating func run() -> ModelRun {
        place()
        var firstTick = p.start
        let offset = ((firstTick % 60) + 60) % 60
        if offset != 0 { firstTick += 60 - offset }
        queue.schedule(EBSEvent(kind: .tick, volume: -1, generation: 0), at: firstTick)
        // Events after the end change no sample: the run stops there.
        var bucket: [EBSEvent] = []
        while queue.now < p.end {
            queue.advance()
            let time = queue.now
            while let event = queue.popFarDue() { handle(event, at: time, firstTick: firstTick) }
            queue.takeBucket(into: &bucket)
            for event in bucket { handle(event, at: time, firstTick: firstTick) }
            bucket.removeAll(keepingCapacity: true)
        }
        return finish(brownouts: brownouts, peakError: peakError)
    }

    mutating func handle(_ event: EBSEvent, at time: Int64, firstTick: Int64) {
        events += 1
        switch event.kind {
        case .search:
            let volume = Int(event.volume)
            guard records[volume].generation == event.generation else { return }
            search(volume, at: time)
        case .copyDone:
            let volume = Int(event.volume)
            guard records[volume].generation == event.generation else { return }
            copyDone(volume)
        case .tick:
            tick(at: time, firstTick: firstTick)
        }
    }

    /// The minute's work: interventions, the control plane, the operators' queues, a sample.
    mutating func tick(at time: Int64, firstTick: Int64) {
        if !isolationApplied, time >= p.triggerAt {
            isolate()
            isolationApplied = true
        }
        if isolationApplied, !reconnected, time >= p.triggerAt + Int64(p.isolationMinutes) * 60 {
            reconnect(at: time)
        }
        if !swept, time >= p.snapshotSweep {
            sweepSnapshots()
        }
        addCapacity(at: time)
        updateControlPlane(at: time)
        peakError = max(peakError, errorRate)
        // A brown-out is a period of failing calls; lulls under half an hour are part of it.
        let browning = errorRate > 0.05
        if browning, !inBrownout {
            if let last = brownouts.last, time - last.end < 1800 {
                brownouts[brownouts.count - 1].end = time
            } else {
                brownouts.append((time, time))
            }
        }
        if browning { brownouts[brownouts.count - 1].end = time + 60 }
        inBrownout = browning
        negotiateBacklog(at: time)
        handOutWaitingSlots(at: time)
        // "Once there was sufficient capacity added to the cluster, the team worked on
        // re-establishing EBS control plane API access": from the first minute after the throttle
        // change at which no volume is still searching, waiting for a slot or copying (the
        // restored volumes "were fully replicated", some "blocked waiting for the EBS control
        // plane to be contactable").
        if !capacitySufficient, time >= p.negotiationThrottleStart, remirroringCount == 0 {
            capacitySufficient = true
        }
        restoreVolumes(at: time)
        if (time - firstTick) % Int64(p.sampleMinutes * 60) == 0 { sample(at: time) }
        if time + 60 <= p.end {
            queue.schedule(EBSEvent(kind: .tick, volume: -1, generation: 0), at: time + 60)
        }
    }

    mutating func isolate() {
        // Exactly the configured share of nodes, chosen at random (a partial shuffle).
        var isolated = Array(repeating: false, count: p.nodes)
        var order = Array(0..<p.nodes)
        let count = Int((Double(p.nodes) * p.isolatedNodeFraction).rounded())
        for i in 0..<count {
            order.swapAt(i, i + triggerRandom.nextIndex(below: p.nodes - i))
            isolated[order[i]] = true
        }
        for volume in 0..<p.volumes where isolated[Int(records[volume].primary)] || (secondary[volume] >= 0 && isolated[Int(secondary[volume])]) {
            setStatus(volume, .isolated)
            // An instance cut off from its writable copy must have one elected again through the
            // control plane; one that lost only its mirror keeps writing to the same copy.
            if isolated[Int(records[volume].primary)] { writableLost[volume] = true }
        }
    }

    mutating func reconnect(at time: Int64) {
        reconnected = true
        for volume in 0..<p.volumes where status[volume] == .isolated {
            startSearching(volume, at: time)
        }
    }

    /// Operators snapshot every stuck volume whose current copy is still on a live node.
    mutating func sweepSnapshots() {
        swept = true
        for volume in 0..<p.volumes where status[volume].isStuck && status[volume] != .needsRestore && status[volume] != .lost {
            snapshotted[volume] = true
        }
    }

    /// New servers are installed at an even pace over the capacity window; they take no part in
    /// the old nodes' search loop, so their slots are handed out by the operators' queue.
    mutating func addCapacity(at time: Int64) {
        guard time >= p.capacityAddStart, nodesAdded < nodesToAdd else { return }
        let elapsed = Double(time - p.capacityAddStart) / (p.capacityAddHours * 3600)
        let due = min(nodesToAdd, Int((Double(nodesToAdd) * min(1, elapsed)).rounded(.up)))
        while nodesAdded < due {
            let node = Int32(free.count)
            free.append(slotsPerNode)
            capacity.append(slotsPerNode)
            liveSlots += Int(slotsPerNode)
            crashed.append(false)
            residents.append([])
            freePosition.append(-1)
            addFreeNode(node)
            freeSlots += Int(slotsPerNode)
            nodesAdded += 1
        }
    }

    /// The regional pool: threads held by create-volume calls to a full cluster (for the whole
    /// timeout) and by negotiation calls, plus the other zones' load. Every failed search leaves a
    /// negotiation request that keeps being retried until the volume finds space, and every
    /// re-mirrored volume retries its confirmation, so without back-off the load keeps growing.
    mutating func updateControlPlane(at time: Int64) {
        let createsEnabled = time >= p.triggerAt && time < p.createVolumeDisabled
        hungWindow[hungCursor] = createsEnabled && freeSlots == 0
        hungCursor = (hungCursor + 1) % hungWindow.count
        let hungMinutes = Double(hungWindow.lazy.filter { $0 }.count)
        let hung = p.createVolumeCallsPerMinute * (p.timeoutSeconds / 60) * hungMinutes / Double(hungWindow.count)
        let connected = time < p.controlPlaneCut
        let hold = min(p.timeoutSeconds, p.negotiationSecondsDegraded)
        let negotiation = connected
            ? Double(pendingNegotiationTotal + awaitingCount) * p.loadScale * p.negotiationRetriesPerMinute * hold / 60 : 0
        let busy = p.baselineBusyThreads + hung + negotiation
        errorRate = busy > p.threads ? (busy - p.threads) / busy : 0
    }

    /// Negotiations the control plane completes this minute, by intervention phase. Cut off from
    /// the degraded cluster, the control plane elects no writable copies until the team turns to
    /// re-establishing it, once re-mirroring is done (`capacitySufficient`). From then until the
    /// backlog is processed steadily on April 23rd the throttles pass a steady share of the
    /// waiting elections each hour: the throttles sit on the EBS nodes (the postmortem's remedies
    /// build the recovery's throttling into the nodes), each node passing a steady share of its
    /// own waiting elections (an assumption: the postmortem gives no rate), so the backlog drains
    /// in proportion to its size. Then access ramps up to full throughput.
    func negotiationRate(at time: Int64) -> Double {
        let full = p.negotiationsPerMinute / p.loadScale
        if time < p.controlPlaneCut { return full * (1 - errorRate) }
        if time < p.negotiationThrottleStart || !capacitySufficient { return 0 }
        let throttled = p.throttledBacklogSharePerHour / 60 * Double(awaitingCount)
        if time < p.controlPlaneReenableStart { return throttled }
        if time >= p.controlPlaneReenableEnd { return full }
        let span = Double(p.controlPlaneReenableEnd - p.controlPlaneReenableStart)
        let fraction = span > 0 ? Double(time - p.controlPlaneReenableStart) / span : 1
        return throttled + (full - throttled) * fraction
    }

    mutating func negotiateBacklog(at time: Int64) {
        negotiationCredit += negotiationRate(at: time)
        while negotiationCredit >= 1, negotiationHead < negotiationQueue.count {
            let volume = Int(negotiationQueue[negotiationHead])
            negotiationHead += 1
            guard status[volume] == .awaitingNegotiation else { continue }
            negotiate(volume)
            negotiationCredit -= 1
        }
        if negotiationHead == negotiationQueue.count { negotiationCredit = min(negotiationCredit, 1) }
    }

    /// After the futile searches are stopped, free slots go to waiting volumes in order.
    mutating func handOutWaitingSlots(at time: Int64) {
        guard time >= p.searchesStopped else { return }
        while waitingHead < waitingQueue.count, freeSlots > 0 {
            let volume = Int(waitingQueue[waitingHead])
            guard status[volume] == .waiting else {
                waitingHead += 1
                continue
            }
            guard let slot = reserveSlot(excluding: records[volume].primary) else { break }
            waitingHead += 1
            startCopy(volume, to: slot, at: time)
        }
    }

    mutating func restoreVolumes(at time: Int64) {
        if time >= p.snapshotRestoreStart {
            restoreCredit += p.snapshotRestoresPerHour / 60 / p.loadScale
            while restoreCredit >= 1, restoreHead < restoreQueue.count {
                restored(Int(restoreQueue[restoreHead]))
                restoreHead += 1
                restoreCredit -= 1
            }
            if restoreHead == restoreQueue.count { restoreCredit = min(restoreCredit, 1) }
        }
        if time >= p.forensicsStart {
            forensicCredit += p.forensicsPerHour / 60 / p.loadScale
            while forensicCredit >= 1, forensicHead < forensicQueue.count {
                let volume = Int(forensicQueue[forensicHead])
                forensicHead += 1
                forensicCredit -= 1
                if forensicRandom.nextUnit() < p.forensicRecoveryProbability {
                    restored(volume)
                } else {
                    setStatus(volume, .lost)
                }
            }
            if forensicHead == forensicQueue.count { forensicCredit = min(forensicCredit, 1) }
        }
    }

    mutating func sample(at time: Int64) {
        let volumes = Double(p.volumes)
        times.append(Instant(secondsSinceEpoch: time))
        stuckSeries.append(100 * Double(stuckCount) / volumes)
        mirrorSeries.append(100 * Double(mirrorMissingCount) / volumes)
        var stuckInstances = 0
        var lostInstances = 0
        for instance in 0..<p.rdsInstances {
            var stuck = false
            var lost = false
            for volume in rdsVolumes[rdsOffsets[instance]..<rdsOffsets[instance + 1]] {
                let s = status[Int(volume)]
                if s.isStuck { stuck = true }
                if s == .lost { lost = true }
            }
            if stuck { stuckInstances += 1 }
            if lost { lostInstances += 1 }
        }
        let instances = Double(max(p.rdsInstances, 1))
        rdsSeries.append(100 * Double(stuckInstances) / instances)
        rdsLostSeries.append(100 * Double(lostInstances) / instances)
        freeSeries.append(liveSlots > 0 ? 100 * Double(freeSlots) / Double(liveSlots) : 0)
        errorSeries.append(100 * errorRate)
        crashedSeries.append(Double(crashedNodes))
    }

    func finish(brownouts: [(start: Int64, end: Int64)], peakError: Double) -> ModelRun {
        func minutesAfterTrigger(_ time: Int64?) -> Double {
            time.map { Double($0 - p.triggerAt) / 60 } ?? .nan
        }
        let brownoutMinutes = brownouts.reduce(0) { $0 + Double($1.end - $1.start) / 60 }
        let series = [
            TimeSeries(name: "stuckVolumesPercent", unit: "percent", values: stuckSeries),
            TimeSeries(name: "mirrorMissingPercent", unit: "percent", values: mirrorSeries),
            TimeSeries(name: "stuckRDSPercent", unit: "percent", values: rdsSeries),
            TimeSeries(name: "lostRDSPercent", unit: "percent", values: rdsLostSeries),
            TimeSeries(name: "freeCapacityPercent", unit: "percent", values: freeSeries),
            TimeSeries(name: "apiErrorRatePercent", unit: "percent", values: errorSeries),
            TimeSeries(name: "crashedNodes", unit: "nodes", values: crashedSeries),
        ]
        let metrics: [(name: String, value: Double)] = [
            ("api.brownout1.endMinutes", minutesAfterTrigger(brownouts.first?.end)),
            ("api.brownout2.startMinutes", minutesAfterTrigger(brownouts.count > 1 ? brownouts[1].start : nil)),
            ("api.brownout2.endMinutes", minutesAfterTrigger(brownouts.count > 1 ? brownouts[1].end : nil)),
            ("api.brownoutMinutes", brownoutMinutes),
            ("api.peakErrorPercent", 100 * peakError),
            ("ebs.crashedNodesPercent", 100 * Double(crashedNodes) / Double(p.nodes)),
            ("ebs.volumesLostPercent", 100 * Double(lostCount) / Double(p.volumes)),
            ("ebs.race.addedPercent", 100 * Double(raceStuckCount) / Double(p.volumes)),
        ]
        let subjects: [(series: String, subject: String)] = [
            ("stuckVolumesPercent", "EBS volumes stuck in the affected AZ"),
            ("mirrorMissingPercent", "EBS volumes not yet re-mirrored"),
            ("stuckRDSPercent", "single-AZ RDS instances stuck"),
            ("apiErrorRatePercent", "EBS API calls failing region-wide"),
        ]
        return ModelRun(times: times, series: series, metrics: metrics, subjects: subjects, eventsProcessed: events)
    }
}
