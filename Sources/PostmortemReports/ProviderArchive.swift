import PostmortemMetrics
import PostmortemTimeline

/// One provider's record over an archive of incidents, for its page: the outage calendar
/// (minutes per day, uptime per month, per component) and the incidents behind it. The
/// reporter only draws it; the calendar is worked out by `OutageCalendar` from whatever holds
/// the incidents (a corpus folder now, the archive store when it lands).
public struct ProviderArchive: Sendable, Equatable {
    /// The provider's name as the calendar groups it: `AWS`.
    public var provider: String
    public var calendar: OutageCalendar
    /// The provider's incidents, with the page each has in the folder when it has one.
    public var incidents: [IncidentLink]

    /// An incident in the archive and its page, when the folder holds one.
    public struct IncidentLink: Sendable, Equatable {
        public var title: String
        public var date: CivilDate?
        public var durationMinutes: Int?
        public var page: String?

        public init(title: String, date: CivilDate?, durationMinutes: Int?, page: String? = nil) {
            self.title = title
            self.date = date
            self.durationMinutes = durationMinutes
            self.page = page
        }
    }

    public init(provider: String, calendar: OutageCalendar, incidents: [IncidentLink]) {
        self.provider = provider
        self.calendar = calendar
        self.incidents = incidents
    }

    /// One archive per provider the calendar knows, each with its own incidents.
    public static func all(calendar: OutageCalendar, incidents: [Incident], metrics: [IncidentMetrics]) -> [ProviderArchive] {
        let providers = calendar.groups.filter { $0.component == nil }.map(\.provider)
        return providers.map { provider in
            let links = zip(incidents, metrics).filter { ($0.0.provider ?? "unknown") == provider }.map { incident, item in
                IncidentLink(title: incident.title, date: incident.firstDate, durationMinutes: item.window?.durationMinutes)
            }
            return ProviderArchive(provider: provider, calendar: calendar, incidents: links)
        }
    }

    /// The provider's months (all components together), in order.
    public var months: [OutageCalendar.Month] {
        calendar.months.filter { $0.provider == provider && $0.component == nil }
    }

    /// The provider's outage minutes per UTC day.
    public var days: [(date: CivilDate, minutes: Int)] {
        calendar.days.first { $0.provider == provider }?.minutes ?? []
    }

    /// The page's file name: `archive-amazon-web-services.html`.
    public var pageName: String {
        let stem = provider.fileNameWords.joined(separator: "-")
        return "archive-\(stem.isEmpty ? "provider" : stem).html"
    }
}
