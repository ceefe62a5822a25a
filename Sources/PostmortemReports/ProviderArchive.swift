import PostmortemMetrics
import PostmortemTimeline

/// One provider's record over an archive of incidents: the downtime on each day and the uptime
/// of each month, as the archive's store works them out. The reporter only draws them (a
/// calendar heatmap and a monthly table); it never reads the store itself.
public struct ProviderArchive: Sendable, Equatable, Codable {
    /// The provider's name: `Amazon Web Services`.
    public var provider: String
    /// Days with their downtime; days absent from the list had none.
    public var days: [Day]
    /// Months in order, each with its uptime.
    public var months: [Month]
    /// The incidents behind the figures, newest first, with the page each has in the folder.
    public var incidents: [IncidentLink]

    /// Minutes of impact and incidents on one UTC day.
    public struct Day: Sendable, Equatable, Codable {
        public var date: CivilDate
        public var downtimeMinutes: Int
        public var incidents: Int

        public init(date: CivilDate, downtimeMinutes: Int, incidents: Int) {
            self.date = date
            self.downtimeMinutes = downtimeMinutes
            self.incidents = incidents
        }
    }

    /// A calendar month's uptime.
    public struct Month: Sendable, Equatable, Codable {
        public var year: Int
        public var month: Int
        public var uptimePercent: Double
        public var downtimeMinutes: Int
        public var incidents: Int

        public init(year: Int, month: Int, uptimePercent: Double, downtimeMinutes: Int, incidents: Int) {
            self.year = year
            self.month = month
            self.uptimePercent = uptimePercent
            self.downtimeMinutes = downtimeMinutes
            self.incidents = incidents
        }
    }

    /// An incident in the archive and its page, when the folder holds one.
    public struct IncidentLink: Sendable, Equatable, Codable {
        public var title: String
        public var date: CivilDate
        public var durationMinutes: Int?
        public var page: String?

        public init(title: String, date: CivilDate, durationMinutes: Int?, page: String?) {
            self.title = title
            self.date = date
            self.durationMinutes = durationMinutes
            self.page = page
        }
    }

    public init(provider: String, days: [Day], months: [Month], incidents: [IncidentLink]) {
        self.provider = provider
        self.days = days
        self.months = months
        self.incidents = incidents
    }

    /// The page's file name: `archive-amazon-web-services.html`.
    public var pageName: String {
        let stem = provider.fileNameWords.joined(separator: "-")
        return "archive-\(stem.isEmpty ? "provider" : stem).html"
    }
}
