import PostmortemTestSupport
import Foundation
import PostmortemTimeline
import Testing

@testable import PostmortemIngest

/// Reads a file from `Fixtures/hostile` the way the CLI does, but names it by its short path.
enum Hostile {
    static func read(_ name: String, options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestResult {
        let bytes = try SourceFile.read(FixturePath.resolve("Fixtures/hostile/" + name))
        return try Ingest.parse(SourceInput(path: name, bytes: bytes), options: options)
    }

    static func texts(_ result: IngestResult) -> [String] {
        result.incidents.flatMap(\.events).map(\.text)
    }

    static func times(_ result: IngestResult) -> [String] {
        result.incidents.flatMap(\.events).map(\.time.iso8601)
    }
}

@Suite("Hostile inputs: what cannot be read is an error naming the file")
struct HostileErrorTests {
    @Test("Files that hold no status page at all", arguments: [
        "random-bytes.bin", "binary-named.html",
    ])
    func notAFormat(name: String) {
        let error = #expect(throws: IngestError.self) { try Hostile.read(name) }
        #expect(error?.file == name)
        #expect(error?.description.hasPrefix("\(name): not a format postmortem reads (tried: ") == true)
    }

    /// Since issue 12 a web page that is no status page is read as a postmortem; one with no time
    /// of day is an error naming the file.
    @Test("A web page with no status page and no time of day")
    func webPageWithoutTimes() {
        let name = "not-a-status-page.html"
        let error = #expect(throws: IngestError.self) { try Hostile.read(name) }
        #expect(error?.file == name)
        #expect(error?.description == "\(name): no timeline found; expected postmortem prose with dated times such as '12:47 AM PDT on April 21st' or '14:05 UTC' (the text holds no time of day).")
    }

    @Test("A heading year beyond four digits is no date (it once overflowed day arithmetic)")
    func yearOutOfRange() {
        #expect(throws: IngestError.noTimeline(
            file: "year-out-of-range.html", expected: "a title such as 'Amazon Simple Storage Service (US) Event: July 20, 2008'")) {
            try Hostile.read("year-out-of-range.html")
        }
        #expect(!CivilDate(year: 999_999_999_999_999, month: 7, day: 20).isValid)
        #expect(CivilDate(year: 9999, month: 12, day: 31).isValid)
        #expect(!CivilDate(year: 0, month: 1, day: 1).isValid)
    }

    @Test("An empty file")
    func empty() {
        #expect(throws: IngestError.empty(file: "empty.html")) { try Hostile.read("empty.html") }
    }

    @Test("Only NUL bytes and white space count as empty")
    func nulOnly() {
        #expect(throws: IngestError.empty(file: "nul.html")) {
            try Ingest.parse(SourceInput(path: "nul.html", bytes: [0, 0, 10, 0, 32, 13, 9]))
        }
    }

    @Test("A byte-order mark followed by white space is empty too", arguments: [
        [0xEF, 0xBB, 0xBF, 10] as [UInt8], [0xFF, 0xFE, 32, 0, 10, 0] as [UInt8], [0xFE, 0xFF] as [UInt8],
    ])
    func bomOnly(bytes: [UInt8]) {
        #expect(throws: IngestError.empty(file: "bom.html")) { try Ingest.parse(SourceInput(path: "bom.html", bytes: bytes)) }
    }

    @Test("A path through a file is unreadable, with the system's reason")
    func notADirectory() {
        let path = FixturePath.resolve("Fixtures/hostile/empty.html/update.html")
        #expect(throws: IngestError.unreadable(file: path, reason: "not a directory")) { try Ingest.read(path: path) }
    }

    @Test("A device that never ends stops at the size limit", arguments: [(1 << 20, "1 MiB"), (65_536, "64 KiB")])
    func endlessDevice(limit: Int, text: String) {
        #expect(throws: IngestError.unreadable(file: "/dev/zero", reason: "it is larger than \(text), the most postmortem reads from one file")) {
            try SourceFile.read("/dev/zero", limit: limit)
        }
    }

    @Test("A file of exactly the limit is read; one byte more is not")
    func limitEdge() throws {
        let path = FixturePath.resolve("Fixtures/hostile/s3-four-updates.html")
        #expect(try SourceFile.read(path, limit: 1211).count == 1211)
        #expect(throws: IngestError.unreadable(file: path, reason: "it is larger than 1210 bytes, the most postmortem reads from one file")) {
            try SourceFile.read(path, limit: 1210)
        }
        #expect(SourceFile.maximumSize == 1_073_741_824)
    }

    @Test("A missing path and a directory are unreadable")
    func missingAndDirectory() {
        #expect(throws: IngestError.unreadable(file: "Fixtures/hostile/gone.html", reason: "no such file")) {
            try Ingest.read(path: "Fixtures/hostile/gone.html")
        }
        let folder = FixturePath.resolve("Fixtures/hostile")
        #expect(throws: IngestError.unreadable(file: folder, reason: "it is a directory, not a file")) {
            try Ingest.read(path: folder)
        }
    }
}

@Suite("Hostile inputs: damaged pages keep every update that can be read")
struct DamagedPageTests {
    @Test("Cut in the middle of an update: three updates, the last one cut short")
    func truncatedMidUpdate() throws {
        let result = try Hostile.read("truncated-mid-update.html")
        #expect(Hostile.times(result) == ["2008-07-20T16:05:00Z", "2008-07-20T17:32:00Z", "2008-07-20T21:03:00Z"])
        #expect(Hostile.texts(result).last == "We have restored all internal communication")
        #expect(result.warnings.isEmpty)
    }

    @Test("Cut inside a tag: the three whole updates before it")
    func truncatedMidTag() throws {
        let result = try Hostile.read("truncated-mid-tag.html")
        #expect(Hostile.times(result) == ["2008-07-20T16:05:00Z", "2008-07-20T17:32:00Z", "2008-07-20T21:03:00Z"])
        #expect(Hostile.texts(result).last?.hasSuffix("continuing to make progress in the US.") == true)
    }

    @Test("Unclosed <li>, <p> and <html>: all four updates")
    func unclosedTags() throws {
        let result = try Hostile.read("unclosed-tags.html")
        #expect(Hostile.times(result) == [
            "2008-07-20T16:05:00Z", "2008-07-20T17:32:00Z", "2008-07-20T21:03:00Z", "2008-07-21T00:00:00Z",
        ])
        #expect(Hostile.texts(result).last == "Amazon S3 service has been restored and is returning to normal.")
        #expect(result.incidents.first?.title == "Amazon Simple Storage Service (US) Event: July 20, 2008")
    }

    @Test("HTTP headers and a note before <!DOCTYPE: the page is read, lines count from the file's start")
    func wrapped() throws {
        let result = try Hostile.read("wrapped-before-doctype.html")
        #expect(Hostile.times(result).count == 4)
        #expect(result.incidents.first?.title == "Amazon Simple Storage Service (US) Event: July 20, 2008")
        #expect(result.incidents.first?.events.first?.source == SourceLocation(file: "wrapped-before-doctype.html", line: 16))
    }

    @Test("NUL bytes and control characters inside text are dropped, the words around them kept")
    func nulAndControl() throws {
        let result = try Hostile.read("nul-and-control.html")
        #expect(Hostile.texts(result) == [
            "We are currently experiencing elevated error rates with S3.[0m",
            "Tab here and formfeed; NUL at end",
            "Recovered.",
        ])
        #expect(!Hostile.texts(result).joined().unicodeScalars.contains { $0.value < 32 && $0 != "\n" })
    }

    @Test("Impossible times and an unknown zone are skipped, each with a warning naming the token")
    func impossibleTimes() throws {
        let result = try Hostile.read("impossible-times.html")
        #expect(Hostile.times(result) == ["2008-07-20T16:05:00Z", "2008-07-21T00:00:00Z"])
        #expect(result.warnings.map(\.description) == [
            "impossible-times.html:12: skipped an update: '25:99 PM PDT' is not a time of day",
            "impossible-times.html:13: skipped an update: 'February 30th, 10:15 AM PDT' names a day that does not exist",
            "impossible-times.html:14: skipped an update: unknown time zone 'XYZT' in '11:45 AM XYZT'",
        ])
    }

    @Test("An unknown zone is never given a guessed offset, even with --zone")
    func unknownZoneWithDefault() throws {
        let options = IngestOptions(defaultZone: ZoneTable.zone(for: "UTC"))
        let result = try Hostile.read("impossible-times.html", options: options)
        #expect(Hostile.times(result) == ["2008-07-20T16:05:00Z", "2008-07-21T00:00:00Z"])
        #expect(result.warnings.contains { $0.message == "skipped an update: unknown time zone 'XYZT' in '11:45 AM XYZT'" })
    }
}

@Suite("Hostile inputs: encodings")
struct EncodingTests {
    @Test("Declared, marked or plain UTF-8, UTF-16 with either BOM, Latin-1 and Windows-1252 by <meta>", arguments: [
        "utf8-no-bom.html", "utf8-undeclared.html", "utf8-bom.html", "utf16le-bom.html", "utf16be-bom.html", "latin1-meta.html",
        "windows1252-meta.html",
    ])
    func declared(name: String) throws {
        let result = try Hostile.read(name)
        let texts = Hostile.texts(result)
        #expect(texts.count == 2)
        #expect(texts.first?.hasPrefix("Customers in Zürich are seeing elevated error rates.") == true)
        #expect(texts.last == "Requests from Zürich are recovering.")
        #expect(result.warnings.isEmpty)
        #expect(Hostile.times(result) == ["2008-07-20T16:05:00Z", "2008-07-20T17:32:00Z"])
    }

    @Test("The curly apostrophe survives every encoding that can write it", arguments: [
        "utf8-no-bom.html", "utf8-bom.html", "utf16le-bom.html", "utf16be-bom.html", "windows1252-meta.html",
        "undeclared-1252.html",
    ])
    func apostrophe(name: String) throws {
        let result = try Hostile.read(name)
        #expect(Hostile.texts(result).first == "Customers in Zürich are seeing elevated error rates. We’re investigating.")
    }

    @Test("Undeclared non-UTF-8 bytes: decoded as Windows-1252, with a warning at the first bad byte")
    func undeclared() throws {
        let result = try Hostile.read("undeclared-1252.html")
        #expect(Hostile.texts(result).last == "Requests from Zürich are recovering.")
        #expect(result.warnings == [
            ParseWarning(
                location: SourceLocation(file: "undeclared-1252.html", line: 11),
                message: "the file declares no charset and byte 490 is not UTF-8; decoded as Windows-1252 (best effort)"),
        ])
    }
}
