import PostmortemMetrics

extension ValidationSummary {
    /// The validation as JSON: scenario, seeds, calibrated keys, then per figure its role,
    /// published value, tolerance, mean, sd, runs within tolerance and the leave-one-out result.
    public var json: JSONValue {
        func number(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }
        return .object([
            ("scenario", .string(scenario)),
            ("seeds", .array(seeds.map { .int(Int64(bitPattern: $0)) })),
            ("calibrationSeeds", .array(calibrationSeeds.map { .int(Int64(bitPattern: $0)) })),
            ("calibrated", .array(calibrated.map { .object([("name", .string($0.key)), ("value", .string($0.value))]) })),
            ("figures", .array(figures.map { figure in
                var fields: [(String, JSONValue)] = [
                    ("name", .string(figure.name)), ("role", .string(figure.role)), ("published", .number(figure.published)),
                    ("tolerance", .number(figure.tolerance)), ("unit", .string(figure.unit)), ("mean", number(figure.mean)),
                    ("sd", number(figure.standardDeviation)), ("within", .int(Int64(figure.within))), ("runs", .int(Int64(figure.runs))),
                ]
                if let precision = figure.precision { fields.append(("precision", .string(precision))) }
                if let loo = figure.leaveOneOut {
                    fields.append(("leaveOneOut", .object([
                        ("refitted", .array(loo.refitted.map { .object([("name", .string($0.key)), ("value", .string($0.value))]) })),
                        ("mean", number(loo.mean)), ("within", .int(Int64(loo.within))), ("runs", .int(Int64(loo.runs))),
                    ])))
                }
                return .object(fields)
            })),
        ])
    }
}
