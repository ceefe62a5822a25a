import PostmortemTimeline

/// Whether an incident falls under a policy's terms, and if not, why.
public enum ScopeDecision: Sendable, Equatable {
    case covered
    /// The incident is about another service (named as the incident names it).
    case otherService(String)
    /// The incident names regions, none of them covered by the policy.
    case otherRegions([String])
    /// The incident names no service or component, and its title names none the policy covers.
    case unnamed

    /// A warning sentence for an incident left out, or `nil` when it is covered.
    public func warning(incident: Incident, policy: SLAPolicy) -> String? {
        switch self {
        case .covered:
            return nil
        case .otherService(let service):
            return "'\(incident.title)' is about \(service), which \(policy.id) does not cover (it covers \(policy.service)): not counted"
        case .unnamed:
            return "'\(incident.title)' names no service or component, and its title does not name \(policy.service), so \(policy.id) cannot be shown to cover it: not counted"
        case .otherRegions(let regions):
            return "'\(incident.title)' is in \(regions.joined(separator: ", ")), outside the regions \(policy.id) covers (\((policy.regions ?? []).joined(separator: ", "))): not counted"
        }
    }
}

extension SLAPolicy {
    /// Whether the terms cover the incident: its services, its components (listed, or changed by
    /// its updates) mapped through the policy's `components`, or (when it names neither) its
    /// title; then its regions.
    public func scope(of incident: Incident) -> ScopeDecision {
        let mapped = Set((components ?? []).map { $0.lowercased() })
        // Components the incident lists, then those its updates change, in first-seen order.
        var named = incident.components
        for change in incident.events.flatMap(\.componentChanges) where !named.contains(change.name) { named.append(change.name) }
        let componentMatch = named.contains { mapped.contains($0.lowercased()) }
        let names = incident.services + named
        if !componentMatch, !covers(names.isEmpty ? [incident.title] : names) {
            return names.first.map(ScopeDecision.otherService) ?? .unnamed
        }
        if let regions, !incident.regions.isEmpty {
            let covered = regions.map { $0.lowercased() }
            let inside = incident.regions.contains { region in
                let lower = region.lowercased()
                return covered.contains { lower == $0 || lower.contains($0) }
            }
            if !inside { return .otherRegions(incident.regions) }
        }
        return .covered
    }
}
