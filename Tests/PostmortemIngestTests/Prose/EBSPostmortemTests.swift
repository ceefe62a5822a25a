import PostmortemIngest
import PostmortemTimeline
import Testing

@Suite("Prose: the EBS postmortem of April 29, 2011")
struct EBSPostmortemTests {
    static let file = "aws-ebs-2011-04-21.txt"

    static func read() throws -> (Incident, [ParseWarning]) {
        let reading = try ProseFixture.ebs.get()
        #expect(reading.format == .prose)
        return (reading.incident, reading.warnings)
    }

    static let instants: [(written: String, utc: String)] = [
        ("12:47 AM PDT on April 21st", "2011-04-21T07:47:00Z"),
        ("2:40 AM PDT on April 21st", "2011-04-21T09:40:00Z"),
        ("2:50 AM PDT", "2011-04-21T09:50:00Z"),
        ("5:30 AM PDT", "2011-04-21T12:30:00Z"),
        ("8:20 AM PDT", "2011-04-21T15:20:00Z"),
        ("11:30AM PDT", "2011-04-21T18:30:00Z"),
        ("Noon PDT on April 21st", "2011-04-21T19:00:00Z"),
        ("Noon PM PDT on April 21st", "2011-04-21T19:00:00Z"),
        ("11:30 AM PDT", "2011-04-21T18:30:00Z"),
        ("Noon PDT", "2011-04-21T19:00:00Z"),
        ("12:04 PM PDT on April 21st", "2011-04-21T19:04:00Z"),
        ("02:00AM PDT on April 22nd", "2011-04-22T09:00:00Z"),
        ("12:30PM PDT on April 22nd", "2011-04-22T19:30:00Z"),
        ("evening of April 22nd into the morning of April 23rd", "2011-04-23T01:00:00Z"),
        ("Saturday morning", "2011-04-23T13:00:00Z"),
        ("11:30 AM PDT on April 23rd", "2011-04-23T18:30:00Z"),
        ("3:35PM PDT", "2011-04-23T22:35:00Z"),
        ("6:15 PM PDT on April 23rd", "2011-04-24T01:15:00Z"),
        ("12:30 PM PDT on April 24", "2011-04-24T19:30:00Z"),
        ("3:00 PM PDT", "2011-04-24T22:00:00Z"),
        ("Thursday", "2011-04-21T07:00:00Z"),
        ("12:50 AM PDT to 2:40 AM PDT on April 21st", "2011-04-21T07:50:00Z"),
        ("Monday, May 2", "2011-05-02T07:00:00Z"),
    ]

    @Test("Every written instant resolves to its UTC instant", arguments: instants)
    func instant(written: String, utc: String) throws {
        let (incident, _) = try Self.read()
        let event = try #require(incident.event(written: written))
        #expect(event.time.iso8601 == utc)
        #expect(event.text.contains(written))
        #expect(event.source.file.hasSuffix(Self.file))
    }

    @Test("23 events, all within the fortnight from April 21, all in PDT")
    func fortnight() throws {
        let (incident, _) = try Self.read()
        #expect(incident.events.count == Self.instants.count)
        let first = try #require(Instant(iso8601: "2011-04-21T00:00:00-07:00"))
        let last = try #require(Instant(iso8601: "2011-05-05T00:00:00-07:00"))
        for event in incident.events {
            #expect(event.time >= first && event.time < last, "\(event.writtenTime ?? "") at \(event.time)")
            #expect(event.zone?.token == "PDT")
            #expect(event.zone?.offsetSeconds == -25_200)
        }
        #expect(incident.events.first?.time.iso8601 == "2011-04-21T07:00:00Z")
        #expect(incident.events.last?.time.iso8601 == "2011-05-02T07:00:00Z")
    }

    @Test("Spans and parts of days keep their end and precision")
    func spans() throws {
        let (incident, _) = try Self.read()
        let night = try #require(incident.event(written: "evening of April 22nd into the morning of April 23rd"))
        #expect(night.precision == .partOfDay)
        #expect(night.endTime?.iso8601 == "2011-04-23T19:00:00Z")
        let saturday = try #require(incident.event(written: "Saturday morning"))
        #expect(saturday.precision == .partOfDay)
        #expect(saturday.endTime?.iso8601 == "2011-04-23T19:00:00Z")
        let api = try #require(incident.event(written: "12:50 AM PDT to 2:40 AM PDT on April 21st"))
        #expect(api.endTime?.iso8601 == "2011-04-21T09:40:00Z")
        #expect(api.precision == .minute)
        #expect(api.status == "impact")
        let thursday = try #require(incident.event(written: "Thursday"))
        #expect(thursday.precision == .day)
        #expect(thursday.endTime?.iso8601 == "2011-04-22T07:00:00Z")
        #expect(thursday.status == nil)
    }

    @Test("Sentences keep their line; statuses and regions are classified")
    func sentences() throws {
        let (incident, _) = try Self.read()
        let start = try #require(incident.event(written: "12:47 AM PDT on April 21st"))
        #expect(start.source.line == 19)
        #expect(start.text.hasPrefix("At 12:47 AM PDT on April 21st, a network change was performed"))
        #expect(start.text.hasSuffix("in the US East Region."))
        #expect(start.region == "US East")
        #expect(start.status == "impact")
        #expect(incident.event(written: "2:40 AM PDT on April 21st")?.status == "recovering")
        #expect(incident.event(written: "2:50 AM PDT")?.status == "restored")
        #expect(incident.event(written: "5:30 AM PDT")?.status == "impact")
        #expect(incident.event(written: "12:30PM PDT on April 22nd")?.status == "recovering")
        let restored = try #require(incident.event(written: "6:15 PM PDT on April 23rd"))
        #expect(restored.status == "restored")
        #expect(restored.source.line == 39)
        #expect(restored.service == "EBS")
        #expect(incident.event(written: "3:00 PM PDT")?.status == "recovering")
    }

    @Test("The one time that steps back with no date is kept on April 21 and flagged")
    func warnings() throws {
        let (_, warnings) = try Self.read()
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == 31)
        #expect(warnings.first?.message == "'11:30 AM PDT' is earlier than the time before it and names no date; kept on 2011-04-21")
    }

    @Test("Title, provider, services, regions and the announced credit")
    func incidentFields() throws {
        let (incident, _) = try Self.read()
        #expect(incident.title == "AWS postmortem, April 29, 2011")
        #expect(incident.provider == "AWS")
        #expect(incident.services == ["EC2", "EBS", "RDS"])
        #expect(incident.regions == ["US East"])
        #expect(incident.announcedCredits.map(\.summary) == ["10 days of 100% of usage"])
        #expect(incident.announcedCredits.first?.source.line == 89)
        #expect(incident.sources.count == 1)
    }

    static let percentages: [(value: Double, subject: String, role: ObservationRole, time: String?)] = [
        (13, "EBS volumes stuck in the affected AZ", .peak, "2011-04-21T07:47:00Z"),
        (5, "EBS volumes stuck in the affected AZ", .increment, "2011-04-21T18:30:00Z"),
        (2.2, "EBS volumes stuck in the affected AZ", .point, "2011-04-22T19:30:00Z"),
        (1.04, "EBS volumes stuck in the affected AZ", .point, "2011-04-24T19:30:00Z"),
        (0.07, "EBS volumes stuck in the affected AZ", .residual, nil),
        (0.07, "EBS volumes stuck in other AZs", .aside, nil),
        (45, "single-AZ RDS instances stuck", .peak, "2011-04-21T07:47:00Z"),
        (41.0, "single-AZ RDS instances stuck", .point, "2011-04-22T07:47:00Z"),
        (23.5, "single-AZ RDS instances stuck", .point, "2011-04-22T19:47:00Z"),
        (14.6, "single-AZ RDS instances stuck", .point, "2011-04-23T07:47:00Z"),
        (0.4, "single-AZ RDS instances stuck", .residual, nil),
        (2.5, "multi-AZ RDS instances that did not fail over", .aside, nil),
    ]

    @Test("The percentages are observations with subject, role and time", arguments: percentages)
    func percentage(value: Double, subject: String, role: ObservationRole, time: String?) throws {
        let (incident, _) = try Self.read()
        let observation = try #require(incident.percent(value, subject: subject))
        #expect(observation.role == role)
        #expect(observation.time?.iso8601 == time)
        #expect(observation.text.contains("\(observation.value == 41 ? "41.0" : NumberText.plain(value))%"))
    }

    @Test("Twelve percentage observations: the eleven figures, 0.07% twice for two subjects, repeats kept once")
    func percentageCount() throws {
        let (incident, _) = try Self.read()
        let percents = incident.observations.filter { $0.unit == .percent }
        #expect(percents.count == 12)
        #expect(Set(percents.map(\.value)) == [13, 5, 2.2, 1.04, 0.07, 45, 41.0, 23.5, 14.6, 0.4, 2.5])
        #expect(!percents.contains { $0.value == 100 })
        #expect(incident.observations.count == 14)
        #expect(!incident.observations.contains { $0.unit == .count })
    }

    @Test("Durations are observations in hours")
    func durations() throws {
        let (incident, _) = try Self.read()
        let durations = incident.observations.filter { $0.unit == .hours }
        #expect(durations.map(\.value) == [11, 9])
        #expect(durations.map(\.subject) == ["Customers also experienced elevated error rates", "Volumes were restored consistently"])
        #expect(durations.first?.text.hasPrefix("This occurred for approximately 11 hours") == true)
    }

    @Test("The impact window runs from 12:47 AM PDT April 21 to 6:15 PM PDT April 23")
    func window() throws {
        let (incident, _) = try Self.read()
        let window = try #require(ProseImpactWindow.infer(from: incident))
        #expect(window.start.iso8601 == "2011-04-21T07:47:00Z")
        #expect(window.end?.iso8601 == "2011-04-24T01:15:00Z")
        #expect(window.startEvent.writtenTime == "12:47 AM PDT on April 21st")
        #expect(window.endEvent?.text.hasPrefix("At 6:15 PM PDT on April 23rd, API access to EBS resources was restored") == true)
        #expect(window.sentences.count == 2)
    }
}

/// Figures written the way the EBS text writes them (`13`, `2.2`).
enum NumberText {
    static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
