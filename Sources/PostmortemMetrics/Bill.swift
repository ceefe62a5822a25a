import Foundation
import PostmortemTimeline

/// What a customer paid, per month, service and region: the `--bill` CSV file, whose columns
/// are `period` (YYYY-MM), `service`, `region` (may be empty), `amount` and optionally `currency`.
public struct Bill: Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    public var lines: [BillLine]

    /// One row of the bill.
    public struct BillLine: Sendable, Equatable {
        /// The first day of the month billed.
        public var month: CivilDate
        public var service: String
        public var region: String?
        public var amount: Money
        /// The row's line in the file.
        public var line: Int
    }

    static let requiredColumns = ["period", "service", "region", "amount"]
    static let columns = requiredColumns + ["currency"]

    /// Reads a bill from CSV text; `file` names it in errors.
    /// - Throws: `MetricsError.invalidBill` naming the file and line of the first malformed row.
    public static func parse(csv text: String, file: String) throws(MetricsError) -> Bill {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text)
        } catch {
            throw .invalidBill(file: file, line: error.line, message: error.message)
        }
        guard let header = records.first else { throw .invalidBill(file: file, line: 1, message: "the file is empty; expected a header row") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for (index, name) in names.enumerated() where column[name] == nil { column[name] = index }
        let list = columns.joined(separator: ", ")
        for name in requiredColumns where column[name] == nil {
            throw .invalidBill(file: file, line: header.line, message: "the header has no '\(name)' column (columns: \(list))")
        }
        // A column the bill does not have (a misspelt 'currncy') would be dropped without a word.
        if let unknown = names.first(where: { !columns.contains($0) }) {
            throw .invalidBill(file: file, line: header.line, message: "the header's column '\(unknown)' is not a bill column (columns: \(list))")
        }
        var lines: [BillLine] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw .invalidBill(file: file, line: record.line, message: "the row has \(record.fields.count) fields, the header \(names.count)")
            }
            func value(_ name: String) -> String {
                column[name].map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            }
            let period = value("period")
            guard let month = CivilDate(iso: period + "-01") else {
                throw .invalidBill(file: file, line: record.line, message: "period '\(period)' is not a month YYYY-MM")
            }
            let service = value("service")
            guard !service.isEmpty else { throw .invalidBill(file: file, line: record.line, message: "the service is empty") }
            let currency = value("currency")
            let amountText = value("amount")
            guard let amount = Money(decimal: amountText, currency: currency.isEmpty ? nil : currency) else {
                throw .invalidBill(
                    file: file, line: record.line, message: "amount '\(amountText)' is not a plain amount like 1234.56 (no sign, separators or more than two decimals)")
            }
            let region = value("region")
            lines.append(BillLine(month: month, service: service, region: region.isEmpty ? nil : region, amount: amount, line: record.line))
        }
        return Bill(file: file, lines: lines)
    }

    /// Reads the bill at `path`.
    /// - Throws: `MetricsError.unreadableFile` for a file that cannot be read, `.invalidBill` for a malformed row.
    public static func load(path: String) throws(MetricsError) -> Bill {
        try parse(csv: try UserFile.text(at: path, file: path), file: path)
    }

    /// The total billed for the policy's service in `months`, over the lines for any region or
    /// one of `regions` (every line of the service when `regions` is empty), with the lines used.
    /// `nil` when no line matches.
    /// - Throws: `MetricsError.invalidBill` when the matching lines are in different currencies.
    public func charge(months: [CivilDate], policy: SLAPolicy, regions: [String]) throws(MetricsError) -> (total: Money, lines: [BillLine])? {
        let wanted = Set(regions.map { $0.lowercased() })
        let matching = lines.filter { line in
            months.contains(line.month) && policy.covers([line.service])
                && (wanted.isEmpty || line.region.map { wanted.contains($0.lowercased()) } ?? true)
        }
        guard let first = matching.first else { return nil }
        var cents: Int64 = 0
        for line in matching {
            guard line.amount.currency == first.amount.currency else {
                throw .invalidBill(
                    file: file, line: line.line,
                    message: "currency \(line.amount.currency ?? "(none)") differs from \(first.amount.currency ?? "(none)") on line \(first.line) for the same service and period")
            }
            cents += line.amount.cents
        }
        return (Money(cents: cents, currency: first.amount.currency), matching)
    }
}
