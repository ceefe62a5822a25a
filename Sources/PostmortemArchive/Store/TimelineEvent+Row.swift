import Foundation
import GRDB
import PostmortemTimeline

/// A `TimelineEvent` as a row of the store's `event` table, a column per field.
///
/// Hand-written rather than GRDB's Codable records: those decode through a keyed container per
/// row, which costs about as much as the JSON the columns replace. A test checks that
/// `TimelineEvent` has the fields listed here, so a field added to the model is not silently
/// dropped by the store.
extension TimelineEvent {
    /// The `event` columns after `captureId, snapshot, position`, in the order `row` reads them.
    static let columns = "time, endTime, zone, zoneOffset, writtenTime, precision, status, region, service, text, file, line, byteOffset, componentChanges, kind, updateID"

    /// The fields the columns hold, for the test that guards them.
    static let storedFields = 13

    /// The values of `columns`, after the three key columns.
    func arguments(captureId: Int64, snapshot: Int, position: Int, encoder: JSONEncoder) throws -> StatementArguments {
        let changes = componentChanges.isEmpty ? nil : String(decoding: try encoder.encode(componentChanges), as: UTF8.self)
        let values: [(any DatabaseValueConvertible)?] = [
            captureId, snapshot, position, time.secondsSinceEpoch, endTime?.secondsSinceEpoch, zone?.token, zone?.offsetSeconds,
            writtenTime, precision.rawValue, status, region, service, text, source.file, source.line, source.byteOffset, changes,
            kind.rawValue, updateID,
        ]
        return StatementArguments(values)
    }

    /// The event in a row of `SELECT <columns> FROM event`, columns read by index from `offset`.
    /// - Throws: a message naming the column when a stored value is not one this version writes.
    init(row: Row, offset: Int, decoder: JSONDecoder) throws {
        let o = offset
        let zoneToken: String? = row[o + 2]
        let zoneOffset: Int? = row[o + 3]
        let precisionText: String = row[o + 5]
        let kindText: String = row[o + 14]
        guard let precision = TimePrecision(rawValue: precisionText) else { throw StoredValueError(column: "precision", value: precisionText) }
        guard let kind = EventKind(rawValue: kindText) else { throw StoredValueError(column: "kind", value: kindText) }
        let changesText: String? = row[o + 13]
        var changes: [ComponentChange] = []
        if let changesText { changes = try decoder.decode([ComponentChange].self, from: Data(changesText.utf8)) }
        let endSeconds: Int64? = row[o + 1]
        self.init(
            time: Instant(secondsSinceEpoch: row[o]), endTime: endSeconds.map(Instant.init(secondsSinceEpoch:)),
            zone: zoneToken.map { WrittenZone(token: $0, offsetSeconds: zoneOffset ?? 0) }, writtenTime: row[o + 4],
            precision: precision, status: row[o + 6], region: row[o + 7], service: row[o + 8], text: row[o + 9],
            source: SourceLocation(file: row[o + 10], line: row[o + 11], byteOffset: row[o + 12]), componentChanges: changes,
            kind: kind, updateID: row[o + 15])
    }
}

/// A stored value this version does not write (a damaged or foreign store).
struct StoredValueError: Error, CustomStringConvertible {
    var column: String
    var value: String
    var description: String { "column \(column) holds '\(value)'" }
}
