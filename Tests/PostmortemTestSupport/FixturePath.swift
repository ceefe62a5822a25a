/// Finds fixtures from the package root, wherever the tests run from. Shared by every test target.
public enum FixturePath {
    public static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }()

    /// `relative` (such as `Fixtures/status-pages/x.html`) under the package root.
    public static func resolve(_ relative: String) -> String {
        packageRoot + "/" + relative
    }
}
