import PostmortemTimeline

extension PolicyLibrary {
    /// Fails when two policies for the same service and regions are in force on the same day,
    /// since choosing the policy in force for an incident would then depend on file order.
    /// - Throws: `MetricsError.invalidPolicy` naming the later file and its `effectiveFrom`.
    static func checkEffectiveDates(_ policies: [(policy: SLAPolicy, file: String)]) throws(MetricsError) {
        for (index, entry) in policies.enumerated() {
            for earlier in policies[..<index] where Self.sameScope(entry.policy, earlier.policy) {
                let (from, until) = entry.policy.effectiveRange
                let (otherFrom, otherUntil) = earlier.policy.effectiveRange
                let startsBeforeOtherEnds = otherUntil.map { (from ?? $0) < $0 } ?? true
                let otherStartsBeforeEnds = until.map { (otherFrom ?? $0) < $0 } ?? true
                guard startsBeforeOtherEnds && otherStartsBeforeEnds else { continue }
                throw .invalidPolicy(
                    file: entry.file, field: "effectiveFrom",
                    message: "\(entry.policy.id) (\(entry.policy.effectiveFrom) to \(entry.policy.effectiveUntil ?? "now")) overlaps \(earlier.policy.id) in \(earlier.file) (\(earlier.policy.effectiveFrom) to \(earlier.policy.effectiveUntil ?? "now")) for \(entry.policy.service)")
            }
        }
    }

    static func sameScope(_ one: SLAPolicy, _ other: SLAPolicy) -> Bool {
        one.service.lowercased() == other.service.lowercased()
            && Set((one.regions ?? []).map { $0.lowercased() }) == Set((other.regions ?? []).map { $0.lowercased() })
    }
}
