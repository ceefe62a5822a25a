import Foundation
import PostmortemTimeline

/// How a status page turns component statuses into downtime, kept as data: the share of each
/// status that counts as down, whether scheduled maintenance is measured, and service hours.
public struct AccountingProfile: Sendable, Equatable, Codable {
    /// Short name used on the command line: `statuspage`.
    public var id: String
    public var name: String
    /// Where the convention is described.
    public var reference: String
    /// Percent of each component status counted as downtime (`partial_outage: 30`).
    public var statuses: [String: Double]
    public var maintenance: MaintenanceRule
    /// When set, only these hours are measured.
    public var serviceHours: ServiceHours?
    public var notes: String?

    /// The component statuses Statuspage publishes; a profile may weight only these.
    public static let knownStatuses = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]
    public static let maintenanceStatus = "under_maintenance"

    /// Whether time under maintenance is measured at its weight or left out of the measured time.
    public enum MaintenanceRule: String, Sendable, Equatable, Codable, DataFileKeyword {
        case counted
        case excluded
    }

    /// Daily hours (UTC) on the listed weekdays (0 = Sunday ... 6 = Saturday).
    public struct ServiceHours: Sendable, Equatable, Codable {
        public var start: String
        public var end: String
        public var weekdays: [Int]

        /// Minutes after midnight of `start` and `end`, when both read as `HH:MM`.
        var minuteRange: (start: Int, end: Int)? {
            func minutes(_ text: String) -> Int? {
                let parts = text.split(separator: ":")
                guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute)
                else { return nil }
                return hour * 60 + minute
            }
            guard let from = minutes(start), let to = minutes(end), from < to, to <= 1440 else { return nil }
            return (from, to)
        }
    }

    /// The share (0...1) of a status counted as down; statuses the profile does not list count 0.
    public func weight(of status: String) -> Double { (statuses[status] ?? 0) / 100 }

    /// Decodes a profile from YAML text; `file` names it in errors.
    /// - Throws: `MetricsError.invalidProfile` naming the file and the key that is wrong.
    public static func decode(yaml: String, file: String) throws(MetricsError) -> AccountingProfile {
        let data = try YAMLDataFile<MetricsError>(yaml: yaml) { .invalidProfile(file: file, line: $1, field: $0, message: $2) }
        let profile = try data.decode(AccountingProfile.self)
        try data.checking { () throws(MetricsError) in try profile.validate(file: file) }
        return profile
    }

    func validate(file: String) throws(MetricsError) {
        guard !id.isEmpty else { throw .invalidProfile(file: file, field: "id", message: "must not be empty") }
        for (status, weight) in statuses.sorted(by: { $0.key < $1.key }) {
            guard Self.knownStatuses.contains(status) else {
                throw .invalidProfile(
                    file: file, field: "statuses.\(status)",
                    message: "is not a component status (known: \(Self.knownStatuses.joined(separator: ", ")))")
            }
            guard (0...100).contains(weight) else {
                throw .invalidProfile(file: file, field: "statuses.\(status)", message: "must be a percentage between 0 and 100, not \(weight)")
            }
        }
        if let hours = serviceHours {
            guard hours.minuteRange != nil else {
                throw .invalidProfile(file: file, field: "serviceHours", message: "start and end must be times HH:MM with start before end, not '\(hours.start)'-'\(hours.end)'")
            }
            if let day = hours.weekdays.first(where: { !(0...6).contains($0) }) {
                throw .invalidProfile(file: file, field: "serviceHours.weekdays", message: "must be 0 (Sunday) to 6 (Saturday), not \(day)")
            }
        }
    }

    /// Every shipped profile, sorted by id.
    /// - Throws: `MetricsError.invalidProfile` if a shipped file is malformed (a packaging bug);
    ///   `.resourcesUnavailable` if the shipped profiles cannot be found or read.
    public static func shipped() throws(MetricsError) -> [AccountingProfile] {
        var profiles: [AccountingProfile] = []
        for url in try PolicyLibrary.shippedFiles(in: try ShippedResources.folder("Profiles")) {
            profiles.append(try read(path: url.path, file: "Profiles/" + url.lastPathComponent))
        }
        return profiles.sorted { $0.id < $1.id }
    }

    /// A shipped profile by id, or a profile file at a path.
    /// - Throws: `MetricsError.unknownProfile` when neither exists; `.invalidProfile` for a bad file.
    public static func named(_ nameOrPath: String) throws(MetricsError) -> AccountingProfile {
        let profiles = try shipped()
        if let profile = profiles.first(where: { $0.id == nameOrPath }) { return profile }
        guard FileManager.default.fileExists(atPath: nameOrPath) else { throw .unknownProfile(name: nameOrPath, known: profiles.map(\.id)) }
        return try read(path: nameOrPath, file: nameOrPath)
    }

    static func read(path: String, file: String) throws(MetricsError) -> AccountingProfile {
        try decode(yaml: try UserFile.text(at: path, file: file), file: file)
    }
}
