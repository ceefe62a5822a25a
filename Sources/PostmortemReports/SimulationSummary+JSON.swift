import PostmortemMetrics
import PostmortemTimeline

extension SimulationSummary {
    /// The run as JSON: scenario, seed, parameters (`name`, `value`, `source` and the `quote`,
    /// `citation` or `reason`), figures (`name`, `role`, `published`, `simulated`,
    /// `tolerance`, `withinTolerance`, `source`), then the series with their sample times.
    public var json: JSONValue {
        .object([
            ("scenario", .string(scenario)),
            ("model", .string(model)),
            ("seed", .int(Int64(bitPattern: seed))),
            ("eventsProcessed", .int(Int64(eventsProcessed))),
            ("parameters", .array(parameters.map { parameter in
                var fields: [(String, JSONValue)] = [("name", .string(parameter.key)), ("value", .string(parameter.value))]
                if let source = parameter.source { fields.append(("source", .string(source))) }
                if let note = parameter.note, !note.isEmpty { fields.append((parameter.noteKey, .string(note))) }
                return .object(fields)
            })),
            ("calibrationSeeds", .array(calibrationSeeds.map { .int(Int64(bitPattern: $0)) })),
            ("figures", .array(figures.map { figure in
                .object([
                    ("name", .string(figure.name)),
                    ("role", figure.role.map { .string($0) } ?? .null),
                    ("published", .number(figure.published)),
                    ("simulated", figure.computed.isFinite ? .number(figure.computed) : .null),
                    ("tolerance", .number(figure.tolerance)),
                    ("unit", .string(figure.unit)),
                    ("withinTolerance", .bool(figure.withinTolerance)),
                    ("source", .string(figure.source)),
                ])
            })),
            ("series", .object([("time", .array(times.map { .string($0.iso8601) }))]
                + series.map { ($0.name, .array($0.values.map { .number($0, decimals: 4) })) })),
        ])
    }
}
