import Foundation
import PostmortemIngest

/// Loads the status-page fixtures and parses them under their bare file name, so that
/// locations in results read `statuspage-history-acme-pst.html:20` on every machine.
enum StatusPageFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/status-pages")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func input(_ name: String) throws -> SourceInput {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return SourceInput(path: name, bytes: Array(data))
    }

    static func parse(_ name: String, options: IngestOptions = IngestOptions()) throws -> IngestResult {
        try Ingest.parse(input(name), options: options)
    }
}
