// swift-tools-version: 6.0
// libFuzzer targets for postmortem's parser entry points. Not part of the root package: CI never
// builds it. Build and run with ./run.sh (see README.md).
import PackageDescription

/// SwiftPM names a path dependency after its folder (`postmortem`, or a worktree's name).
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "postmortem"

/// One executable per entry point; its `main.swift` hands `LLVMFuzzerTestOneInput` to libFuzzer.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: root) })
}

let package = Package(
    name: "postmortem-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"]),
        fuzzTarget("fuzz-html", ["PostmortemIngest"]),
        fuzzTarget("fuzz-ingest", ["PostmortemIngest"]),
        fuzzTarget("fuzz-feeds", ["PostmortemIngest"]),
        fuzzTarget("fuzz-prose", ["PostmortemIngest", "PostmortemTimeline"]),
        fuzzTarget("fuzz-policy-yaml", ["PostmortemMetrics"]),
        fuzzTarget("fuzz-manifest-yaml", ["PostmortemPipeline"]),
        fuzzTarget("fuzz-scenario-yaml", ["RecoveryModel"]),
        fuzzTarget("fuzz-archive-json", ["PostmortemIngest"]),
        fuzzTarget("fuzz-snapshots", ["PostmortemIngest", "PostmortemArchive"]),
        fuzzTarget("fuzz-markdown", ["PostmortemIngest", "PostmortemTimeline"]),
        fuzzTarget("fuzz-html-postmortem", ["PostmortemIngest", "PostmortemTimeline"]),
        fuzzTarget("fuzz-store", ["PostmortemArchive", "PostmortemPipeline", "PostmortemReports"]),
    ],
    swiftLanguageModes: [.v6]
)
