/// How a client waits between failed attempts: the policies compared in the AWS Architecture
/// Blog's "Exponential Backoff and Jitter" analysis, plus no back-off at all.
public enum RetryPolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Retry as soon as the previous attempt has returned (delay = base).
    case none
    /// A constant pause of twice the base (a pause, unlike `none`, but no growth).
    case fixed
    /// min(cap, base * 2^attempt).
    case exponential
    /// random(0, min(cap, base * 2^attempt)).
    case exponentialFullJitter = "exponential-full-jitter"
    /// v/2 + random(0, v/2) with v = min(cap, base * 2^attempt).
    case exponentialEqualJitter = "exponential-equal-jitter"
    /// min(cap, random(base, previous * 3)).
    case decorrelatedJitter = "decorrelated-jitter"

    /// The delay in seconds before the next attempt.
    /// - Parameters:
    ///   - attempt: failed attempts so far, from 0.
    ///   - previous: the previous delay (decorrelated jitter only; pass `base` at first).
    public func delay(attempt: Int, base: Double, cap: Double, previous: Double,
                      using generator: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .none:
            return base
        case .fixed:
            return 2 * base
        case .exponential:
            return RetryPolicy.ceiling(attempt: attempt, base: base, cap: cap)
        case .exponentialFullJitter:
            return generator.nextUnit() * RetryPolicy.ceiling(attempt: attempt, base: base, cap: cap)
        case .exponentialEqualJitter:
            let v = RetryPolicy.ceiling(attempt: attempt, base: base, cap: cap)
            return v / 2 + generator.nextUnit() * (v / 2)
        case .decorrelatedJitter:
            let upper = max(base, previous * 3)
            return min(cap, base + generator.nextUnit() * (upper - base))
        }
    }

    static func ceiling(attempt: Int, base: Double, cap: Double) -> Double {
        let doublings = min(attempt, 60)
        var value = base
        for _ in 0..<doublings where value < cap { value *= 2 }
        return min(cap, value)
    }
}
