#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes, for the prose reader's inner loops.
///
/// Hand-written because Foundation's `range(of:)`/`components(separatedBy:)` bridge every call
/// through `NSString` and UTF-16 (a third of the reader's time in a profile), and the standard
/// library offers no byte-level substring search. The needles here are ASCII phrases, for which
/// byte equality is the same as the text's equality.
enum ByteSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack` at or after `from`.
    static func first(_ needle: String, in haystack: String, from: Int = 0) -> Int? {
        var hay = haystack
        var pin = needle
        return hay.withUTF8 { h in pin.withUTF8 { n in first(n, in: h, from: from) } }
    }

    /// The byte offset of the last occurrence of `needle` in `haystack`.
    static func last(_ needle: String, in haystack: String) -> Int? {
        var hay = haystack
        var pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n -> Int? in
                guard !n.isEmpty, n.count <= h.count else { return n.isEmpty ? h.count : nil }
                var i = h.count - n.count
                while i >= 0 {
                    if h[i] == n[0], matches(n, in: h, at: i) { return i }
                    i -= 1
                }
                return nil
            }
        }
    }

    /// How many times `needle` occurs in `haystack`, not overlapping.
    static func count(_ needle: String, in haystack: String) -> Int {
        var hay = haystack
        var pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard !n.isEmpty else { return 0 }
                var total = 0
                var from = 0
                while let found = first(n, in: h, from: from) {
                    total += 1
                    from = found + n.count
                }
                return total
            }
        }
    }

    /// Byte offsets of every occurrence of `needle` in `haystack`, not overlapping.
    static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var found: [Int] = []
                var from = 0
                while let at = first(n, in: h, from: from) {
                    found.append(at)
                    from = at + n.count
                }
                return found
            }
        }
    }

    /// Whether `haystack` holds `needle`.
    static func contains(_ needle: String, in haystack: String) -> Bool {
        first(needle, in: haystack) != nil
    }

    static func first(_ n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard !n.isEmpty else { return from <= h.count ? from : nil }
        guard h.count >= n.count, let base = h.baseAddress else { return nil }
        let lead = n[0]
        var i = max(from, 0)
        let limit = h.count - n.count
        while i <= limit {
            // The C library's `memchr` finds the next lead byte many bytes at a time.
            guard let hit = memchr(base + i, Int32(lead), limit - i + 1) else { return nil }
            i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if matches(n, in: h, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func matches(_ n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var k = 1
        while k < n.count {
            if h[i + k] != n[k] { return false }
            k += 1
        }
        return true
    }
}

extension StringProtocol {
    /// Whether the text holds `other`, compared byte by byte on UTF-8 (see `ByteSearch`): the
    /// prose reader's substring test, where Foundation's `contains` would bridge each call
    /// through `NSString`. Named apart so that a reader sees which search runs.
    func containsBytes(_ other: String) -> Bool {
        var pin = other
        if let fast = utf8.withContiguousStorageIfAvailable({ h in pin.withUTF8 { n in ByteSearch.first(n, in: h, from: 0) != nil } }) {
            return fast
        }
        return ByteSearch.contains(other, in: String(self))
    }
}
