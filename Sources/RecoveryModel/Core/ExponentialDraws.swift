/// Exponential draws from one generator, computed a block at a time.
///
/// The values and their order are exactly those of calling `nextExponential(mean:)` on the
/// generator again and again; only the schedule of the work differs. One draw's logarithm is a
/// chain of about thirty dependent floating-point operations, so drawn one at a time, between
/// the branches of a model's event loop, each costs that chain's whole latency; a block of
/// independent draws lets the processor overlap the chains. For a component whose draws do not
/// depend on the model's state (a hold model, arrival processes), this is the cheaper stream.
public struct ExponentialDraws: Sendable {
    /// Draws computed per block.
    public static let blockSize = 256

    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline let mean: Double
    @usableFromInline var block: ContiguousArray<Double>
    @usableFromInline var position: Int

    /// A stream of exponential draws with `mean` from `generator` (which it takes over).
    public init(generator: Xoshiro256StarStar, mean: Double) {
        self.generator = generator
        self.mean = mean
        block = ContiguousArray(repeating: 0, count: ExponentialDraws.blockSize)
        position = ExponentialDraws.blockSize
    }

    /// The next draw: the same value `generator.nextExponential(mean:)` would return now.
    @inlinable
    public mutating func next() -> Double {
        if position == ExponentialDraws.blockSize { refill() }
        let value = block.withUnsafeBufferPointer { $0[position] }
        position &+= 1
        return value
    }

    @usableFromInline
    mutating func refill() {
        var source = generator
        let scale = SIMD4<Double>(repeating: -mean)
        block.withUnsafeMutableBufferPointer { values in
            var index = 0
            while index < values.count {
                let u = SIMD4<Double>(source.nextUnit(), source.nextUnit(), source.nextUnit(), source.nextUnit())
                let draws = scale * ExponentialDraws.logarithm(1 - u)
                values[index] = draws[0]
                values[index &+ 1] = draws[1]
                values[index &+ 2] = draws[2]
                values[index &+ 3] = draws[3]
                index &+= 4
            }
        }
        generator = source
        position = 0
    }

    /// `naturalLog` on four values in (0, 1] at once, operation for operation the same (each
    /// lane's result has the same bits as the scalar function's); the values, `1 - u` for a
    /// unit draw `u`, are normal doubles, so the scalar function's subnormal branch never applies.
    @usableFromInline
    static func logarithm(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        // The biased exponent as a double, exactly: its bits placed under 2^52's, minus 2^52.
        let magic = SIMD4<UInt64>(repeating: 0x4330_0000_0000_0000)
        let biased = unsafeBitCast((bits &>> 52) | magic, to: SIMD4<Double>.self) - 4_503_599_627_370_496
        var exponent = biased - 1023
        var mantissa = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD4<Double>.self)
        let high = mantissa .> 1.4142135623730951
        mantissa.replace(with: mantissa / 2, where: high)
        exponent.replace(with: exponent + 1, where: high)
        return logarithmTail(mantissa: mantissa, exponent: exponent)
    }
}
