import PostmortemMetrics
import PostmortemTimeline

extension SimulationSummary {
    /// The run as JSON: scenario, seed, parameters, figures (`name`, `published`, `simulated`,
    /// `tolerance`, `withinTolerance`, `source`), then the series with their sample times.
    public var json: JSONValue {
        .object([
            ("scenario", .string(scenario)),
            ("model", .string(model)),
            ("seed", .int(Int64(bitPattern: seed))),
            ("eventsProcessed", .int(Int64(eventsProcessed))),
            ("parameters", .object(parameters.map { ($0.key, .string($0.value)) })),
            ("figures", .array(figures.map { figure in
                .object([
                    ("name", .string(figure.name)),
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
