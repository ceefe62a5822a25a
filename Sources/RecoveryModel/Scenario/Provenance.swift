/// Where a scenario parameter's value comes from, so a reader can tell what the model was told
/// from what it was fitted to.
public struct Provenance: Sendable, Equatable, Codable {
    /// The kind of source.
    public enum Source: String, Sendable, Equatable, Codable, CaseIterable {
        /// Stated in the incident's postmortem; `note` holds the quote.
        case postmortem
        /// From public material other than the postmortem; `note` holds the citation.
        case `public`
        /// Chosen by the modeller; `note` says why.
        case assumed
        /// Fitted by `postmortem calibrate` to the scenario's `fit` figures on its calibration seeds.
        case calibrated

        /// The YAML key the note is written under: `quote`, `citation` or `reason`.
        public var noteKey: String? {
            switch self {
            case .postmortem: return "quote"
            case .public: return "citation"
            case .assumed: return "reason"
            case .calibrated: return nil
            }
        }
    }

    public var source: Source
    /// The quote, citation or reason (empty for a calibrated value without a comment).
    public var note: String

    public init(source: Source, note: String) {
        self.source = source
        self.note = note
    }
}
