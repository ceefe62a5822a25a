extension Incident {
    /// Joins descriptions of the same event from several sources (a status page and its
    /// postmortem) into one incident: every event and figure kept with its own source, events in
    /// time order, the title of the first source.
    public static func merging(_ incidents: [Incident]) -> Incident? {
        guard var merged = incidents.first else { return nil }
        for other in incidents.dropFirst() {
            merged.provider = merged.provider ?? other.provider
            merged.services = union(merged.services, other.services)
            merged.regions = union(merged.regions, other.regions)
            merged.components = union(merged.components, other.components)
            merged.impact = merged.impact ?? other.impact
            merged.url = merged.url ?? other.url
            merged.events += other.events
            merged.observations += other.observations
            merged.announcedCredits += other.announcedCredits
            merged.sources = union(merged.sources, other.sources)
            merged.statedImpactStart = [merged.statedImpactStart, other.statedImpactStart].compactMap { $0 }.min()
            merged.statedImpactEnd = [merged.statedImpactEnd, other.statedImpactEnd].compactMap { $0 }.max()
            if let start = other.impactStart, merged.impactStart.map({ start.time < $0.time }) ?? true { merged.impactStart = start }
            if let end = other.impactEnd, merged.impactEnd.map({ end.time > $0.time }) ?? true { merged.impactEnd = end }
        }
        return merged.normalized()
    }

    private static func union(_ a: [String], _ b: [String]) -> [String] {
        a + b.filter { !a.contains($0) }
    }
}
