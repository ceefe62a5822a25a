/// Blackman and Vigna's xoshiro256** generator: the engine's source of randomness.
///
/// Every model component draws from its own stream (see `RandomStreams`), so adding draws in
/// one component never shifts the numbers another component sees.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator whose state is four successive SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotate(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-shift.
    @inlinable
    public mutating func nextIndex(below bound: Int) -> Int {
        let product = next().multipliedFullWidth(by: UInt64(bound))
        return Int(product.high)
    }

    /// An exponentially distributed draw with the given mean.
    @inlinable
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * log1pNegative(nextUnit())
    }

    @inlinable @inline(__always)
    static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// `log(1 - u)` for `u` in [0, 1), without Foundation: a short series near zero and a
/// bit-level logarithm elsewhere, accurate to about 1e-12.
@inlinable
func log1pNegative(_ u: Double) -> Double {
    naturalLog(1 - u)
}

/// The natural logarithm of a positive finite double, computed from its exponent and an
/// atanh series on the mantissa (no Foundation, same bits on every platform).
@inlinable
func naturalLog(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
    // The exponent and significand of a normal double straight from its bits (the same
    // values `x.exponent` and `x.significand` give, without their subnormal branches on every
    // draw); subnormals, never drawn by the generators, go through the general properties.
    let bits = x.bitPattern
    let biased = Int(truncatingIfNeeded: bits >> 52)
    var exponent: Double
    var mantissa: Double
    if biased != 0 {
        exponent = Double(biased &- 1023)
        mantissa = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
    } else {
        exponent = Double(x.exponent)
        mantissa = x.significand
    }
    if mantissa > 1.4142135623730951 {
        mantissa /= 2
        exponent += 1
    }
    return logarithmTail(mantissa: mantissa, exponent: exponent)
}

/// What one double and four lanes of doubles need for the logarithm's last steps.
@usableFromInline
protocol LogarithmLanes {
    init(broadcasting value: Double)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
}

extension Double: LogarithmLanes {
    @inlinable
    init(broadcasting value: Double) { self = value }
}

extension SIMD4: LogarithmLanes where Scalar == Double {
    @inlinable
    init(broadcasting value: Double) { self.init(repeating: value) }
}

/// `ln(mantissa × 2^exponent)` for a mantissa in [√2/2, √2]: the shared tail of `naturalLog`
/// and its four-lane form, so both do the same operations in the same order (same bits).
@inlinable @inline(__always)
func logarithmTail<Lanes: LogarithmLanes>(mantissa: Lanes, exponent: Lanes) -> Lanes {
    let one = Lanes(broadcasting: 1)
    let y = (mantissa - one) / (mantissa + one)
    let y2 = y * y
    // atanh series y + y^3/3 + y^5/5 + ... in Horner form with the reciprocals as constants:
    // |y| <= 0.1716 here, so twelve terms reach double precision, with one division in all
    // (the exponential draws of every event go through this).
    var series = Lanes(broadcasting: 1.0 / 23)
    series = series * y2 + Lanes(broadcasting: 1.0 / 21)
    series = series * y2 + Lanes(broadcasting: 1.0 / 19)
    series = series * y2 + Lanes(broadcasting: 1.0 / 17)
    series = series * y2 + Lanes(broadcasting: 1.0 / 15)
    series = series * y2 + Lanes(broadcasting: 1.0 / 13)
    series = series * y2 + Lanes(broadcasting: 1.0 / 11)
    series = series * y2 + Lanes(broadcasting: 1.0 / 9)
    series = series * y2 + Lanes(broadcasting: 1.0 / 7)
    series = series * y2 + Lanes(broadcasting: 1.0 / 5)
    series = series * y2 + Lanes(broadcasting: 1.0 / 3)
    series = series * y2 + one
    let sum = y * series
    return Lanes(broadcasting: 2) * sum + exponent * Lanes(broadcasting: 0.6931471805599453)
}
