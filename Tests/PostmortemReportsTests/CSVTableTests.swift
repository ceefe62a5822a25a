import Testing

@testable import PostmortemReports

@Suite("RFC 4180 CSV and fixed JSON")
struct CSVTableTests {
    @Test("Fields with commas, quotes, CR or LF are quoted; lines end in CRLF")
    func quoting() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["plain", "with, comma"])
        table.append(["say \"hi\"", "two\nlines"])
        #expect(table.serialized() == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test("JSON keeps key order, escapes control characters and prints numbers the same everywhere")
    func json() {
        let value = JSONValue.object([
            ("z", .number(98.93593189964157, decimals: 3)), ("a", .string("tab\there \"q\" \u{1}")), ("n", .null),
            ("list", .array([.int(25), .number(0.07)])),
        ])
        #expect(value.serialized() == """
            {
              "z": 98.936,
              "a": "tab\\there \\"q\\" \\u0001",
              "n": null,
              "list": [
                25,
                0.07
              ]
            }

            """)
    }
}
