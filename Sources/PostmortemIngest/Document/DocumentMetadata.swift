import PostmortemTimeline

/// What a document says about itself rather than about the incident: its title, the site that
/// published it and when.
public struct DocumentMetadata: Sendable, Equatable, Hashable, Codable {
    /// The document's title (`<title>`, `og:title`, front matter `title:`).
    public var title: String?
    /// The publisher's name (`og:site_name`, JSON-LD `publisher.name`).
    public var siteName: String?
    /// The publication date (`article:published_time`, JSON-LD `datePublished`, `<time
    /// datetime>`, front matter `date:`), in UTC.
    public var published: CivilDate?
    /// Where `published` was read from, for messages.
    public var publishedSource: String?

    public init(title: String? = nil, siteName: String? = nil, published: CivilDate? = nil, publishedSource: String? = nil) {
        self.title = title
        self.siteName = siteName
        self.published = published
        self.publishedSource = publishedSource
    }
}
