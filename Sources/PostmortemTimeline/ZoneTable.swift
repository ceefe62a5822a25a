/// The project's own table of zone abbreviations.
///
/// Foundation on Linux resolves several abbreviations wrongly or not at all (`IST`, `BST`,
/// `KST`), so every parser maps the token it read through this table instead. A token that is
/// not here is never guessed: the caller reports it.
public enum ZoneTable {
    /// Fixed-offset abbreviations, in seconds east of UTC.
    static let fixedOffsets: [String: Int] = [
        "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0,
        "PDT": -7 * 3600, "PST": -8 * 3600,
        "MDT": -6 * 3600, "MST": -7 * 3600,
        "CDT": -5 * 3600, "CST": -6 * 3600,
        "EDT": -4 * 3600, "EST": -5 * 3600,
        "AKDT": -8 * 3600, "AKST": -9 * 3600,
        "HST": -10 * 3600, "HDT": -9 * 3600,
        "ADT": -3 * 3600, "AST": -4 * 3600, "NDT": -9000, "NST": -12600,
        "BRT": -3 * 3600, "ART": -3 * 3600,
        "BST": 3600, "IST": 19800, "WEST": 3600,
        "CET": 3600, "CEST": 7200, "MET": 3600, "MEST": 7200,
        "EET": 7200, "EEST": 10800, "MSK": 10800,
        // Africa keeps one offset the year round: South Africa, Central, East and West Africa.
        "SAST": 7200, "CAT": 7200, "EAT": 10800, "WAT": 3600,
        "GST": 4 * 3600, "PKT": 5 * 3600, "NPT": 20700,
        "ICT": 7 * 3600, "WIB": 7 * 3600,
        "SGT": 8 * 3600, "HKT": 8 * 3600, "AWST": 8 * 3600, "PHT": 8 * 3600,
        "JST": 9 * 3600, "KST": 9 * 3600,
        "ACST": 34200, "ACDT": 37800,
        "AEST": 10 * 3600, "AEDT": 11 * 3600,
        "NZST": 12 * 3600, "NZDT": 13 * 3600,
    ]

    /// Region words whose offset depends on daylight saving, with their standard offset and rule.
    static let regionalZones: [String: (standard: Int, rule: DaylightRule)] = [
        "PT": (-8 * 3600, .unitedStates), "PACIFIC": (-8 * 3600, .unitedStates),
        "MT": (-7 * 3600, .unitedStates), "MOUNTAIN": (-7 * 3600, .unitedStates),
        "CT": (-6 * 3600, .unitedStates), "CENTRAL": (-6 * 3600, .unitedStates),
        "ET": (-5 * 3600, .unitedStates), "EASTERN": (-5 * 3600, .unitedStates),
    ]

    /// Places people name for their time ("UK time", "US Eastern", "Central European Time",
    /// `Europe/Berlin`, `America/New_York`), with the standard offset and the daylight rule in
    /// force there (`nil`: no daylight time). Only places whose rules have stood since the 1990s
    /// (so an old postmortem reads as correctly as a new one), and the US, EU, Australian and
    /// New Zealand rules below.
    static let places: [String: (standard: Int, rule: DaylightRule?)] = {
        var table: [String: (standard: Int, rule: DaylightRule?)] = [:]
        func add(_ names: [String], _ standard: Int, _ rule: DaylightRule?) {
            for name in names { table[name] = (standard, rule) }
        }
        add(["UK", "BRITAIN", "BRITISH", "ENGLAND", "LONDON", "IRELAND", "IRISH", "DUBLIN", "LISBON", "PORTUGAL"], 0, .europe)
        add(
            [
                "CENTRAL EUROPEAN", "CENTRAL EUROPE", "BERLIN", "GERMANY", "GERMAN", "PARIS", "FRANCE", "FRENCH", "AMSTERDAM", "NETHERLANDS", "DUTCH",
                "MADRID", "SPAIN", "ROME", "ITALY", "ZURICH", "SWISS", "VIENNA", "BRUSSELS", "STOCKHOLM", "OSLO", "COPENHAGEN", "WARSAW", "PRAGUE",
                "BUDAPEST",
            ], 3600, .europe)
        add(["EASTERN EUROPEAN", "EASTERN EUROPE", "HELSINKI", "ATHENS", "KYIV", "KIEV", "BUCHAREST", "SOFIA", "RIGA", "TALLINN", "VILNIUS"], 7200, .europe)
        add(["US EASTERN", "NEW YORK", "TORONTO", "DETROIT", "MONTREAL"], -5 * 3600, .unitedStates)
        add(["US CENTRAL", "CHICAGO"], -6 * 3600, .unitedStates)
        add(["US MOUNTAIN", "DENVER"], -7 * 3600, .unitedStates)
        add(["PHOENIX", "ARIZONA"], -7 * 3600, nil)
        add(["US PACIFIC", "LOS ANGELES", "SEATTLE", "SAN FRANCISCO", "VANCOUVER", "CALIFORNIA"], -8 * 3600, .unitedStates)
        add(["JAPAN", "JAPANESE", "TOKYO", "KOREA", "KOREAN", "SEOUL"], 9 * 3600, nil)
        add(["INDIA", "INDIAN", "KOLKATA", "CALCUTTA", "MUMBAI", "DELHI", "BANGALORE", "BENGALURU", "CHENNAI"], 19800, nil)
        add(["SINGAPORE", "HONG KONG", "CHINA", "BEIJING", "SHANGHAI", "TAIPEI", "MANILA", "PERTH"], 8 * 3600, nil)
        add(["BANGKOK", "JAKARTA"], 7 * 3600, nil)
        add(["DUBAI"], 4 * 3600, nil)
        add(["SOUTH AFRICA", "SOUTH AFRICAN", "JOHANNESBURG", "CAPE TOWN"], 7200, nil)
        add(["NAIROBI", "KENYA"], 10800, nil)
        add(["LAGOS", "NIGERIA"], 3600, nil)
        add(["SYDNEY", "MELBOURNE", "CANBERRA", "HOBART"], 10 * 3600, .australia)
        add(["BRISBANE"], 10 * 3600, nil)
        add(["ADELAIDE"], 34200, .australia)
        add(["DARWIN"], 34200, nil)
        add(["NEW ZEALAND", "AUCKLAND", "WELLINGTON"], 12 * 3600, .newZealand)
        return table
    }()

    /// A place's zone written in words or as an IANA name: `UK time`, `London local time`, `US
    /// Eastern`, `Central European Time`, `Pacific time`, `Europe/Berlin`, `America/New_York`.
    /// One word alone ("London", "India") is no zone: only with "time" after it, or as the place
    /// of an IANA name.
    static func placeZone(_ key: String, on date: CivilDate?, hour: Int) -> Int? {
        let isIANA = key.contains("/")
        var name = Substring(key)
        if isIANA, let slash = key.lastIndex(of: "/") { name = key[key.index(after: slash)...] }
        let words = name.split { $0 == " " || $0 == "_" }
        guard !words.isEmpty else { return nil }
        var core = words[...]
        var stripped = false
        if core.count >= 2, core.last == "TIME" {
            core = core.dropLast()
            stripped = true
            if core.count >= 2, core.last == "LOCAL" { core = core.dropLast() }
        }
        let joined = core.joined(separator: " ")
        guard let entry = places[joined], isIANA || stripped || core.count >= 2 else { return nil }
        return localOffset(standard: entry.standard, rule: entry.rule, on: date, hour: hour)
    }

    /// A zone's offset at a local reading: its standard offset, an hour more when `rule` puts the
    /// reading in daylight time (no date, or no rule: the standard offset).
    static func localOffset(standard: Int, rule: DaylightRule?, on date: CivilDate?, hour: Int) -> Int {
        guard let date, let rule, rule.isDaylight(date: date, hour: hour) else { return standard }
        return standard + 3600
    }

    /// The first words of the places' names (`UK`, `US`, `CENTRAL`, `NEW`), upper case: a word
    /// that is none of them opens no place's zone, and the longer readings need not be tried.
    public static let placeFirstWords: Set<String> = Set(places.keys.map { String($0.prefix { $0 != " " }) })

    /// Whether `word` (as written) may open a place's zone ("UK time", "US Eastern", "New York time").
    public static func opensPlaceName(_ word: some StringProtocol) -> Bool {
        placeFirstWords.contains(String(word).uppercased())
    }

    /// Every token the table knows, for messages and documentation.
    public static var knownTokens: [String] {
        (Array(fixedOffsets.keys) + Array(regionalZones.keys)).sorted()
    }

    /// Resolves a zone token as written. `date`/`hour` are the local wall-clock reading, which
    /// region words (`PT`, `Eastern`) need to choose between standard and daylight time.
    ///
    /// Accepts abbreviations (`PDT`), region words (`PT`, `Pacific`) and literal offsets
    /// (`GMT+08:00`, `UTC-5`, `+0530`). Returns `nil` for anything else.
    public static func zone(for token: some StringProtocol, on date: CivilDate? = nil, hour: Int = 12) -> WrittenZone? {
        let written = String(token)
        let key = written.uppercased()
        if let offset = fixedOffsets[key] {
            return WrittenZone(token: written, offsetSeconds: offset)
        }
        if let regional = regionalZones[key] {
            return WrittenZone(token: written, offsetSeconds: localOffset(standard: regional.standard, rule: regional.rule, on: date, hour: hour))
        }
        if let offset = literalOffset(key) {
            return WrittenZone(token: written, offsetSeconds: offset)
        }
        // `US/Pacific`-style names: the region word after the slash.
        if let slash = key.lastIndex(of: "/"), let regional = regionalZones[String(key[key.index(after: slash)...])] {
            return WrittenZone(token: written, offsetSeconds: localOffset(standard: regional.standard, rule: regional.rule, on: date, hour: hour))
        }
        // `Europe/Berlin`, `UK time`, `US Eastern`: a place's zone (never a single plain word).
        if key.contains("/") || key.contains(" "), let offset = placeZone(key, on: date, hour: hour) {
            return WrittenZone(token: written, offsetSeconds: offset)
        }
        return nil
    }

    /// Abbreviations that name one half of a standard/daylight pair, with the other half and the
    /// rule that says which half is in force.
    static let seasonalPairs: [String: (other: String, isDaylight: Bool, rule: DaylightRule)] = [
        "PST": ("PDT", false, .unitedStates), "PDT": ("PST", true, .unitedStates),
        "MST": ("MDT", false, .unitedStates), "MDT": ("MST", true, .unitedStates),
        "CST": ("CDT", false, .unitedStates), "CDT": ("CST", true, .unitedStates),
        "EST": ("EDT", false, .unitedStates), "EDT": ("EST", true, .unitedStates),
        "CET": ("CEST", false, .europe), "CEST": ("CET", true, .europe),
        "EET": ("EEST", false, .europe), "EEST": ("EET", true, .europe),
        "BST": ("GMT", true, .europe),
    ]

    /// When an abbreviation contradicts the season of the local date it is written with (`CET`
    /// in June, `PDT` in January), the abbreviation that was in force instead; `nil` otherwise.
    public static func seasonContradiction(token: some StringProtocol, on date: CivilDate, hour: Int = 12) -> String? {
        guard let pair = seasonalPairs[String(token).uppercased()] else { return nil }
        return pair.rule.isDaylight(date: date, hour: hour) == pair.isDaylight ? nil : pair.other
    }

    /// Whether a token is a literal offset (`UTC-7`, `GMT+2`, `+0530`) rather than a name.
    public static func literalOffsetToken(_ token: some StringProtocol) -> Bool {
        literalOffset(String(token).uppercased()) != nil
    }

    /// `GMT+08:00`, `UTC-5`, `UTC+5:30`, `+0530`, `-07:00`.
    static func literalOffset(_ key: String) -> Int? {
        var rest = Substring(key)
        for prefix in ["GMT", "UTC", "UT"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        guard let signChar = rest.first, signChar == "+" || signChar == "-" || signChar == "\u{2212}" else {
            return nil
        }
        let sign = signChar == "+" ? 1 : -1
        let body = rest.dropFirst()
        var hours = 0
        var minutes = 0
        if let colon = body.firstIndex(of: ":") {
            guard let h = Int(body[..<colon]), let m = Int(body[body.index(after: colon)...]) else { return nil }
            hours = h
            minutes = m
        } else if body.count <= 2 {
            guard let h = Int(body) else { return nil }
            hours = h
        } else if body.count == 4 {
            guard let h = Int(body.prefix(2)), let m = Int(body.suffix(2)) else { return nil }
            hours = h
            minutes = m
        } else {
            return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Daylight-saving rules for region words and places.
    enum DaylightRule: Sendable {
        case unitedStates
        /// The European Union's: last Sunday of March to last Sunday of October (at 01:00 UTC,
        /// taken here as 02:00 local, close enough for choosing an abbreviation).
        case europe
        /// New South Wales, Victoria, the ACT, Tasmania and South Australia: since 2008 from the
        /// first Sunday of October to the first Sunday of April, before that from the last Sunday
        /// of October to the last Sunday of March (the one-off shifts of 2000 and 2006 aside).
        case australia
        /// New Zealand: since 2007 from the last Sunday of September to the first Sunday of
        /// April, before that from the first Sunday of October to the third Sunday of March.
        case newZealand

        /// Whether the local reading falls in daylight time (transitions at 02:00 local, and in
        /// the southern hemisphere at 03:00 daylight time when it ends).
        func isDaylight(date: CivilDate, hour: Int) -> Bool {
            let (start, end): (CivilDate, CivilDate)
            switch self {
            case .europe:
                start = Self.lastSunday(month: 3, year: date.year)
                end = Self.lastSunday(month: 10, year: date.year)
            case .unitedStates where date.year >= 2007:
                start = Self.nthSunday(2, month: 3, year: date.year)
                end = Self.nthSunday(1, month: 11, year: date.year)
            case .unitedStates:
                start = Self.nthSunday(1, month: 4, year: date.year)
                end = Self.lastSunday(month: 10, year: date.year)
            case .australia:
                // Daylight time spans the new year: it ends in the autumn (April) and starts
                // again in the spring (October) of the same calendar year.
                end = date.year >= 2008 ? Self.nthSunday(1, month: 4, year: date.year) : Self.lastSunday(month: 3, year: date.year)
                start = date.year >= 2008 ? Self.nthSunday(1, month: 10, year: date.year) : Self.lastSunday(month: 10, year: date.year)
                return Self.southernDaylight(date: date, hour: hour, end: end, start: start)
            case .newZealand:
                end = date.year >= 2008 ? Self.nthSunday(1, month: 4, year: date.year) : Self.nthSunday(3, month: 3, year: date.year)
                start = date.year >= 2007 ? Self.lastSunday(month: 9, year: date.year) : Self.nthSunday(1, month: 10, year: date.year)
                return Self.southernDaylight(date: date, hour: hour, end: end, start: start)
            }
            if date < start || date > end { return false }
            if date == start { return hour >= 2 }
            if date == end { return hour < 2 }
            return true
        }

        /// Daylight time from `start` (spring, 02:00 local) to the next year's `end` (autumn,
        /// 03:00 daylight time): outside the calendar year's winter between `end` and `start`.
        static func southernDaylight(date: CivilDate, hour: Int, end: CivilDate, start: CivilDate) -> Bool {
            if date > end && date < start { return false }
            if date == end { return hour < 3 }
            if date == start { return hour >= 2 }
            return true
        }

        static func nthSunday(_ n: Int, month: Int, year: Int) -> CivilDate {
            let first = CivilDate(year: year, month: month, day: 1)
            let offset = (7 - first.weekday) % 7
            return first.adding(days: offset + 7 * (n - 1))
        }

        static func lastSunday(month: Int, year: Int) -> CivilDate {
            let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
            return last.adding(days: -last.weekday)
        }
    }
}
