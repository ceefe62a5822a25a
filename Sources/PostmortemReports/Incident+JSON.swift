import PostmortemMetrics
import PostmortemTimeline

extension Incident {
    /// The incident as the `timeline --format json` contract shapes it.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("title", .string(title))]
        members.append(("provider", .optional(provider)))
        members.append(("services", .array(services.map(JSONValue.string))))
        members.append(("regions", .array(regions.map(JSONValue.string))))
        members.append(("impact", .optional(impact)))
        members.append(("components", .array(components.map(JSONValue.string))))
        if !componentStatuses.isEmpty {
            members.append(
                ("componentStatuses", .array(componentStatuses.map { .object([("name", .string($0.name)), ("status", .string($0.status))]) })))
        }
        members.append(("url", .optional(url)))
        members.append(("statedImpactStart", .optional(statedImpactStart?.iso8601)))
        members.append(("statedImpactEnd", .optional(statedImpactEnd?.iso8601)))
        // Written only when a reader set them, so incidents from sources without them read as before.
        if let impactStart { members.append(("impactStart", impactStart.jsonValue)) }
        if let impactEnd { members.append(("impactEnd", impactEnd.jsonValue)) }
        if let identity { members.append(("identity", .string(identity.key))) }
        if let status { members.append(("status", .string(status))) }
        if isMaintenance { members.append(("maintenance", .bool(true))) }
        if let scheduledStart { members.append(("scheduledStart", .string(scheduledStart.iso8601))) }
        if let scheduledEnd { members.append(("scheduledEnd", .string(scheduledEnd.iso8601))) }
        members.append(("sources", .array(sources.map(JSONValue.string))))
        members.append(("events", .array(events.map(\.jsonValue))))
        members.append(("observations", .array(observations.map(\.jsonValue))))
        members.append(("announcedCredits", .array(announcedCredits.map(\.jsonValue))))
        return .object(members)
    }
}

extension ImpactBoundary {
    /// One end of the impact window with its evidence: the sentence or row, the rule that chose
    /// it, whether the text states it (`stated`) or it was inferred, and any zone assumed.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("time", .string(time.iso8601))]
        members.append(("writtenTime", .optional(writtenTime)))
        members.append(("evidence", .string(isStated ? "stated" : "inferred")))
        members.append(("rule", .string(rule)))
        members.append(("text", .string(text)))
        members.append(("source", .string(source.description)))
        if let zoneAssumption { members.append(("zoneAssumption", .string(zoneAssumption))) }
        return .object(members)
    }
}

extension Incident {
    /// The text of `jsonValue` nested `indent` deep, with the events written one at a time and
    /// `flush` given the buffer after each, instead of as one tree.
    func streamJSON(into out: inout [UInt8], indent: Int, flush: (inout [UInt8]) -> Void) {
        var shell = self
        shell.events = []
        guard let members = shell.jsonValue.members else { return }
        JSONValue.writeObject(count: members.count, into: &out, indent: indent, key: { members[$0].0 }) { member, out in
            guard members[member].0 == "events" else {
                members[member].1.write(into: &out, indent: indent + 2)
                return
            }
            JSONValue.writeArray(count: events.count, into: &out, indent: indent + 2) { index, out in
                events[index].jsonValue.write(into: &out, indent: indent + 4)
                flush(&out)
            }
        }
    }
}

extension TimelineEvent {
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("time", .string(time.iso8601))]
        if let endTime { members.append(("endTime", .string(endTime.iso8601))) }
        members.append(("writtenTime", .optional(writtenTime)))
        members.append(("zone", .optional(zone?.token)))
        members.append(("utcOffset", .optional(zone?.offsetText)))
        members.append(("precision", .string(precision.rawValue)))
        members.append(("kind", .string(kind.rawValue)))
        members.append(("status", .optional(status)))
        members.append(("region", .optional(region)))
        members.append(("service", .optional(service)))
        members.append(("text", .string(text)))
        if let updateID { members.append(("updateID", .string(updateID))) }
        members.append(("source", .string(source.description)))
        if !componentChanges.isEmpty {
            members.append(
                ("componentChanges", .array(componentChanges.map { change in
                    .object([
                        ("code", .optional(change.code)), ("name", .string(change.name)),
                        ("oldStatus", .optional(change.oldStatus)), ("newStatus", .optional(change.newStatus)),
                    ])
                })))
        }
        return .object(members)
    }
}

extension Observation {
    public var jsonValue: JSONValue {
        .object([
            ("value", .number(value)), ("unit", .string(unit.rawValue)), ("subject", .string(subject)),
            ("role", .string(role.rawValue)), ("time", .optional(time?.iso8601)), ("text", .string(text)),
            ("source", .string(source.description)),
        ])
    }
}

extension AnnouncedCredit {
    public var jsonValue: JSONValue {
        .object([("summary", .string(summary)), ("text", .string(text)), ("source", .string(source.description))])
    }
}

extension ParseWarning {
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("file", .string(location.file))]
        if let line = location.line { members.append(("line", .int(Int64(line)))) }
        if let offset = location.byteOffset { members.append(("byteOffset", .int(Int64(offset)))) }
        members.append(("message", .string(message)))
        return .object(members)
    }
}
