/// What a published figure is for in a scenario.
public enum FigureRole: String, Sendable, Equatable, Codable, CaseIterable {
    /// Calibration may use it: agreement here shows only that the fit worked.
    case fit
    /// Never seen by calibration: agreement here is evidence the mechanism is right.
    case predicted
    /// Restates an input (an intervention time): shown, never counted as agreement.
    case echo
}
