import PostmortemTimeline

/// An uptime figure a provider published for a component, to set beside the computed one.
public struct PublishedUptime: Sendable, Equatable {
    public var component: String
    /// The month it is for (its first day); `nil` for every month computed.
    public var month: CivilDate?
    public var percent: Double
    /// Half a unit of the last decimal written: `99.87` is matched within 0.005.
    public var tolerance: Double

    public init(component: String, month: CivilDate? = nil, percent: Double, tolerance: Double = 0.0005) {
        self.component = component
        self.month = month
        self.percent = percent
        self.tolerance = tolerance
    }

    /// Reads `COMPONENT=PERCENT` or `COMPONENT@YYYY-MM=PERCENT` (`API@2024-03=99.87`).
    public init?(argument: String) {
        guard let equals = argument.lastIndex(of: "=") else { return nil }
        var name = String(argument[..<equals])
        let value = argument[argument.index(after: equals)...]
        guard let percent = Double(value), (0...100).contains(percent) else { return nil }
        var month: CivilDate?
        if let at = name.lastIndex(of: "@") {
            guard let date = CivilDate(iso: name[name.index(after: at)...] + "-01") else { return nil }
            month = date
            name = String(name[..<at])
        }
        guard !name.isEmpty else { return nil }
        let decimals = value.split(separator: ".").dropFirst().first?.count ?? 0
        var tolerance = 0.5
        for _ in 0..<decimals { tolerance /= 10 }
        self.init(component: name, month: month, percent: percent, tolerance: tolerance)
    }
}
