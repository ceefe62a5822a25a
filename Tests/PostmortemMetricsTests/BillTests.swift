import Testing

@testable import PostmortemMetrics
@testable import PostmortemTimeline

@Suite("Bills and money in exact cents")
struct BillTests {
    @Test("Amounts are read exactly, and percentages rounded half up to the cent")
    func money() {
        #expect(Money(decimal: "987.65")?.cents == 98_765)
        #expect(Money(decimal: "12")?.cents == 1_200)
        #expect(Money(decimal: "0.5")?.cents == 50)
        for bad in ["12abc", "1,000.00", "-5", "1.234", "", ".5", "5."] { #expect(Money(decimal: bad) == nil) }
        // 10% of 987.65 is 98.765 -> 98.77; 30% of 0.05 is 0.015 -> 0.02; 25% of 1234.57 is 308.6425 -> 308.64.
        #expect(Money(cents: 98_765).percent(10).cents == 9_877)
        #expect(Money(cents: 5).percent(30).cents == 2)
        #expect(Money(cents: 123_457, currency: "EUR").percent(25).description == "308.64 EUR")
    }

    @Test("Columns are found by the header, quoted fields may hold commas")
    func parse() throws {
        let bill = try Bill.parse(
            csv: "service,amount,period,region\r\n\"Amazon S3, Standard\",100.10,2008-07,us-east-1\r\nAmazon S3,50,2008-07,\r\n", file: "b.csv")
        #expect(bill.lines.map(\.line) == [2, 3])
        #expect(bill.lines.map(\.service) == ["Amazon S3, Standard", "Amazon S3"])
        #expect(bill.lines.map(\.region) == ["us-east-1", nil])
        let policy = try PolicyLibrary.policy(named: "s3-2008")
        let july = [CivilDate(year: 2008, month: 7, day: 1)]
        // Both lines cover S3 in July; in eu-west-1 only the line with no region applies.
        #expect(try bill.charge(months: july, policy: policy, regions: [])?.total.cents == 15_010)
        #expect(try bill.charge(months: july, policy: policy, regions: ["eu-west-1"])?.total.cents == 5_000)
        #expect(try bill.charge(months: [CivilDate(year: 2008, month: 8, day: 1)], policy: policy, regions: []) == nil)
    }

    @Test("A malformed row is an error naming the file and the line", arguments: [
        ("period,service,region,amount\n2008-07,S3,,10\n2008-13,S3,,10\n", 3, "bill: period '2008-13' is not a month YYYY-MM"),
        ("period,service,region,amount\n2008-07,S3,,ten\n", 2, "bill: amount 'ten' is not a plain amount like 1234.56 (no sign, separators or more than two decimals)"),
        ("period,service,region,amount\n2008-07,S3,10\n", 2, "bill: the row has 3 fields, the header 4"),
        ("period,service,amount\n2008-07,S3,10\n", 1, "bill: the header has no 'region' column (columns: period, service, region, amount, currency)"),
        ("period,service,region,amount\n2008-07,\"S3,,10\n", 2, "bill: a quoted field is never closed"),
        // A misspelt optional column would otherwise be dropped and the amounts read without a currency.
        ("period,service,region,amount,currncy\n2008-07,S3,,10,USD\n", 1,
         "bill: the header's column 'currncy' is not a bill column (columns: period, service, region, amount, currency)"),
        ("", 1, "bill: the file is empty; expected a header row"),
    ])
    func malformed(text: String, line: Int, message: String) {
        let error = #expect(throws: MetricsError.self) { try Bill.parse(csv: text, file: "bill.csv") }
        #expect(error?.description == "bill.csv:\(line): \(message)")
    }

    @Test("Lines in two currencies for one period are an error")
    func mixedCurrencies() throws {
        let bill = try Bill.parse(csv: "period,service,region,amount,currency\n2008-07,S3,us,10,USD\n2008-07,S3,eu,10,EUR\n", file: "b.csv")
        let error = #expect(throws: MetricsError.self) {
            try bill.charge(months: [CivilDate(year: 2008, month: 7, day: 1)], policy: try PolicyLibrary.policy(named: "s3-2008"), regions: [])
        }
        #expect(error?.description.hasPrefix("b.csv:3: bill: currency EUR differs from USD on line 2") == true)
    }
}
