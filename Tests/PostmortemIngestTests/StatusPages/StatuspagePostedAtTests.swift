import Testing
import PostmortemIngest
import PostmortemTimeline

@Suite("Statuspage boxes with a posting instant")
struct StatuspagePostedAtTests {
    /// An unresolved-incident box as Statuspage renders it, with the posting time in milliseconds
    /// (1 609 459 200 000 ms = 2021-01-01T00:00:00Z) and no dated day anywhere on the page.
    static let page = """
        <html><head><title>Orbit Status</title></head><body>
        <div class="unresolved-incidents">
          <div class="unresolved-incident impact-major">
            <div class="incident-title"><a href="/incidents/o1r2b3">Queue backlog</a></div>
            <div class="updates">
              <div class="update"><strong>Identified</strong> - A stuck consumer is being restarted.
                <br><small>Posted <span class="ago" data-datetime-unix="1609459200000"></span>. Dec <var data-var="date">31</var>, <var data-var="time">16:00</var> PST</small></div>
            </div>
          </div>
        </div>
        </body></html>
        """

    @Test func postingInstantGivesTheYearWithoutAWarning() throws {
        let result = try Ingest.parse(SourceInput(path: "orbit.html", bytes: Array(Self.page.utf8)))
        let incident = try #require(result.incidents.first)
        #expect(incident.title == "Queue backlog")
        #expect(incident.impact == "major")
        #expect(incident.provider == "Orbit")
        #expect(incident.events.map(\.time.iso8601) == ["2021-01-01T00:00:00Z"])
        #expect(incident.events.map(\.status) == ["identified"])
        #expect(incident.events.first?.text == "A stuck consumer is being restarted.")
        #expect(result.warnings.isEmpty)
    }
}
