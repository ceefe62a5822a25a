/// A value a data file writes as one of a few words (`period: calendar-month`): a word it does
/// not know is an error that lists the words it knows, not Swift's "Cannot initialize Kind".
public protocol DataFileKeyword: RawRepresentable, CaseIterable, Codable where RawValue == String {}

extension DataFileKeyword {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let value = Self(rawValue: word) else {
            let words = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(word)' is not one of: \(words)")
        }
        self = value
    }
}
