/// The version of the postmortem toolkit, printed by `postmortem --version`.
///
/// Kept in the library rather than the executable so a program that embeds the toolkit can
/// record which version produced its reports.
public enum ToolVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
