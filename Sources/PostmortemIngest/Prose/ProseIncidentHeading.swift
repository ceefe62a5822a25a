/// A heading that numbers one incident of a write-up of several: "Incident 1: runner
/// provisioning stalled", "Outage #2 (Thursday)", "Incident 3 of 4".
enum ProseIncidentHeading {
    static let nouns: Set<String> = ["incident", "outage", "disruption", "event"]

    /// Whether the heading's tokens open with an incident noun and its number.
    static func numbersIncident(_ tokens: [ProseToken]) -> Bool {
        guard tokens.count >= 2, nouns.contains(tokens[0].lower) else { return false }
        var number = Substring(tokens[1].text)
        if number.hasPrefix("#") { number = number.dropFirst() }
        return !number.isEmpty && number.count <= 3 && number.allSatisfy(\.isNumber)
    }
}
