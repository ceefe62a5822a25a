/// An amount of money in whole cents, so that sums and percentages never meet binary
/// floating-point rounding (0.1 + 0.2 is exactly 0.30 here).
public struct Money: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var cents: Int64
    /// ISO 4217 code as the bill gives it (`USD`), when it gives one.
    public var currency: String?

    public init(cents: Int64, currency: String? = nil) {
        self.cents = cents
        self.currency = currency
    }

    /// Reads a plain decimal amount (`1234`, `1234.5`, `1234.56`): digits, at most one point and
    /// two decimals, no sign, no thousands separators. `nil` for anything else.
    ///
    /// Hand-written because `Decimal(string:)` accepts text it only partly reads ("12abc" is 12)
    /// and knows nothing of cents.
    public init?(decimal text: some StringProtocol, currency: String? = nil) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 15,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty else { return nil }
        fraction += String(repeating: "0", count: 2 - fraction.count)
        guard let units = Int64(whole), let hundredths = Int64(fraction) else { return nil }
        self.init(cents: units * 100 + hundredths, currency: currency)
    }

    /// `percent` percent of the amount, rounded half up to the cent. The percentage is taken to
    /// hundredths of a percent (tiers are written as 10, 25, 30, 100).
    public func percent(_ percent: Double) -> Money {
        let basisPoints = Int64((percent * 100).rounded())
        let (product, overflow) = cents.multipliedReportingOverflow(by: basisPoints)
        let value = overflow ? Int64((Double(cents) * Double(basisPoints) / 10_000).rounded()) : (product + 5_000) / 10_000
        return Money(cents: value, currency: currency)
    }

    /// `1234.50`, the form used in every output.
    public var amountText: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = String(magnitude % 100)
        return sign + String(magnitude / 100) + "." + (fraction.count == 1 ? "0" : "") + fraction
    }

    /// `1234.50 USD`, or the bare amount when no currency is known.
    public var description: String { currency.map { amountText + " " + $0 } ?? amountText }
}
