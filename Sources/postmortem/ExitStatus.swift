import ArgumentParser
import Foundation
import PostmortemArchive
import PostmortemIngest
import PostmortemMetrics
import PostmortemPipeline
import PostmortemReports
import RecoveryModel

/// Exit codes, distinct per kind of failure so scripts can tell them apart.
enum ExitStatus {
    /// `check` found a report that drifted from its sources.
    static let drift = ExitCode(1)
    /// The command line itself is wrong (ArgumentParser's own code).
    static let usage = ExitCode(64)
    /// An input was read but holds no usable timeline, or a data file is malformed.
    static let badInput = ExitCode(65)
    /// An input could not be opened or read.
    static let unreadable = ExitCode(66)
    /// Output could not be written.
    static let cannotWrite = ExitCode(73)

    /// Prints `postmortem: <file>:<line>: <message>` to stderr and returns the exit code for `error`.
    static func report(_ error: any Error) -> ExitCode {
        let (message, code): (String, ExitCode)
        switch error {
        case let error as IngestError:
            switch error {
            case .unreadable: code = unreadable
            default: code = badInput
            }
            message = error.description
        case let error as MetricsError:
            switch error {
            case .unknownPolicy, .unknownProfile: code = usage
            case .resourcesUnavailable, .unreadableFile: code = unreadable
            default: code = badInput
            }
            message = error.description
        case let error as OutputFile.Failure:
            code = cannotWrite
            message = error.description
        case let error as PipelineError:
            if case .unreadableManifest = error { code = unreadable } else { code = badInput }
            message = error.description
        case let error as ScenarioError:
            code = error.isUnreadable ? unreadable : badInput
            message = error.description
        case let error as ArchiveError:
            switch error {
            case .missingStore: code = unreadable
            case .database: code = cannotWrite
            default: code = badInput
            }
            message = error.description
        case let error as ShardMerge.Failure:
            code = badInput
            message = error.description
        case let error as UsageError:
            code = usage
            message = error.message
        default:
            code = badInput
            message = "\(error)"
        }
        printError("postmortem: " + message)
        Annotations.error(error)
        return code
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A usage error found after parsing (an option value that does not make sense).
struct UsageError: Error {
    var message: String
}

/// GitHub Actions workflow annotations, printed when `GITHUB_ACTIONS=true` so failures show on the
/// right file in the pull request.
enum Annotations {
    static var enabled: Bool { ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" }

    static func error(_ error: any Error) {
        guard enabled else { return }
        var file: String?
        var line: Int?
        if let error = error as? IngestError {
            file = error.file
            line = error.line
        } else if let error = error as? ArchiveError {
            file = error.file
        }
        annotate(file: file, line: line, message: "\(error)")
    }

    static func annotate(file: String?, line: Int?, message: String, level: String = "error") {
        guard enabled else { return }
        var properties: [String] = []
        if let file { properties.append("file=\(file)") }
        if let line { properties.append("line=\(line)") }
        let escaped = message.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        print("::\(level) \(properties.joined(separator: ","))::\(escaped)")
    }
}

extension ScenarioError {
    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
