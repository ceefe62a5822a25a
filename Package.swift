// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "postmortem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "postmortem", targets: ["postmortem"]),
        .library(name: "PostmortemTimeline", targets: ["PostmortemTimeline"]),
        .library(name: "PostmortemIngest", targets: ["PostmortemIngest"]),
        .library(name: "PostmortemArchive", targets: ["PostmortemArchive"]),
        .library(name: "PostmortemMetrics", targets: ["PostmortemMetrics"]),
        .library(name: "RecoveryModel", targets: ["RecoveryModel"]),
        .library(name: "PostmortemReports", targets: ["PostmortemReports"]),
        .library(name: "PostmortemPipeline", targets: ["PostmortemPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Only the bench uses Ink: it renders the Markdown corpus to web pages at bench time.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "PostmortemTimeline"),
        .target(
            name: "PostmortemIngest",
            dependencies: ["PostmortemTimeline", "CLibXML2"]
        ),
        .target(
            name: "PostmortemArchive",
            dependencies: ["PostmortemTimeline", "PostmortemIngest", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "PostmortemMetrics",
            dependencies: ["PostmortemTimeline", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Policies"), .copy("Profiles")]
        ),
        .target(
            name: "RecoveryModel",
            dependencies: [
                "PostmortemMetrics", "PostmortemTimeline",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "BitCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PostmortemReports",
            dependencies: ["PostmortemMetrics", "PostmortemTimeline"]
        ),
        .target(
            name: "PostmortemPipeline",
            dependencies: [
                "PostmortemTimeline", "PostmortemIngest", "PostmortemArchive", "PostmortemMetrics", "RecoveryModel",
                "PostmortemReports", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "postmortem",
            dependencies: [
                "PostmortemTimeline", "PostmortemIngest", "PostmortemArchive", "PostmortemMetrics",
                "RecoveryModel", "PostmortemReports", "PostmortemPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "postmortem-bench",
            dependencies: [
                "PostmortemTimeline", "PostmortemIngest", "PostmortemArchive", "PostmortemMetrics", "RecoveryModel",
                "PostmortemPipeline", "PostmortemReports", "CLibXML2",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // Shared helpers for the test targets (fixture paths); not a product.
        .target(name: "PostmortemTestSupport", path: "Tests/PostmortemTestSupport"),
        .testTarget(name: "PostmortemTimelineTests", dependencies: ["PostmortemTimeline"]),
        .testTarget(
            name: "PostmortemIngestTests",
            dependencies: ["PostmortemTestSupport", "PostmortemIngest", "PostmortemTimeline"]
        ),
        .testTarget(
            name: "PostmortemArchiveTests",
            dependencies: [
                "PostmortemArchive", "PostmortemIngest", "PostmortemTimeline", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "PostmortemMetricsTests",
            dependencies: ["PostmortemTestSupport", "PostmortemMetrics", "PostmortemIngest", "PostmortemTimeline"]
        ),
        .testTarget(
            name: "RecoveryModelTests",
            dependencies: [
                "RecoveryModel", "PostmortemMetrics", "PostmortemTimeline",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "PostmortemReportsTests",
            dependencies: ["PostmortemTestSupport", "PostmortemReports", "PostmortemMetrics", "PostmortemIngest", "PostmortemTimeline"]
        ),
        .testTarget(
            name: "PostmortemPipelineTests",
            dependencies: ["PostmortemTestSupport", "PostmortemPipeline", "PostmortemReports", "PostmortemMetrics", "PostmortemTimeline", "RecoveryModel"]
        ),
        .testTarget(name: "postmortemTests", dependencies: ["postmortem", "PostmortemTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
