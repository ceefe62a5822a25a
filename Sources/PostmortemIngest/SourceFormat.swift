/// The formats postmortem reads. Each has one parser; detection tries them in this order.
public enum SourceFormat: String, Sendable, CaseIterable, Codable {
    case awsHealthDashboard = "aws-shd"
    case awsHealthRSS = "aws-shd-rss"
    case awsHealthJSON = "aws-shd-json"
    case statuspageHistory = "statuspage-history"
    case statuspageIncident = "statuspage-incident"
    case statuspageJSON = "statuspage-json"
    case statuspageFeed = "statuspage-feed"
    case googleCloudJSON = "gcp-json"
    case prose = "prose"

    /// A reader's name for the format, used in messages.
    public var title: String {
        switch self {
        case .awsHealthDashboard: return "AWS Service Health Dashboard page"
        case .awsHealthRSS: return "AWS Service Health Dashboard RSS"
        case .awsHealthJSON: return "AWS Service Health Dashboard data.json"
        case .statuspageHistory: return "Statuspage front or history page"
        case .statuspageIncident: return "Statuspage incident page"
        case .statuspageJSON: return "Statuspage API JSON"
        case .statuspageFeed: return "Statuspage Atom/RSS feed"
        case .googleCloudJSON: return "Google Cloud incidents.json"
        case .prose: return "postmortem prose"
        }
    }
}
