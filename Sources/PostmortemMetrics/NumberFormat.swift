/// Locale-free number formatting, identical on every machine.
public enum NumberFormat {
    /// `value` rounded half away from zero to `decimals` places: `fixed(98.93593, 3)` is `98.936`.
    /// With `trimZeros`, trailing zeros (and a trailing point) are dropped: `25.0` prints `25`.
    public static func fixed(_ value: Double, decimals: Int, trimZeros: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "null" : (value > 0 ? "1e999" : "-1e999") }
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(value) }
        let units = Int64(scaled)
        let negative = value < 0 && units != 0
        let whole = units / Int64(scale)
        var fraction = String(units % Int64(scale))
        if decimals > 0 {
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        if trimZeros {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        var text = (negative ? "-" : "") + String(whole)
        if decimals > 0, !fraction.isEmpty { text += "." + fraction }
        return text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(n, 0) { result *= 10 }
        return result
    }
}
