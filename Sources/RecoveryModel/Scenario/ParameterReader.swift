import Foundation
import PostmortemTimeline

/// Typed access to a scenario's parameters for one model. Every read is recorded, so a key the
/// model never read (a typo) is reported as unknown, and errors name the key and its line.
public struct ParameterReader: Sendable {
    public let scenario: Scenario
    private var read: Set<String> = []

    public init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    private mutating func entry(_ key: String) throws(ScenarioError) -> Scenario.Entry {
        read.insert(key)
        guard let entry = scenario.parameters.first(where: { $0.key == key }) else {
            throw .missingKey(file: scenario.file, key: key)
        }
        return entry
    }

    private func invalid(_ entry: Scenario.Entry, _ message: String) -> ScenarioError {
        .invalidValue(file: scenario.file, line: entry.line, key: entry.key, message: message)
    }

    /// A number within `range`.
    public mutating func double(_ key: String, in range: ClosedRange<Double>) throws(ScenarioError) -> Double {
        let entry = try entry(key)
        guard let value = Double(entry.value), value.isFinite else {
            throw invalid(entry, "'\(entry.value)' is not a number")
        }
        guard range.contains(value) else {
            throw invalid(entry, "\(entry.value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A whole number within `range`.
    public mutating func int(_ key: String, in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
        let entry = try entry(key)
        guard let value = Int(entry.value) else {
            throw invalid(entry, "'\(entry.value)' is not a whole number")
        }
        guard range.contains(value) else {
            throw invalid(entry, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// An ISO 8601 instant, as seconds since the epoch.
    public mutating func instant(_ key: String) throws(ScenarioError) -> Int64 {
        let entry = try entry(key)
        guard let instant = Instant(iso8601: entry.value) else {
            throw invalid(entry, "'\(entry.value)' is not an ISO 8601 instant")
        }
        return instant.secondsSinceEpoch
    }

    /// An ISO 8601 instant, or `none` for an intervention that never happens (`Int64.max`).
    public mutating func instantOrNever(_ key: String) throws(ScenarioError) -> Int64 {
        if scenario.value(key) == "none" {
            read.insert(key)
            return Int64.max
        }
        return try instant(key)
    }

    /// A retry policy name.
    public mutating func retryPolicy(_ key: String) throws(ScenarioError) -> RetryPolicy {
        let entry = try entry(key)
        guard let policy = RetryPolicy(rawValue: entry.value) else {
            let names = RetryPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid(entry, "'\(entry.value)' is not one of \(names)")
        }
        return policy
    }

    /// `true` or `false`.
    public mutating func bool(_ key: String) throws(ScenarioError) -> Bool {
        let entry = try entry(key)
        switch entry.value {
        case "true": return true
        case "false": return false
        default: throw invalid(entry, "'\(entry.value)' is not true or false")
        }
    }

    /// A comma-separated list of positive whole numbers.
    public mutating func intList(_ key: String) throws(ScenarioError) -> [Int] {
        let entry = try entry(key)
        var values: [Int] = []
        for part in entry.value.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let value = Int(text), value > 0 else {
                throw invalid(entry, "'\(text)' is not a positive whole number")
            }
            values.append(value)
        }
        guard !values.isEmpty else { throw invalid(entry, "expected at least one number") }
        return values
    }

    /// Fails on the first parameter the model did not read.
    public func rejectUnread() throws(ScenarioError) {
        if let stray = scenario.parameters.first(where: { !read.contains($0.key) }) {
            throw .unknownKey(file: scenario.file, line: stray.line, key: stray.key)
        }
    }
}
