import Foundation
import FuzzSupport
import RecoveryModel

/// Scenario files are user data: any text must parse and validate, or fail with `ScenarioError`.
/// The model itself is not run (a valid scenario simulates days of cluster time); only the
/// reading and range checks every run goes through.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let scenario = try? Scenario.parse(FuzzInput.text(start, count), file: "fuzz.yaml") else { return 0 }
    var reader = ParameterReader(scenario)
    switch scenario.model {
    case "ebs-cluster": _ = try? EBSParameters(reading: &reader)
    case "gossip": _ = try? GossipParameters(reading: &reader)
    default: return 0
    }
    _ = try? reader.rejectUnread()
    return 0
}

exit(FuzzInput.run(fuzzScenarioYAML))
