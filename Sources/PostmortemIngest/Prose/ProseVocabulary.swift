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
        for word in words {
            if let name = service(named: word), !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// The first words of `regionPhrases`, and the longest of them in bytes.
    static let regionLeads: Set<String> = Set(regionPhrases.map { $0.words[0] })
    static let regionLeadLength = regionLeads.map(\.utf8.count).max() ?? 0

    /// The regions named in the words, in order of first mention (`US East`, `EU`, `us-east-1`).
    static func regions(in words: [Substring]) -> [String] {
        var found: [String] = []
        var i = 0
        outer: while i < words.count {
            // Only a phrase's first word can start one (a long word is not made a string to ask).
            let mayLead = words[i].utf8.count <= regionLeadLength && regionLeads.contains(String(words[i]))
            for phrase in regionPhrases where mayLead && i + phrase.words.count <= words.count {
                if zip(phrase.words, words[i..<(i + phrase.words.count)]).allSatisfy({ $0 == $1 }) {
                    if !found.contains(phrase.name) { found.append(phrase.name) }
                    i += phrase.words.count
                    continue outer
                }
            }
            if isRegionCode(words[i]), !found.contains(String(words[i])) { found.append(String(words[i])) }
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
        guard word.utf8.count >= 6, word.utf8.contains(45) else { return false }
        let parts = word.split(separator: "-")
        guard parts.count == 3, parts[0].count == 2, parts[0].allSatisfy(\.isLowercase),
            parts[1].allSatisfy(\.isLowercase), let last = parts[2].first, last.isNumber, parts[2].count == 1
        else { return false }
        return true
    }

    /// Splits text into words for the tables above: letters, digits and inner hyphens
    /// (`us-east-1`); a hyphenated word also yields its parts (`EBS-backed` names `EBS`).
    static func words(_ text: String) -> [Substring] {
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
}
