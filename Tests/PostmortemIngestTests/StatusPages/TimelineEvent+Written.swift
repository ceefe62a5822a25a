import PostmortemTimeline

extension TimelineEvent {
    /// The event's instant written back in its own zone, to compare with the source text.
    var iso8601Written: String? { zone.map { time.iso8601(in: $0) } }
}
