import PostmortemMetrics
import PostmortemTimeline

extension SimulationSummary {
    /// The series as a table: one row per sample time, one column per series.
    public var seriesTable: CSVTable {
        var table = CSVTable(header: ["time"] + series.map(\.name))
        for (index, time) in times.enumerated() {
            table.append([time.iso8601] + series.map { series in
                index < series.values.count ? NumberFormat.fixed(series.values[index], decimals: 4, trimZeros: true) : ""
            })
        }
        return table
    }

    /// The figures as a table.
    public var figuresTable: CSVTable {
        var table = CSVTable(header: ["name", "published", "simulated", "tolerance", "unit", "withinTolerance", "source", "role"])
        for figure in figures {
            table.append([
                figure.name, NumberFormat.fixed(figure.published, decimals: 4, trimZeros: true),
                NumberFormat.fixed(figure.computed, decimals: 4, trimZeros: true),
                NumberFormat.fixed(figure.tolerance, decimals: 4, trimZeros: true), figure.unit,
                figure.withinTolerance ? "true" : "false", figure.source, figure.role ?? "",
            ])
        }
        return table
    }
}
