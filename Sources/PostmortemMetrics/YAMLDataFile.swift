import Yams

/// Decoding of the data files users edit (policies, profiles), with every failure turned into
/// the caller's error naming the key path (`tiers[1].credit`) and a message.
enum YAMLDataFile {
    /// - Throws: the error `invalid` makes of the field and message.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from yaml: String, invalid: (_ field: String, _ message: String) -> MetricsError
    ) throws(MetricsError) -> Value {
        do {
            return try YAMLDecoder().decode(type, from: yaml)
        } catch let error as DecodingError {
            let (field, message) = error.fieldAndMessage
            throw invalid(field, message)
        } catch {
            throw invalid("(document)", "not valid YAML: \(error)")
        }
    }
}
