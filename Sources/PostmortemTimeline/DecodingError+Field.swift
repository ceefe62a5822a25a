extension DecodingError {
    /// The key path the error is about, written as in the file (`tiers[1].credit`), and a short
    /// message, so data-file errors can name the field to fix.
    public var fieldAndMessage: (field: String, message: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "(document)" : text
        }
        switch self {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is missing")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "has the wrong type (expected \(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "has no value (expected \(type))")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("(document)", "\(self)")
        }
    }
}

extension CivilDate {
    /// Parses `YYYY-MM-DD`; `nil` for anything else or a day that does not exist.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }
}
