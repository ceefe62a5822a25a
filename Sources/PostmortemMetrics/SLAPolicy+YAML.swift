import Foundation
import PostmortemTimeline
import Yams

extension SLAPolicy {
    /// Decodes a policy from YAML text; `file` names it in errors.
    /// - Throws: `MetricsError.invalidPolicy` naming the file and the field that is wrong.
    public static func decode(yaml: String, file: String) throws(MetricsError) -> SLAPolicy {
        let data = try YAMLDataFile<MetricsError>(yaml: yaml) { .invalidPolicy(file: file, line: $1, field: $0, message: $2) }
        let policy = try data.decode(SLAPolicy.self)
        try data.checking { () throws(MetricsError) in try policy.validate(file: file) }
        return policy
    }

    /// Checks what the decoder cannot: thresholds in range, credits in range, dates readable.
    func validate(file: String) throws(MetricsError) {
        guard !id.isEmpty else { throw .invalidPolicy(file: file, field: "id", message: "must not be empty") }
        guard (0...100).contains(commitment) else {
            throw .invalidPolicy(file: file, field: "commitment", message: "must be a percentage between 0 and 100, not \(commitment)")
        }
        guard !tiers.isEmpty else { throw .invalidPolicy(file: file, field: "tiers", message: "must list at least one tier") }
        for (index, tier) in tiers.enumerated() {
            guard (0...100).contains(tier.below) else {
                throw .invalidPolicy(file: file, field: "tiers[\(index)].below", message: "must be between 0 and 100, not \(tier.below)")
            }
            guard (0...100).contains(tier.credit) else {
                throw .invalidPolicy(file: file, field: "tiers[\(index)].credit", message: "must be between 0 and 100, not \(tier.credit)")
            }
        }
        try validateTierOrder(file: file)
        if let claim, claim.count < 1 {
            throw .invalidPolicy(file: file, field: "claim.count", message: "must be at least 1, not \(claim.count)")
        }
        guard CivilDate(iso: effectiveFrom) != nil else {
            throw .invalidPolicy(file: file, field: "effectiveFrom", message: "must be a date YYYY-MM-DD, not '\(effectiveFrom)'")
        }
        if let until = effectiveUntil, CivilDate(iso: until) == nil {
            throw .invalidPolicy(file: file, field: "effectiveUntil", message: "must be a date YYYY-MM-DD, not '\(until)'")
        }
        if uptime.kind == .regionUnavailable, (uptime.minimumUnavailableZones ?? 0) < 1 {
            throw .invalidPolicy(file: file, field: "uptime.minimumUnavailableZones", message: "region-unavailable needs a zone count of at least 1")
        }
    }

    /// Tiers run from the highest threshold down, each lower threshold earning a larger credit;
    /// any other order means the table was copied wrongly.
    func validateTierOrder(file: String) throws(MetricsError) {
        for index in tiers.indices.dropFirst() {
            let previous = tiers[index - 1]
            guard tiers[index].below < previous.below else {
                throw .invalidPolicy(
                    file: file, field: "tiers[\(index)].below",
                    message: "must be below the threshold of the tier before it (\(previous.below)): list tiers from the highest threshold down")
            }
            guard tiers[index].credit > previous.credit else {
                throw .invalidPolicy(
                    file: file, field: "tiers[\(index)].credit",
                    message: "must be larger than the credit of the tier before it (\(previous.credit)): a lower uptime earns a larger credit")
            }
        }
    }
}
