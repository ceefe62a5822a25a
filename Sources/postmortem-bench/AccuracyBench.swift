import ArgumentParser
import Foundation
import Ink
import PostmortemIngest
import PostmortemTimeline

/// How well the prose reader finds impact windows in real postmortems, as Markdown, as web pages
/// and as plain text, and how fast it reads them.
struct AccuracyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Impact windows found in a corpus of real postmortems vs its EXPECTED.tsv (Markdown, web page and plain-text renderings), and the prose reader's speed.")

    @Option(help: "The corpus folder (with EXPECTED.tsv). Default: ../shared/corpora/postmortems beside the package.")
    var corpus: String?
    @Option(help: "Minutes a found start or end may differ from the expected one.") var tolerance = 15
    @Option(help: "Timed runs for the speed figure (the median is reported).") var runs = 5
    @Option(help: "Passes over the corpus in each timed run (more passes give a steadier figure).") var `repeat` = 1
    @Flag(help: "Measure only the prose reader's speed; skip the accuracy tables.") var speedOnly = false
    @Flag(help: "Print only the figures, not every incident.") var quiet = false
    @Flag(help: "Print every incident of every rendering, not only the misses of the web page and plain-text renderings.") var all = false
    @Option(help: "Print one corpus file's web-page and plain-text renderings (the path inside the corpus) and stop.") var showRendering: String?

    func run() throws {
        // Without --corpus: the development corpus (when present) and the generality probes the
        // project keeps, each scored, then both figures side by side.
        var folders = corpus.map { [$0] } ?? []
        if corpus == nil {
            if FileManager.default.fileExists(atPath: Self.defaultCorpus + "/EXPECTED.tsv") { folders.append(Self.defaultCorpus) }
            folders.append(Self.generalityCorpus)
            folders.append(Self.webGeneralityCorpus)
        }
        // --show-rendering names a file of one folder.
        if showRendering != nil { folders = Array(folders.prefix(1)) }
        var figures: [(folder: String, lines: [String])] = []
        for (index, folder) in folders.enumerated() {
            if index > 0 { print("") }
            let lines = try run(folder: folder, measureSpeed: index == 0)
            figures.append((folder, lines))
        }
        guard figures.count > 1, !speedOnly else { return }
        print("")
        print("Every set, within \(tolerance) minutes at both ends:")
        print("")
        print("| set | rendering | incidents | hits | hits, ambiguous rows with either reading | unambiguous rows | read with --reference-date |")
        print("|---|---|---|---|---|---|---|")
        for (folder, lines) in figures {
            let name =
                folder == Self.generalityCorpus
                ? "generality probes" : folder == Self.webGeneralityCorpus ? "web and text probes" : "development corpus"
            for line in lines { print("| \(name) " + line) }
        }
    }

    /// The postmortems of the project's own in shapes the development corpus lacks, with
    /// hand-worked windows (always present, unlike the corpus).
    static var generalityCorpus: String { fixtureFolder("generality") }

    /// Web pages and plain-text files in the shapes sites and mail programs produce, scored as
    /// they are.
    static var webGeneralityCorpus: String { fixtureFolder("web-generality") }

    static func fixtureFolder(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/postmortems/" + name).path
    }

    /// Scores one corpus folder (unless --speed-only) and, when asked, times the reader on it;
    /// returns the summary rows of its renderings.
    func run(folder: String, measureSpeed: Bool) throws -> [String] {
        let rows = try ExpectedRow.load(folder + "/EXPECTED.tsv")
        let files = rows.map(\.file).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var sources: [String: [UInt8]] = [:]
        for file in files { sources[file] = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))) }
        if let file = showRendering {
            for rendering in Self.renderings.dropFirst() where rendering.applies(file) {
                print("== \(rendering.name)")
                print(String(decoding: rendering.convert(file, sources[file] ?? []), as: UTF8.self))
            }
            return []
        }
        let summaries = speedOnly ? [] : score(files: files, rows: rows, sources: sources, folder: folder)
        guard measureSpeed else { return summaries }
        // Speed: the prose reader alone over the corpus as published.
        let inputs = files.map { SourceInput(path: $0, bytes: sources[$0] ?? []) }
        let passes = max(`repeat`, 1)
        let megabytes = Double(inputs.reduce(0) { $0 + $1.bytes.count } * passes) / 1e6
        // Wall clock and this process's CPU time for each run: on the shared machine the wall
        // clock says more about the load than about the reader, so both are printed.
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        for _ in 0..<max(runs, 1) {
            let cpuStart = ArchiveBench.cpuSeconds()
            seconds.append(
                time {
                    var found = 0
                    for _ in 0..<passes { found += inputs.reduce(0) { $0 + ((try? Ingest.parse($1))?.incidents.count ?? 0) } }
                    return found
                })
            cpuSeconds.append(ArchiveBench.cpuSeconds() - cpuStart)
        }
        let row = BenchRow(name: "prose reader", megabytes: megabytes, seconds: seconds, peakMegabytes: nil)
        let cpuRow = BenchRow(name: "prose reader (CPU)", megabytes: megabytes, seconds: cpuSeconds, peakMegabytes: nil)
        if !speedOnly { print("") }
        let passText = passes > 1 ? ", \(passes) passes each" : ""
        print("Prose reader speed: \(String(format: "%.3f", megabytes)) MB in \(String(format: "%.3f", row.median)) s of wall clock (median of \(seconds.count)\(passText)) = \(String(format: "%.1f", row.throughput)) MB/s wall (target 5 MB/s)")
        print("Prose reader speed: \(String(format: "%.3f", megabytes)) MB in \(String(format: "%.3f", cpuRow.median)) s of CPU time (median of \(cpuSeconds.count)\(passText)) = \(String(format: "%.1f", cpuRow.throughput)) MB/s CPU (target 5 MB/s)")
        return summaries
    }

    /// One way of reading a corpus's files: the files it applies to and the bytes it reads.
    struct Rendering: Sendable {
        var name: String
        /// Reads the files as they are (every incident is printed, not only the misses).
        var asPublished: Bool
        var applies: @Sendable (String) -> Bool
        var convert: @Sendable (String, [UInt8]) -> [UInt8]
    }

    /// A Markdown file is scored as published, as a web page and as plain text made from it; a
    /// web page or a text file is scored as it is, never re-rendered.
    static let renderings: [Rendering] = [
        Rendering(name: "Markdown (as published)", asPublished: true, applies: CorpusRendering.isMarkdown) { _, bytes in bytes },
        Rendering(name: "web page (Ink-rendered HTML)", asPublished: false, applies: CorpusRendering.isMarkdown) { file, bytes in
            CorpusRendering.html(file: file, markdown: bytes)
        },
        Rendering(name: "plain text", asPublished: false, applies: CorpusRendering.isMarkdown) { _, bytes in CorpusRendering.plainText(markdown: bytes) },
        Rendering(name: "web page (as published)", asPublished: true, applies: CorpusRendering.isWebPage) { _, bytes in bytes },
        Rendering(name: "web page saved as text", asPublished: false, applies: CorpusRendering.isWebPage) { _, bytes in
            CorpusRendering.visibleText(html: bytes)
        },
        Rendering(name: "plain text (as published)", asPublished: true, applies: { !CorpusRendering.isMarkdown($0) && !CorpusRendering.isWebPage($0) }) {
            _, bytes in bytes
        },
    ]

    /// Scores every rendering of the corpus against EXPECTED.tsv and prints the tables.
    @discardableResult
    func score(files: [String], rows: [ExpectedRow], sources: [String: [UInt8]], folder: String) -> [String] {
        // Only the renderings some file of this folder takes, so a Markdown corpus prints what it did.
        let renderings = Self.renderings.filter { rendering in files.contains { rendering.applies($0) } }
        var summaries: [String] = []
        // Per folder of the corpus (one organisation's style each): incidents, and hits per rendering.
        var folders: [String] = []
        var folderRows: [String: Int] = [:]
        var folderHits: [[String: Int]] = Array(repeating: [:], count: renderings.count)
        for (index, rendering) in renderings.enumerated() {
            var score = Score()
            for file in files where rendering.applies(file) {
                let bytes = rendering.convert(file, sources[file] ?? [])
                let expected = rows.filter { $0.file == file }
                let reference = (expected.first?.start ?? expected.first?.end)?.civil().date
                let (outcome, usedReference) = Self.read(file: file, bytes: bytes, reference: reference)
                if usedReference { score.withReference += expected.count }
                for row in expected {
                    let verdict = Verdict(row: row, outcome: outcome, tolerance: tolerance)
                    score.add(verdict, ambiguous: row.ambiguous)
                    let folderName = row.file.split(separator: "/").first.map(String.init) ?? row.file
                    if !folders.contains(folderName) { folders.append(folderName) }
                    if index == renderings.firstIndex(where: { $0.applies(file) }) { folderRows[folderName, default: 0] += 1 }
                    if verdict.strictHit { folderHits[index][folderName, default: 0] += 1 }
                    if !quiet, all || rendering.asPublished || !verdict.hit { print("[\(rendering.name)] \(verdict.line)\(usedReference ? " (with --reference-date)" : "")") }
                }
            }
            summaries.append("| \(rendering.name) | \(score.rows) | \(score.strict) (\(Self.percent(score.strict, score.rows))) | \(score.either) (\(Self.percent(score.either, score.rows))) | \(score.unambiguousHits)/\(score.unambiguous) | \(score.withReference) |")
        }
        print("")
        print("Corpus: \(folder) (\(files.count) files, \(rows.count) incidents); within \(tolerance) minutes at both ends.")
        print("")
        print("| rendering | incidents | hits | hits, ambiguous rows with either reading | unambiguous rows | read with --reference-date |")
        print("|---|---|---|---|---|---|")
        for line in summaries { print(line) }
        print("")
        print("| folder | incidents | " + renderings.map(\.name).joined(separator: " | ") + " |")
        print("|---|---|" + renderings.map { _ in "---|" }.joined())
        for folderName in folders {
            print("| \(folderName) | \(folderRows[folderName] ?? 0) | " + folderHits.map { String($0[folderName] ?? 0) }.joined(separator: " | ") + " |")
        }
        return summaries
    }

    /// `../shared/corpora/postmortems` beside the package, looking further up for a package
    /// checked out as a worktree deeper down (`/work/wt/NAME` beside `/work/shared`).
    static var defaultCorpus: String {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let first = folder.deletingLastPathComponent().appendingPathComponent("shared/corpora/postmortems").path
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/corpora/postmortems").path
            if FileManager.default.fileExists(atPath: candidate + "/EXPECTED.tsv") { return candidate }
        }
        return first
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.0f%%", 100 * Double(part) / Double(whole))
    }

    /// What the reader made of one file: its incidents, or the error it gave.
    enum Outcome {
        case incidents([Incident])
        case failed(IngestError)
    }

    /// Reads without hints; a text whose times name no year is read again with the expected
    /// start's day as `--reference-date`, as the corpus README allows for a measurement run.
    static func read(file: String, bytes: [UInt8], reference: CivilDate?) -> (outcome: Outcome, usedReference: Bool) {
        do {
            return (.incidents(try Ingest.parse(SourceInput(path: file, bytes: bytes)).incidents), false)
        } catch {
            guard let reference, error.description.contains("--reference-date") else { return (.failed(error), false) }
            do {
                return (.incidents(try Ingest.parse(SourceInput(path: file, bytes: bytes), options: IngestOptions(referenceDate: reference)).incidents), true)
            } catch {
                return (.failed(error), true)
            }
        }
    }

    struct Score {
        var rows = 0
        var strict = 0
        var either = 0
        var unambiguous = 0
        var unambiguousHits = 0
        /// Incidents whose text names no year, read with `--reference-date`.
        var withReference = 0

        mutating func add(_ verdict: Verdict, ambiguous: Bool) {
            rows += 1
            if verdict.strictHit { strict += 1 }
            if verdict.hit { either += 1 }
            if !ambiguous {
                unambiguous += 1
                if verdict.strictHit { unambiguousHits += 1 }
            }
        }
    }
}

/// One row of EXPECTED.tsv.
struct ExpectedRow {
    var file: String
    var index: Int
    var start: Instant?
    var end: Instant?
    var ambiguous: Bool

    static func load(_ path: String) throws -> [ExpectedRow] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [ExpectedRow] = []
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 6, let index = Int(cells[1]) else { continue }
            rows.append(
                ExpectedRow(
                    file: cells[0], index: index, start: Self.instant(cells[2]), end: Self.instant(cells[3]), ambiguous: cells[5] == "yes"))
        }
        return rows
    }

    /// `2020-10-28T15:22Z`.
    static func instant(_ cell: String) -> Instant? {
        guard !cell.isEmpty else { return nil }
        return Instant(iso8601: cell.replacingOccurrences(of: "Z", with: ":00Z"))
    }
}

/// Whether the reader's window for one expected incident is right.
struct Verdict {
    var strictHit: Bool
    /// Also counting, for an ambiguous row, the reading an hour either way (the daylight-time
    /// reading of a zone label, or the neighbouring zone the row's notes give).
    var hit: Bool
    var line: String

    init(row: ExpectedRow, outcome: AccuracyBench.Outcome, tolerance: Int) {
        let name = "\(row.file)#\(row.index)"
        let expected = "expected \(Self.show(row.start))-\(Self.show(row.end))"
        switch outcome {
        case .failed(let error):
            // A text with no time at all, where none is expected, is read right when it says so.
            let right = row.start == nil && row.end == nil
            strictHit = right
            hit = right
            line = "\(right ? "HIT " : "MISS") \(name) \(expected) error: \(error)"
        case .incidents(let incidents):
            guard row.index - 1 < incidents.count else {
                strictHit = false
                hit = false
                line = "MISS \(name) \(expected) found only \(incidents.count) incident(s)"
                return
            }
            let incident = incidents[row.index - 1]
            let start = incident.impactStart?.time
            let end = incident.impactEnd?.time
            func close(_ a: Instant?, _ b: Instant?, shift: Int64) -> Bool {
                guard let a, let b else { return a == nil && b == nil }
                return abs(b.seconds(until: a.adding(seconds: shift))) <= Int64(tolerance * 60)
            }
            strictHit = close(row.start, start, shift: 0) && close(row.end, end, shift: 0)
            hit = strictHit || (row.ambiguous && [-3600, 3600].contains { close(row.start, start, shift: $0) && close(row.end, end, shift: $0) })
            let rules = "[\(incident.impactStart?.rule ?? "-") / \(incident.impactEnd?.rule ?? "-")]"
            line = "\(strictHit ? "HIT " : hit ? "HIT~" : "MISS") \(name) \(expected) found \(Self.show(start))-\(Self.show(end)) \(rules)"
        }
    }

    static func show(_ instant: Instant?) -> String {
        guard let instant else { return "none" }
        return String(instant.iso8601.prefix(16))
    }
}

/// The corpus's Markdown as a web page and as plain text, made at bench time and never stored.
enum CorpusRendering {
    static func isMarkdown(_ file: String) -> Bool { file.hasSuffix(".md") || file.hasSuffix(".markdown") }
    static func isWebPage(_ file: String) -> Bool { file.hasSuffix(".html") || file.hasSuffix(".htm") }

    /// A page as a blog would publish it: a title, navigation, the article, a footer.
    static func html(file: String, markdown: [UInt8]) -> [UInt8] {
        let parsed = MarkdownParser().parse(commonMarkForInk(String(decoding: markdown, as: UTF8.self)))
        let title = parsed.metadata["title"] ?? parsed.title ?? file
        let page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body><header><nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/status">Status</a></nav></header>
            <main><article>
            \(parsed.html)
            </article></main>
            <aside>Subscribe to our newsletter</aside>
            <footer>Copyright the authors. All rights reserved.</footer></body></html>
            """
        return Array(page.utf8)
    }

    /// The text a reader would save from the page, as a text export writes it: every block on
    /// its own with blank lines between, list items with a bullet, table rows as `| a | b |`,
    /// links written out after their text (`Slack thread (https://...)`), code blocks left out.
    static func plainText(markdown: [UInt8]) -> [UInt8] {
        let document = BlockDocument.read(text: linksWrittenOut(String(decoding: markdown, as: UTF8.self)))
        var out: [String] = []
        if let title = document.metadata.title { out.append(title) }
        for block in document.blocks {
            switch block.kind {
            case .code: continue
            case .listItem: out.append("- " + block.text)
            case .tableRow: out.append("| " + block.cells.joined(separator: " | ") + " |")
            case .heading, .paragraph: out.append(block.text)
            }
        }
        return Array(out.joined(separator: "\n\n").utf8)
    }

    /// A page as a browser saves it as text: everything visible on it (navigation, banners,
    /// comments and footer included), one line per block, blank lines between.
    static func visibleText(html bytes: [UInt8]) -> [UInt8] {
        let page = bytes.withUnsafeBytes { HTMLDocument(html: $0, url: "page.html") }
        guard let body = page?.first("//body") ?? page?.root else { return [] }
        let title = page?.first("//title")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let lines = body.visibleText.split(separator: "\n").map(String.init)
        return Array(([title].filter { !$0.isEmpty } + lines).joined(separator: "\n\n").utf8)
    }

    /// Two CommonMark shapes Ink does not know, written as Ink reads them, so that the page is
    /// what a site's renderer would publish: an autolink `<https://...>` (Ink leaves it as a tag,
    /// and the rest of the page becomes that tag's text) becomes `[https://...](https://...)`; a
    /// fenced code block indented under a list item (Ink's fence then never closes and swallows
    /// the rest of the document) is moved to the margin.
    static func commonMarkForInk(_ markdown: String) -> String {
        var lines: [String] = []
        var fenceIndent: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let isFence = line.dropFirst(indent).hasPrefix("```")
            if let open = fenceIndent {
                lines.append(String(line.dropFirst(min(indent, open))))
                if isFence { fenceIndent = nil }
            } else if isFence, indent > 0 {
                fenceIndent = indent
                lines.append(String(line.dropFirst(indent)))
            } else {
                lines.append(autolinksWrittenOut(String(line)))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `<https://example.org/x>` as `[https://example.org/x](https://example.org/x)`.
    static func autolinksWrittenOut(_ line: String) -> String {
        guard line.contains("<http") else { return line }
        var out = ""
        var rest = Substring(line)
        while let open = rest.range(of: "<http") {
            guard let close = rest[open.upperBound...].firstIndex(where: { $0 == ">" || $0 == " " }), rest[close] == ">" else { break }
            let url = rest[rest.index(after: open.lowerBound)..<close]
            out += rest[..<open.lowerBound] + "[\(url)](\(url))"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `[text](url)` as `text (url)`, as a text export keeps a link's address; a link whose text
    /// is its address is written once.
    static func linksWrittenOut(_ markdown: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let close = rest.range(of: "](") {
            guard let open = rest[..<close.lowerBound].lastIndex(of: "["),
                let end = rest[close.upperBound...].firstIndex(where: { $0 == ")" || $0 == "\n" }), rest[end] == ")"
            else {
                out += rest[..<close.upperBound]
                rest = rest[close.upperBound...]
                continue
            }
            let text = rest[rest.index(after: open)..<close.lowerBound]
            let url = rest[close.upperBound..<end]
            out += rest[..<open]
            out += text == url ? String(url) : "\(text) (\(url))"
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
