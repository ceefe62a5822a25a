import Foundation
import PostmortemTimeline

/// The zone of the place a postmortem that names no zone is written from, read from the
/// jurisdiction or location the text itself names: a government domain (`service.justice.gov.uk`
/// is a UK body, `cloud.gov.au` an Australian one), a city ("our London office"), an Australian
/// state.
///
/// A demanding reader of an incident log with no zone assumes the writer's local time before
/// UTC, and says so; `ProseZoneAssumption` uses this after the text's epoch anchors and written
/// zones and before UTC. A domain is jurisdiction and weighs more than a city named in passing;
/// a city counts where it places someone ("in London", "our Sydney office", "London time"), not
/// as a place in the story ("a New York switch"), and next to "region", "data center" or inside
/// brackets after a region code it is a cloud region (`the Sydney region`, `eu-west-2 (London)`).
struct ProseLocationZone: Sendable, Equatable {
    /// The place assumed: its IANA zone and its labels.
    var place: Place
    /// What in the text named it, as written (`gov.uk`, `London`).
    var cue: String

    /// The IANA zone assumed (`Europe/London`).
    var identifier: String { place.identifier }

    /// A place's IANA zone and the labels of its standard and daylight time (`GMT`/`BST`), as
    /// `ZoneTable` knows them.
    struct Place: Sendable, Equatable {
        var identifier: String
        var standard: String
        var daylight: String
    }

    static let london = Place(identifier: "Europe/London", standard: "GMT", daylight: "BST")
    static let sydney = Place(identifier: "Australia/Sydney", standard: "AEST", daylight: "AEDT")
    static let brisbane = Place(identifier: "Australia/Brisbane", standard: "AEST", daylight: "AEST")
    static let adelaide = Place(identifier: "Australia/Adelaide", standard: "ACST", daylight: "ACDT")
    static let perth = Place(identifier: "Australia/Perth", standard: "AWST", daylight: "AWST")
    static let auckland = Place(identifier: "Pacific/Auckland", standard: "NZST", daylight: "NZDT")
    static let central = Place(identifier: "Europe/Berlin", standard: "CET", daylight: "CEST")
    static let pacific = Place(identifier: "America/Los_Angeles", standard: "PST", daylight: "PDT")
    static let eastern = Place(identifier: "America/New_York", standard: "EST", daylight: "EDT")
    static let tokyo = Place(identifier: "Asia/Tokyo", standard: "JST", daylight: "JST")
    static let india = Place(identifier: "Asia/Kolkata", standard: "IST", daylight: "IST")
    static let singapore = Place(identifier: "Asia/Singapore", standard: "SGT", daylight: "SGT")

    /// Government and public-sector domains: the body's country (the capital's zone where the
    /// country has several).
    static let domains: [(suffix: String, place: Place)] = [
        ("gov.uk", london), ("nhs.uk", london), ("police.uk", london), ("ac.uk", london), ("parliament.uk", london),
        ("gov.au", sydney), ("edu.au", sydney), ("govt.nz", auckland), ("gouv.fr", central), ("bund.de", central),
        ("go.jp", tokyo), ("gov.in", india), ("nic.in", india), ("gov.sg", singapore),
    ]

    /// Cities and states, as written (capitalised). A state or country name is read the same way as
    /// a city: it must place someone there.
    static let places: [(name: String, place: Place)] = [
        ("London", london), ("Manchester", london), ("Edinburgh", london), ("Glasgow", london), ("Cardiff", london), ("Belfast", london),
        ("Sydney", sydney), ("Canberra", sydney), ("Melbourne", sydney), ("New South Wales", sydney), ("Australian Capital Territory", sydney),
        ("Brisbane", brisbane), ("Queensland", brisbane), ("Adelaide", adelaide), ("South Australia", adelaide),
        ("Perth", perth), ("Western Australia", perth), ("Auckland", auckland), ("Wellington", auckland),
        ("Berlin", central), ("Paris", central), ("Amsterdam", central), ("Zurich", central), ("Madrid", central), ("Stockholm", central),
        ("San Francisco", pacific), ("California", pacific), ("Seattle", pacific), ("Bay Area", pacific),
        ("New York", eastern), ("Boston", eastern), ("Tokyo", tokyo), ("Bangalore", india), ("Bengaluru", india), ("Singapore", singapore),
    ]

    /// Words after a city that make it a cloud or network location.
    static let regionWords: [[UInt8]] = ["region", "data center", "data centre", "datacenter", "datacentre", "availability zone", "az", "pop", "dc"].map { Array($0.utf8) }

    /// The place the text names most strongly (a domain counts three times a city), the first
    /// named on a tie; `nil` when it names none.
    static func find(in text: String) -> ProseLocationZone? {
        let bytes = Array(text.utf8)
        let lower = Array(TextFolding.lowercased(text).utf8)
        var scores: [String: (score: Int, first: Int, cue: String, place: Place)] = [:]
        func add(_ place: Place, cue: String, at offset: Int, weight: Int) {
            let old = scores[place.identifier]
            scores[place.identifier] = ((old?.score ?? 0) + weight, min(old?.first ?? offset, offset), old?.cue ?? cue, place)
        }
        for (suffix, place) in domains {
            for offset in ByteSearch.offsets(of: Array(("." + suffix).utf8), in: lower) {
                let after = offset + suffix.utf8.count + 1
                // `.gov.uk` ends the host name: not `.gov.ukraine`.
                guard after >= lower.count || !PhraseList.isLetter(lower[after]) && lower[after] != 45 else { continue }
                add(place, cue: suffix, at: offset, weight: 3)
            }
        }
        for (name, place) in places {
            for offset in ByteSearch.offsets(of: Array(name.utf8), in: bytes) {
                let after = offset + name.utf8.count
                guard offset == 0 || !PhraseList.isLetter(bytes[offset - 1]), after >= bytes.count || !PhraseList.isLetter(bytes[after]) else { continue }
                if offset > 0, bytes[offset - 1] == 40 { continue }  // "eu-west-2 (London)"
                let next = Array(lower[min(after, lower.count)..<min(after + 24, lower.count)].drop { $0 == 32 })
                if startsWithRegionWord(next, regionWords) { continue }
                // Where the writer is ("in London", "our Sydney office", "London time"), not a
                // place in the story ("a New York switch").
                let before = Array(lower[max(0, offset - 6)..<offset])
                guard placeWordsBefore.contains(where: { before.count >= $0.count && Array(before.suffix($0.count)) == $0 })
                    || startsWithRegionWord(next, placeWordsAfter)
                else { continue }
                add(place, cue: name, at: offset, weight: 1)
            }
        }
        guard let best = scores.values.max(by: { a, b in a.score != b.score ? a.score < b.score : a.first > b.first }) else { return nil }
        return ProseLocationZone(place: best.place, cue: best.cue)
    }

    /// Words before a city that place someone there.
    static let placeWordsBefore: [[UInt8]] = [" in ", " from ", " at ", " near "].map { Array($0.utf8) }
    /// Words after a city that say it is the writer's place or clock.
    static let placeWordsAfter: [[UInt8]] = ["office", "offices", "team", "teams", "time", "headquarters", "hq", "based"].map { Array($0.utf8) }

    /// Whether the bytes after a city open with one of `words`.
    static func startsWithRegionWord(_ next: [UInt8], _ words: [[UInt8]]) -> Bool {
        for phrase in words where next.count >= phrase.count && Array(next.prefix(phrase.count)) == phrase {
            if next.count == phrase.count || !PhraseList.isLetter(next[phrase.count]) { return true }
        }
        return false
    }

    /// The zone in force there for a clock read on `date` at `hour` local: standard or daylight
    /// time by the place's own rules (Foundation's zone database, so the southern hemisphere's
    /// summer and the years' changing rules are right), labelled as `ZoneTable` knows it.
    func zone(on date: CivilDate?, hour: Int) -> WrittenZone? {
        let standard = place.standard
        guard let timeZone = TimeZone(identifier: identifier) else { return ZoneTable.zone(for: standard) }
        guard let date else { return ZoneTable.zone(for: standard) }
        // The local reading taken at the zone's standard offset, near enough to choose the half.
        let standardOffset = ZoneTable.zone(for: standard)?.offsetSeconds ?? 0
        let local = Instant(date: date, hour: hour, minute: 0, offsetSeconds: standardOffset)
        let moment = Date(timeIntervalSince1970: TimeInterval(local.secondsSinceEpoch))
        let offset = timeZone.secondsFromGMT(for: moment)
        let label = offset == standardOffset ? standard : place.daylight
        return WrittenZone(token: label, offsetSeconds: offset)
    }
}
