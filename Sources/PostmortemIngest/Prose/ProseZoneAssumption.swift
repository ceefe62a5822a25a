import PostmortemTimeline

/// The zone a reader assumes for the clocks of a postmortem that names none, and why.
///
/// A demanding reader does not refuse a write-up whose author forgot the zone; they assume one and
/// say so. In order:
/// 1. **An embedded absolute anchor**: an epoch stamp in a link (a Slack message id
///    `/p1600710001173700`, a dashboard's `from=1553580000000`) that falls, at some whole or half
///    hour offset, on a clock the text writes without a zone (the Slack thread opened at 17:40:01 UTC
///    is the "Incident declared 18:40" row at UTC+1). The offset most anchors agree on wins; a tie
///    goes to the offset nearest UTC.
/// 2. **The zone the text writes elsewhere**: a clock such as "14:05 PDT" later in the text dates
///    the zone-less clocks before it too.
/// 3. **The place the text is written from** (`ProseLocationZone`): a government domain
///    (`.gov.uk`, `.gov.au`), a city or a state the text names; its local time, standard or
///    daylight as the date has it.
/// 4. **UTC**, the convention of operations logs, when nothing in the text tells otherwise.
///
/// Every time read this way is marked with the assumption (`ImpactBoundary.zoneAssumption`) and
/// the first one warns; `--zone` overrides it.
struct ProseZoneAssumption: Sendable, Equatable {
    /// The zone label (`UTC`, `PDT`) or fixed offset (`UTC+1`) assumed.
    var token: String
    /// A fixed offset, when the assumption is one (anchors give offsets, not labels).
    var offsetSeconds: Int?
    /// Why, in a reader's words.
    var reason: String
    /// The place whose local time is assumed, when the assumption is one.
    var location: ProseLocationZone? = nil

    /// The zone for a clock written on `date` at `hour` local.
    func zone(on date: CivilDate?, hour: Int) -> WrittenZone? {
        if let offsetSeconds { return WrittenZone(token: token, offsetSeconds: offsetSeconds) }
        if let location { return location.zone(on: date, hour: hour) }
        return ZoneTable.zone(for: token, on: date, hour: hour)
    }

    /// A clock the text writes without a zone: its local second of the day and the day, if written with it.
    struct BareClock: Sendable, Equatable {
        var secondOfDay: Int
        var date: CivilDate?
        var written: String
        var line: Int
    }

    /// The assumption for `sentences` (the document's `text` holds the links with epoch stamps).
    static func infer(sentences: [ProseDocument.Sentence], text: String) -> ProseZoneAssumption {
        var bare: [BareClock] = []
        var writtenZone: (token: String, written: String, line: Int)?
        for sentence in sentences {
            for mention in sentence.mentions {
                for e in [mention.start] + (mention.end.map { [$0] } ?? []) {
                    guard let clock = e.clock, e.stamped == nil else { continue }
                    if let token = e.zoneToken {
                        if writtenZone == nil, ZoneTable.zone(for: token) != nil { writtenZone = (token, mention.written, sentence.line) }
                        continue
                    }
                    let date = e.day.flatMap { day in day.year.map { CivilDate(year: $0, month: day.month, day: day.day) } }
                    bare.append(BareClock(secondOfDay: clock.secondOfDay, date: date, written: mention.written, line: sentence.line))
                }
            }
        }
        let anchors = epochStamps(in: text)
        if !bare.isEmpty, let fit = offset(anchors: anchors, clocks: bare) {
            let token = ProseDateContext.offsetText(fit.offset)
            return ProseZoneAssumption(
                token: token, offsetSeconds: fit.offset,
                reason: "an epoch stamp embedded in the text (\(fit.anchor.iso8601)) falls on '\(fit.clock.written)' (line \(fit.clock.line)) at \(token)")
        }
        if let writtenZone {
            return ProseZoneAssumption(token: writtenZone.token, offsetSeconds: nil, reason: "the zone the text writes at line \(writtenZone.line) ('\(writtenZone.written)')")
        }
        if !bare.isEmpty, let location = ProseLocationZone.find(in: text) {
            return ProseZoneAssumption(
                token: location.identifier, offsetSeconds: nil,
                reason: "the text names no zone and holds no epoch stamp to place its clocks, but names '\(location.cue)': local time there",
                location: location)
        }
        return ProseZoneAssumption(token: "UTC", offsetSeconds: nil, reason: "the text names no zone and holds no epoch stamp to place its clocks")
    }

    /// The offset (seconds east of UTC, a multiple of 30 minutes between UTC-12 and UTC+14) at
    /// which the most anchors fall on a zone-less clock of the text, within the minute the clock
    /// was truncated to (and the day it names, when it names one).
    static func offset(anchors: [Instant], clocks: [BareClock]) -> (offset: Int, anchor: Instant, clock: BareClock)? {
        var support: [Int: (count: Int, anchor: Instant, clock: BareClock)] = [:]
        for anchor in anchors {
            let utc = anchor.civil()
            let utcSecond = utc.hour * 3600 + utc.minute * 60 + utc.second
            var matched: Set<Int> = []
            for clock in clocks {
                var difference = clock.secondOfDay - utcSecond
                // The anchor is at or up to 90 s after the written minute.
                let rounded = Int((Double(difference) / 1800).rounded()) * 1800
                guard abs(difference - rounded) <= 90 else { continue }
                difference = rounded
                var candidates = [difference, difference - 86_400, difference + 86_400]
                candidates.removeAll { $0 < -12 * 3600 || $0 > 14 * 3600 }
                for offset in candidates where !matched.contains(offset) {
                    if let date = clock.date, anchor.civil(offsetSeconds: offset).date != date { continue }
                    matched.insert(offset)
                    let old = support[offset]
                    support[offset] = ((old?.count ?? 0) + 1, old?.anchor ?? anchor, old?.clock ?? clock)
                }
            }
        }
        guard let best = support.max(by: { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : abs(a.key) > abs(b.key) })
        else { return nil }
        return (best.key, best.value.anchor, best.value.clock)
    }

    /// Epoch seconds in links: a Slack message id (`/p` and 16 digits: seconds then microseconds)
    /// and a dashboard's `from=`/`to=` (13 digits of milliseconds, or 10 of seconds). Scanned by
    /// hand over the bytes: `Regex` is not `Sendable`, so it cannot be a `static let` here.
    static func epochStamps(in text: String) -> [Instant] {
        let b = Array(text.utf8)
        var found: [Instant] = []
        func digits(from start: Int) -> Int {
            var end = start
            while end < b.count, b[end] >= 48, b[end] <= 57 { end += 1 }
            return end - start
        }
        func number(_ start: Int, _ count: Int) -> Int64 {
            b[start..<(start + count)].reduce(Int64(0)) { $0 * 10 + Int64($1 - 48) }
        }
        var i = 0
        while i + 2 < b.count {
            defer { i += 1 }
            var seconds: Int64?
            if b[i] == 47, b[i + 1] == 112, digits(from: i + 2) == 16 {
                // "/p1600710001173700"
                seconds = number(i + 2, 10)
            } else if (b[i] == 63 || b[i] == 38), let key = [Array("from=".utf8), Array("to=".utf8)].first(where: { k in
                i + 1 + k.count <= b.count && Array(b[(i + 1)..<(i + 1 + k.count)]) == k
            }) {
                let start = i + 1 + key.count
                if [10, 13].contains(digits(from: start)) { seconds = number(start, 10) }
            }
            // 2001-09-09 to 2100: an id of another kind is not a stamp.
            if let seconds, seconds >= 1_000_000_000, seconds < 4_102_444_800 {
                let instant = Instant(secondsSinceEpoch: seconds)
                if !found.contains(instant) { found.append(instant) }
            }
        }
        return found
    }
}
