import Foundation
import FuzzSupport
import PostmortemMetrics

/// SLA policy files are user data: any text must decode or fail with `MetricsError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? SLAPolicy.decode(yaml: FuzzInput.text(start, count), file: "fuzz.yaml")
    return 0
}

exit(FuzzInput.run(fuzzPolicyYAML))
