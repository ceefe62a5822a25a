/// Finds fixtures from the package root, wherever the tests run from.
enum FixturePath {
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }()

    static func resolve(_ relative: String) -> String {
        packageRoot + "/" + relative
    }
}
