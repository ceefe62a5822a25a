/// The field's words the prose reader recognises: services, regions and providers.
///
/// Kept as data so that a new provider's vocabulary is a table row, not new code.
enum ProseVocabulary {
    /// Service names as written (whole words, case-sensitive) to the name the incident lists.
    static let services: [String: String] = [
        "EC2": "EC2", "EBS": "EBS", "RDS": "RDS", "S3": "S3", "VPC": "VPC", "ELB": "ELB", "SQS": "SQS",
        "SNS": "SNS", "DynamoDB": "DynamoDB", "SimpleDB": "SimpleDB", "Lambda": "Lambda",
        "CloudFront": "CloudFront", "IAM": "IAM", "Kinesis": "Kinesis", "Redshift": "Redshift",
        "ElastiCache": "ElastiCache", "CloudWatch": "CloudWatch", "EKS": "EKS", "ECS": "ECS",
        "BigQuery": "BigQuery", "GKE": "GKE", "GCS": "GCS",
    ]

    /// The service a word names, if any.
    static func service(named word: some StringProtocol) -> String? {
        services[String(word)]
    }

    /// Providers, by a word their own postmortems use.
    static let providers: [(word: String, name: String)] = [
        ("AWS", "AWS"), ("Amazon", "AWS"), ("Google Cloud", "Google Cloud"), ("GCP", "Google Cloud"),
        ("Azure", "Microsoft Azure"), ("GitHub", "GitHub"), ("Cloudflare", "Cloudflare"),
    ]

    /// Two-word regions first, so `US East` is not read as `US`.
    static let regionPhrases: [(words: [String], name: String)] = [
        (["US", "East"], "US East"), (["US", "West"], "US West"), (["US", "Standard"], "US Standard"),
        (["EU", "West"], "EU West"), (["Asia", "Pacific"], "Asia Pacific"), (["South", "America"], "South America"),
        (["EU"], "EU"), (["US"], "US"), (["APAC"], "APAC"), (["EMEA"], "EMEA"),
    ]

    /// The services named in the words, in order of first mention.
    static func services(in words: [Substring]) -> [String] {
        var found: [String] = []
        for word in words where mayName(word, leads: serviceLeads) {
            if let name = service(named: word), !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// For each ASCII byte, whether a service name starts with it.
    static let serviceLeads: [Bool] = leadTable(services.keys)

    /// A table of the ASCII bytes the names start with.
    static func leadTable(_ names: some Sequence<String>) -> [Bool] {
        var table = Array(repeating: false, count: 128)
        for name in names { if let lead = name.utf8.first, lead < 128 { table[Int(lead)] = true } }
        return table
    }

    /// Whether the word may equal a name of the table: a word whose first byte is ASCII and
    /// starts no name is none of them (an ASCII scalar is its own canonical form), so it is
    /// neither made a `String` nor hashed.
    @inline(__always) static func mayName(_ word: some StringProtocol, leads: [Bool]) -> Bool {
        guard let lead = word.utf8.first else { return false }
        return lead >= 128 || leads[Int(lead)]
    }

    /// The first words of `regionPhrases`, and the longest of them in bytes.
    static let regionLeads: Set<String> = Set(regionPhrases.map { $0.words[0] })
    static let regionLeadLength = regionLeads.map(\.utf8.count).max() ?? 0
    static let regionLeadBytes: [Bool] = leadTable(regionLeads)

    /// The regions named in the words, in order of first mention (`US East`, `EU`, `us-east-1`).
    static func regions(in words: [Substring]) -> [String] {
        var found: [String] = []
        var i = 0
        outer: while i < words.count {
            let word = words[i]
            let length = word.utf8.count
            // Only a phrase's first word can start one (a long word is not made a string to ask).
            let mayLead = mayName(word, leads: regionLeadBytes) && length <= regionLeadLength && regionLeads.contains(String(word))
            // Asked outside the loop: a `where` clause would still walk (and copy) every phrase.
            if mayLead {
                for phrase in regionPhrases where i + phrase.words.count <= words.count {
                    if zip(phrase.words, words[i..<(i + phrase.words.count)]).allSatisfy({ $0 == $1 }) {
                        if !found.contains(phrase.name) { found.append(phrase.name) }
                        i += phrase.words.count
                        continue outer
                    }
                }
            }
            // A region code has six bytes or more (`isRegionCode` says no to a shorter word).
            if length >= 6, isRegionCode(word), !found.contains(String(word)) { found.append(String(word)) }
            i += 1
        }
        return found
    }

    /// The runs of letters, digits and hyphens. ASCII text is split on its bytes (splitting on
    /// `Character`s runs grapheme breaking over every sentence, most of the reader's time once);
    /// other text on its characters.
    static func pieces(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 128 }) else {
            return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
        }
        // Byte offsets first, then one slice per word (a UTF-8 index moves by an offset in O(1)).
        var ranges: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start: Int?
            for (offset, byte) in bytes.enumerated() {
                let isWord = (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || (byte >= 48 && byte <= 57) || byte == 45
                if isWord {
                    if start == nil { start = offset }
                } else if let first = start {
                    ranges.append(first..<offset)
                    start = nil
                }
            }
            if let first = start { ranges.append(first..<bytes.count) }
        }
        let utf8 = text.utf8
        return ranges.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[lower..<utf8.index(lower, offsetBy: range.count)]
        }
    }

    /// `us-east-1`, `eu-west-2`, `ap-northeast-1`.
    static func isRegionCode(_ word: Substring) -> Bool {
        // One pass over the contiguous bytes of an ASCII word; other words as `Character`s.
        let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count >= 6 else { return false }
            var hyphen = false
            for byte in bytes {
                if byte >= 128 { return nil }
                if byte == 45 { hyphen = true }
            }
            return hyphen && isRegionCode(ascii: bytes)
        }
        if case .some(.some(let value)) = ascii { return value }
        guard word.utf8.count >= 6, word.utf8.contains(45) else { return false }
        let parts = word.split(separator: "-")
        guard parts.count == 3, parts[0].count == 2, parts[0].allSatisfy(\.isLowercase),
            parts[1].allSatisfy(\.isLowercase), let last = parts[2].first, last.isNumber, parts[2].count == 1
        else { return false }
        return true
    }

    /// `isRegionCode` on an ASCII word's bytes, without splitting it into strings: its parts
    /// between hyphens (empty parts dropped, as `split` does) are two lower-case letters, lower-case
    /// letters, and one digit.
    static func isRegionCode(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 0
        var length = 0
        var lettersOnly = true
        var digitOnly = false
        func close() -> Bool {
            guard length > 0 else { return true }
            parts += 1
            switch parts {
            case 1: return length == 2 && lettersOnly
            case 2: return lettersOnly
            case 3: return length == 1 && digitOnly
            default: return false
            }
        }
        for byte in bytes {
            if byte == 45 {
                guard close() else { return false }
                length = 0
                lettersOnly = true
                digitOnly = false
                continue
            }
            length += 1
            lettersOnly = lettersOnly && byte >= 97 && byte <= 122
            digitOnly = length == 1 && byte >= 48 && byte <= 57
        }
        return close() && parts == 3
    }

    /// Splits text into words for the tables above: letters, digits and inner hyphens
    /// (`us-east-1`); a hyphenated word also yields its parts (`EBS-backed` names `EBS`).
    static func words(_ text: String) -> [Substring] {
        if let words = asciiWords(text) { return words }
        var out: [Substring] = []
        for word in pieces(text) {
            // Leading hyphens dropped on bytes (a piece never holds a hyphen with a combining mark).
            guard let first = word.utf8.firstIndex(where: { $0 != 45 }) else { continue }
            let trimmed = word[first...]
            out.append(trimmed)
            if trimmed.utf8.contains(45), !isRegionCode(trimmed) {
                out.append(contentsOf: trimmed.split(separator: "-"))
            }
        }
        return out
    }

    /// `words` for ASCII text (nil for other text) in one pass over its bytes: each run of letters, digits and
    /// hyphens is found, trimmed of its leading hyphens and, when hyphenated and no region code,
    /// followed by its parts, as byte ranges; then one slice per range. (Cutting pieces into
    /// substrings and splitting those again was a tenth of the prose reader's time, callgrind.)
    static func asciiWords(_ text: String) -> [Substring]? {
        var ranges: [Range<Int>] = []
        var copy = text
        let isASCII = copy.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 128 }) else { return false }
            let n = bytes.count
            ranges.reserveCapacity(n / 4)
            var i = 0
            while i < n {
                let byte = bytes[i]
                let isWord = (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || (byte >= 48 && byte <= 57) || byte == 45
                guard isWord else {
                    i += 1
                    continue
                }
                var end = i
                var hyphens = false
                var start = i
                while end < n {
                    let c = bytes[end]
                    if c == 45 {
                        if start == end { start += 1 } else { hyphens = true }
                    } else if !((c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57)) {
                        break
                    }
                    end += 1
                }
                i = end
                guard start < end else { continue }
                ranges.append(start..<end)
                guard hyphens, !isRegionCode(ascii: UnsafeBufferPointer(rebasing: bytes[start..<end])) else { continue }
                var part = start
                for k in start...end where k == end || bytes[k] == 45 {
                    if k > part { ranges.append(part..<k) }
                    part = k + 1
                }
            }
            return true
        }
        guard isASCII else { return nil }
        let utf8 = text.utf8
        return ranges.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[lower..<utf8.index(lower, offsetBy: range.count)]
        }
    }
}
