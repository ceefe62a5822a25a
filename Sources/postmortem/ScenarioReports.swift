import PostmortemPipeline

/// How `check` and `report --update` run scenario entries of a manifest.
enum ScenarioReports {
    /// No scenario runner is linked in yet: entries with a scenario fail with a clear message.
    static let hook: ReportRegeneration.SimulationHook? = nil
}
