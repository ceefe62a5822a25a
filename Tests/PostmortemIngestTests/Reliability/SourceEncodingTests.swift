import Testing

@testable import PostmortemIngest

@Suite("SourceEncoding: bytes to UTF-8 before detection")
struct SourceEncodingTests {
    @Test("Valid UTF-8 is kept byte for byte")
    func utf8Kept() {
        let bytes = Array("Zürich 9:05 AM PDT".utf8)
        #expect(SourceEncoding.normalize(bytes) == SourceEncoding.Outcome(bytes: bytes, guessedFrom: nil))
    }

    @Test("UTF-16 LE and BE with a BOM become UTF-8 with a UTF-8 BOM", arguments: [
        ([0xFF, 0xFE, 0x5A, 0x00, 0xFC, 0x00, 0x19, 0x20] as [UInt8]),
        ([0xFE, 0xFF, 0x00, 0x5A, 0x00, 0xFC, 0x20, 0x19] as [UInt8]),
    ])
    func utf16(bytes: [UInt8]) {
        #expect(SourceEncoding.normalize(bytes).bytes == [0xEF, 0xBB, 0xBF] + Array("Zü’".utf8))
    }

    @Test("A lone surrogate and an odd trailing byte in UTF-16 do not stop decoding")
    func brokenUTF16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43]
        #expect(SourceEncoding.normalize(bytes).bytes == [0xEF, 0xBB, 0xBF] + Array("A\u{FFFD}B".utf8))
    }

    @Test("Undeclared Windows-1252: every high byte decoded, the first bad offset kept")
    func windows1252() {
        let bytes: [UInt8] = Array("Z".utf8) + [0xFC, 0x72, 0x69, 0x63, 0x68, 0x20, 0x80, 0x92, 0x81, 0x9F]
        let outcome = SourceEncoding.normalize(bytes)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "Zürich €’\u{81}Ÿ")
        #expect(outcome.guessedFrom == 1)
    }

    @Test("A declared non-UTF-8 charset is left for libxml2", arguments: [
        "<meta charset=\"iso-8859-1\">", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">",
        "<?xml version=\"1.0\" encoding='ISO-8859-15'?>",
    ])
    func declared(declaration: String) {
        let bytes = Array(declaration.utf8) + [0x5A, 0xFC]
        #expect(SourceEncoding.normalize(bytes) == SourceEncoding.Outcome(bytes: bytes, guessedFrom: nil))
    }

    @Test("A page that claims UTF-8 but is not is decoded as Windows-1252 too")
    func falseUTF8Claim() {
        let bytes = Array("<meta charset=utf-8>Z".utf8) + [0xFC]
        #expect(SourceEncoding.normalize(bytes).guessedFrom == 21)
        #expect(String(decoding: SourceEncoding.normalize(bytes).bytes, as: UTF8.self) == "<meta charset=utf-8>Zü")
    }

    @Test("First invalid UTF-8 offsets: overlong, surrogate, truncated and out-of-range sequences", arguments: [
        ([0x41, 0xC0, 0x80] as [UInt8], 1), ([0x41, 0x42, 0xED, 0xA0, 0x80] as [UInt8], 2),
        ([0xE2, 0x82] as [UInt8], 0), ([0x41, 0xF4, 0x90, 0x80, 0x80] as [UInt8], 1),
        ([0xF0, 0x9F, 0x98, 0x80, 0xFF] as [UInt8], 4),
    ])
    func invalidOffsets(bytes: [UInt8], offset: Int) {
        #expect(SourceEncoding.firstInvalidUTF8Offset(bytes) == offset)
        #expect(!SourceEncoding.isValidUTF8(bytes))
    }
}
