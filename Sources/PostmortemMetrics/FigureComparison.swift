/// A published figure set against the value the toolkit computed or simulated for it.
public struct FigureComparison: Sendable, Equatable, Codable {
    /// A short stable name: `ebs.stuck.peak`.
    public var name: String
    public var published: Double
    public var computed: Double
    /// The largest difference still counted as a match, in the figure's unit.
    public var tolerance: Double
    /// The unit, for display: `percent`, `rounds`.
    public var unit: String
    /// The sentence the published figure comes from.
    public var source: String
    /// `fit` (calibration may use it), `predicted` (calibration never sees it) or `echo` (it
    /// restates an input: shown, never counted as agreement); `nil` where not a model figure.
    public var role: String?

    public init(name: String, published: Double, computed: Double, tolerance: Double, unit: String, source: String,
                role: String? = nil) {
        self.role = role
        self.name = name
        self.published = published
        self.computed = computed
        self.tolerance = tolerance
        self.unit = unit
        self.source = source
    }

    /// Whether the computed value lies within the tolerance of the published one.
    public var withinTolerance: Bool {
        abs(computed - published) <= tolerance + 1e-9
    }
}
