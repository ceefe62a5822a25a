import Testing

@testable import PostmortemTimeline

@Suite("Zone table")
struct ZoneTableTests {
    @Test("Abbreviations map to fixed offsets", arguments: [
        ("PDT", -25_200), ("PST", -28_800), ("UTC", 0), ("GMT", 0), ("CET", 3600), ("BST", 3600),
        ("IST", 19_800), ("JST", 32_400), ("KST", 32_400), ("NZDT", 46_800), ("AEDT", 39_600), ("EST", -18_000),
        ("SAST", 7200), ("EAT", 10_800), ("WAT", 3600), ("CAT", 7200),
    ])
    func abbreviations(token: String, offset: Int) {
        #expect(ZoneTable.zone(for: token)?.offsetSeconds == offset)
    }

    @Test("Literal offsets", arguments: [("GMT+08:00", 28_800), ("UTC-5", -18_000), ("UTC+05:30", 19_800), ("+0930", 34_200)])
    func literalOffsets(token: String, offset: Int) {
        #expect(ZoneTable.zone(for: token)?.offsetSeconds == offset)
    }

    @Test("Region words follow US daylight saving")
    func regionWords() {
        let summer = CivilDate(year: 2011, month: 4, day: 21)
        let winter = CivilDate(year: 2011, month: 1, day: 10)
        #expect(ZoneTable.zone(for: "PT", on: summer)?.offsetSeconds == -25_200)
        #expect(ZoneTable.zone(for: "Pacific", on: winter)?.offsetSeconds == -28_800)
        #expect(ZoneTable.zone(for: "ET", on: CivilDate(year: 2006, month: 4, day: 1))?.offsetSeconds == -18_000)
        #expect(ZoneTable.zone(for: "ET", on: CivilDate(year: 2006, month: 4, day: 3))?.offsetSeconds == -14_400)
    }

    @Test("Unknown tokens are not guessed")
    func unknown() {
        #expect(ZoneTable.zone(for: "XYZT") == nil)
        #expect(ZoneTable.zone(for: "GMT+99:00") == nil)
    }
}
