import PostmortemTestSupport
import Foundation
import Testing

@testable import PostmortemIngest

@Suite("Inputs that cannot be read")
struct IngestErrorTests {
    @Test("A missing file names the file")
    func missing() {
        #expect(throws: IngestError.unreadable(file: "no/such/file.html", reason: "no such file")) {
            try Ingest.read(path: "no/such/file.html")
        }
    }

    @Test("A directory is not a file")
    func directory() {
        #expect(throws: IngestError.unreadable(file: FixturePath.resolve("Fixtures"), reason: "it is a directory, not a file")) {
            try Ingest.read(path: FixturePath.resolve("Fixtures"))
        }
    }

    @Test("An empty input says what was expected")
    func empty() throws {
        let error = #expect(throws: IngestError.self) {
            try Ingest.parse(SourceInput(path: "empty.html", bytes: Array("  \n".utf8)))
        }
        #expect(error == .empty(file: "empty.html"))
        #expect(error?.description.contains("empty.html") == true)
    }

    @Test("A page with a title but no dated update has no timeline")
    func noTimeline() {
        let html = "<html><body><h2>Amazon S3 (US) Event: July 20, 2008</h2><div>Service Health Dashboard</div></body></html>"
        #expect(throws: IngestError.noTimeline(file: "x.html", expected: "updates that start with a time such as '9:05 AM PDT'")) {
            try Ingest.parse(SourceInput(path: "x.html", bytes: Array(html.utf8)))
        }
    }
}

@Suite("Inputs that are not files")
struct SpecialFileTests {
    @Test("A named pipe with no writer is refused at once, not waited on")
    func namedPipe() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pm-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: IngestError.unreadable(file: path, reason: "it is a named pipe or socket, not a file (save the stream to a file first)")) {
            try Ingest.read(path: path)
        }
    }
}
