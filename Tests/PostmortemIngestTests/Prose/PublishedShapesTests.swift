@testable import PostmortemIngest
import PostmortemTimeline
import Testing

/// Shapes of postmortems as sites and mail programs publish them (the web-generality fixtures):
/// an article's own header, a page title that repeats the heading with the site's name, a weekday
/// counted back from the publication date, header fields of a text report, a mail's header.
/// Every window is worked out by hand in the comments.
@Suite("Published shapes: article headers, page titles, mail headers, report fields")
struct PublishedShapesTests {
    @Test("An article's <header> gives its <h1> (the byline and the page's own header are left out)")
    func articleHeader() {
        let page = """
            <html><head><title>Cache outage on 3 May | Acme blog</title></head><body>
            <header><h1>Acme blog</h1><nav>Home</nav></header>
            <article><header><h1>Cache outage on 3 May</h1><p>Posted by Sam, 4 May 2021</p></header>
            <p>Reads failed.</p></article></body></html>
            """
        let document = BlockDocument.read(text: page)
        #expect(document.blocks.map(\.text) == ["Cache outage on 3 May", "Reads failed."])
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph])
        // The page title is the heading followed by the site's name: the heading is the title.
        #expect(document.metadata.title == "Cache outage on 3 May")
        #expect(HTMLArticle.title("Cache outage | by Sam | Medium", firstHeading: "Cache outage") == "Cache outage")
        #expect(HTMLArticle.title("Cache outages explained", firstHeading: "Cache outage") == "Cache outages explained")
    }

    @Test("A weekday written before any date is the last one on or before the page's publication date")
    func weekdayBeforePublication() throws {
        // Published Wednesday 2021-05-05; "on Monday" is 2021-05-03. UTC: 09:10 to 09:55.
        let page = """
            <html><head><meta property="article:published_time" content="2021-05-05T12:00:00Z"></head><body><article>
            <h1>Queue stall</h1>
            <p>On Monday, from 09:10 to 09:55 UTC, jobs could not be queued.</p>
            </article></body></html>
            """
        let (incident, warnings) = try ProseFixture.parse(page, name: "stall.html")
        #expect(incident.impactWindowUTC == ["2021-05-03T09:10:00Z", "2021-05-03T09:55:00Z"])
        #expect(warnings.isEmpty)
    }

    @Test("A report's header fields are blocks of their own, and a 'Prepared:' date does not date the incident's times")
    func reportFields() throws {
        // The incident is on 2 March 2022 (the Date: field), the report four days later. 11:05 to 11:40 UTC.
        let text = """
              Incident:  search unavailable
              Date:      Wednesday, 2 March 2022
              Prepared:  Search team, 6 March 2022

              Search returned errors from 11:05 to 11:40 UTC, when the index was restored.
            """
        let blocks = PlainTextBlocks.blocks(lines: BlockDocument.lines(text))
        #expect(blocks.map(\.line) == [1, 2, 3, 5])
        // (The last, one line holding a clock, is a row, as before.)
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .listItem])
        #expect(PlainTextBlocks.isFieldLine("Message-ID: <a@b>"))
        #expect(!PlainTextBlocks.isFieldLine("At 14:05 the queue stalled"))
        #expect(!PlainTextBlocks.isFieldLine("The first thing we saw was this: errors"))
        let (incident, _) = try ProseFixture.parse(text, name: "report.txt")
        #expect(incident.impactWindowUTC == ["2022-03-02T11:05:00Z", "2022-03-02T11:40:00Z"])
    }

    @Test("A mail's header: the subject is the title, Date: the day of writing, and its clock is no event")
    func mailHeader() throws {
        // Sent Friday 2020-10-09 08:30 +0200 (06:30Z); "on Thursday" is 2020-10-08; CEST = UTC+2,
        // so 16:00 to 16:45 CEST is 14:00Z to 14:45Z.
        let text = """
            From: Ops <ops@example.com>
            To: all@example.com
            Date: Fri, 9 Oct 2020 08:30:00 +0200
            Subject: Upload errors on Thursday

            Hello,

            on Thursday, uploads failed between 16:00 and 16:45 CEST. They work again.
            """
        let lines = BlockDocument.lines(text)
        let header = try #require(MailHeader.read(lines))
        #expect(header == MailHeader(subject: "Upload errors on Thursday", sent: CivilDate(year: 2020, month: 10, day: 9), lineCount: 5))
        #expect(MailHeader.day("1 Jan 2021 00:30 +0100") == CivilDate(year: 2020, month: 12, day: 31))
        #expect(MailHeader.read(BlockDocument.lines("Summary: it broke\nDate: 2021-01-01\n\nText")) == nil)
        let (incident, warnings) = try ProseFixture.parse(text, name: "mail.txt")
        #expect(incident.title == "Upload errors on Thursday")
        #expect(incident.impactWindowUTC == ["2020-10-08T14:00:00Z", "2020-10-08T14:45:00Z"])
        #expect(incident.events.allSatisfy { $0.time.iso8601 != "2020-10-09T06:30:00Z" })
        #expect(warnings.isEmpty)
    }

    @Test("A step written 'without impact' or 'without affecting customers' is no evidence: a later range or resumption does not end the window")
    func withoutImpact() throws {
        // 10:20 to 11:05 UTC on 2 July 2024; the key roll of 3 July and the 01:00 resumption had no impact.
        let text = """
            # Resolver failures, 2 July 2024

            Lookups failed from 10:20 UTC to 11:05 UTC. A corrected roll was done on 3 July, 08:00-08:30 UTC, without impact.
            The clean-up job resumed at 01:00 UTC on 3 July and finished without affecting customers.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "resolver.md")
        #expect(incident.impactWindowUTC == ["2024-07-02T10:20:00Z", "2024-07-02T11:05:00Z"])
    }

    @Test("Watching after the fix ('watched it until 23:30 before closing the incident') is no stated end")
    func watchingIsNoEnd() throws {
        // UTC: failures from 21:40, working again from 23:05; the 23:30 close-out and the 23:50
        // "kept the incident open until" are not the end.
        let text = """
            # Sign-in failures, 5 June 2023

            Sign-ins failed from 21:40 UTC. Sign-ins worked again from 23:05 UTC. We watched it until 23:30 UTC before closing the incident.
            We kept the incident open until 23:50 UTC to watch the queues, then resolved it.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "signin.md")
        #expect(incident.impactWindowUTC == ["2023-06-05T21:40:00Z", "2023-06-05T23:05:00Z"])
    }

    @Test("'From that moment, requests failed' two sentences after a time: the impact starts at that time, before the first customer ticket")
    func backReference() throws {
        // PST = UTC-8 on 16 January 2023: 4:10 PM is 00:10Z on the 17th; recovered 6:25 PM = 02:25Z.
        let text = """
            # Certificate rotation outage

            On January 16, 2023 at 4:10 PM PST, a job rotated the certificate. The new chain lacked an intermediate certificate. From that moment, most app requests failed.

            The first customer ticket arrived at 4:38 PM PST. An engineer was paged at 5:02 PM PST, when the error dashboard crossed its threshold. By 6:25 PM PST error rates had recovered.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "cert.md")
        #expect(incident.impactWindowUTC == ["2023-01-17T00:10:00Z", "2023-01-17T02:25:00Z"])
        #expect(ProseReading.backReferences.contains("from that moment"))
    }

    @Test("A web page with no time of day (the navigation's 'Updated 10:00 UTC' is not the article's) is an error naming the file")
    func pageWithoutTime() {
        let page = """
            <html><body><header><nav>Home - Updated 10:00 UTC</nav></header><article><h1>We are sorry</h1>
            <p>Yesterday the service was unavailable for some customers.</p></article></body></html>
            """
        #expect {
            _ = try Ingest.parse(SourceInput(path: "sorry.html", bytes: Array(page.utf8)))
        } throws: { error in
            guard let error = error as? IngestError, case .noTimeline = error else { return false }
            return error.description == "sorry.html: no timeline found; expected postmortem prose with dated times such as '12:47 AM PDT on April 21st' or '14:05 UTC' (the text holds no time of day)."
        }
    }

    @Test("A web page whose times name no year (no publication date): an error with the line and the --reference-date hint")
    func pageWithoutYear() throws {
        let page = """
            <html><body><article><h1>API errors</h1><p>Intro.</p>
            <p>On March 3, from 14:05 to 14:50 UTC, API requests failed.</p></article></body></html>
            """
        #expect {
            _ = try Ingest.parse(SourceInput(path: "api.html", bytes: Array(page.utf8)))
        } throws: { error in
            guard let error = error as? IngestError, case .noTimeline = error else { return false }
            return error.description.hasSuffix("(the first time found was skipped: line 2: skipped a time: 'March 3' names no year and the text gives none (give --reference-date)).")
        }
        // With the hint, the page reads: 14:05 to 14:50 UTC on 3 March 2024.
        let (incident, _) = try ProseFixture.parse(page, name: "api.html", options: IngestOptions(referenceDate: CivilDate(year: 2024, month: 3, day: 10)))
        #expect(incident.impactWindowUTC == ["2024-03-03T14:05:00Z", "2024-03-03T14:50:00Z"])
    }

    @Test("Wrong results are impact: 'duplicate invoices were created from 03:15 to 04:02 UTC' is the window's range")
    func duplicatesAreImpact() throws {
        // UTC as written, on 14 September 2023; the 09:30 voiding is clean-up.
        let text = """
            # Billing run report, 14 September 2023

            During the run, duplicate invoices were created from 03:15
            to 04:02 UTC, when the run was stopped. All duplicates were voided by 09:30 UTC.
            """
        let (incident, _) = try ProseFixture.parse(text, name: "billing.txt")
        #expect(incident.impactWindowUTC == ["2023-09-14T03:15:00Z", "2023-09-14T04:02:00Z"])
        #expect(ProseWindowEvidence.namesFailure("customers were charged twice"))
    }

    @Test("A page with no <article> or <aside>: a sidebar, comments and footer named by class or id are left out; the wrapper that holds the <h1> is kept")
    func chromeByClass() throws {
        // The post: 10:05 to 10:50 UTC on 6 April 2022. The sidebar's other post (16:10-18:00 on
        // 1 April) and a comment's 09:00-11:30 would otherwise be read as this incident's.
        let page = """
            <!DOCTYPE html><html><head><title>Queue outage | Example blog</title><meta property="article:published_time" content="2022-04-08T10:00:00Z"></head><body>
            <div class="site-wrapper">
            <div class="topbar-nav"><a href="/">Home</a> <a href="/blog">Blog</a></div>
            <div class="layout-with-sidebar">
            <div class="post-body">
            <div class="post-header"><h1>Queue outage</h1><span>By Kim, April 8, 2022</span></div>
            <p>On April 6, jobs were stuck in the queue from 10:05 to 10:50 UTC after a broker ran out of disk.</p>
            <p>We freed disk at 10:40 UTC and jobs ran normally again from 10:50 UTC.</p>
            </div>
            <div class="sidebar"><h3>Recent posts</h3><p>Login outage on April 1, resolved at 18:00 UTC after failures from 16:10 to 18:00 UTC</p></div>
            </div>
            <div id="comments"><p>Ana, April 7, 2022 at 09:15: we saw failures from 09:00 to 11:30 UTC.</p></div>
            <div class="site-footer">Last updated April 9, 2022 08:00 UTC</div>
            </div></body></html>
            """
        let (incident, warnings) = try ProseFixture.parse(page, name: "queue.html")
        #expect(incident.impactWindowUTC == ["2022-04-06T10:05:00Z", "2022-04-06T10:50:00Z"])
        #expect(incident.events.map(\.writtenTime) == ["10:05 to 10:50 UTC", "10:40 UTC", "10:50 UTC"])
        #expect(warnings.isEmpty)
    }
}
