#!/usr/bin/env python3
"""The Python peer for the ingest benchmark: what a competent user would write with lxml to
turn saved Atlassian Statuspage history pages into the same JSON timeline that
`postmortem timeline --format json` prints (title, impact, url, every update's UTC time,
status, zone and text), reading each file in turn and printing one JSON document."""
import json
import re
import sys
from datetime import datetime, timedelta, timezone

from lxml import etree, html

ZONES = {
    "UTC": 0, "GMT": 0, "PST": -480, "PDT": -420, "MST": -420, "MDT": -360, "CST": -360, "CDT": -300,
    "EST": -300, "EDT": -240, "CET": 60, "CEST": 120, "BST": 60, "IST": 330, "JST": 540, "KST": 540,
    "NZDT": 780, "NZST": 720, "AEDT": 660, "AEST": 600,
}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}
OFFSET = re.compile(r"^(?:GMT|UTC)([+-])(\d{1,2}):?(\d{2})?$")
SPACE = re.compile(r"\s+")

# Compiled once, as a competent lxml user would.
DAYS = etree.XPath('//div[contains(concat(" ", @class, " "), " status-day ")]')
YEAR = etree.XPath('.//var[@data-var="year"]/text()')
HEADER = etree.XPath('./div[contains(@class, "date")]/text()')
CONTAINERS = etree.XPath('.//div[contains(concat(" ", @class, " "), " incident-container ")]')
TITLE = etree.XPath('.//div[contains(@class, "incident-title")]')
LINK = etree.XPath(".//a")
UPDATES = etree.XPath('.//div[contains(concat(" ", @class, " "), " update ")]')


def zone_minutes(token):
    if token in ZONES:
        return ZONES[token]
    m = OFFSET.match(token)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return minutes if m.group(1) == "+" else -minutes


def fold(text):
    return SPACE.sub(" ", text).strip()


def read_page(path, incidents, warnings):
    tree = html.parse(path)
    for day in DAYS(tree):
        year = YEAR(day)
        header_month = HEADER(day)
        if not year:
            continue
        year = int(year[0])
        header = MONTHS.get(fold(header_month[0]).split(" ")[0][:3], 1) if header_month else 1
        for container in CONTAINERS(day):
            title_div = TITLE(container)[0]
            impact = next((c[len("impact-"):] for c in title_div.get("class", "").split() if c.startswith("impact-")), None)
            link = LINK(title_div)
            events = []
            for update in UPDATES(container):
                status = fold(update.findtext("strong") or "")
                small = update.find("small")
                if small is None:
                    continue
                stamp = fold(small.text_content())
                parts = stamp.replace(",", "").split(" ")
                try:
                    month = MONTHS[parts[0][:3]]
                    day_of_month = int(parts[1])
                    hour, minute = (int(x) for x in parts[2].split(":"))
                    offset = zone_minutes(parts[3])
                except (KeyError, ValueError, IndexError):
                    warnings.append({"file": path, "message": "unreadable stamp " + stamp})
                    continue
                if offset is None:
                    warnings.append({"file": path, "message": "unknown zone " + parts[3]})
                    continue
                update_year = year - 1 if month > header else year
                local = datetime(update_year, month, day_of_month, hour, minute)
                utc = (local - timedelta(minutes=offset)).replace(tzinfo=timezone.utc)
                body_parts = []
                for node in update.iterchildren():
                    if node.tag in ("strong", "small", "br"):
                        if node.tail:
                            body_parts.append(node.tail)
                        continue
                    body_parts.append(node.text_content())
                    if node.tail:
                        body_parts.append(node.tail)
                body = fold(" ".join(body_parts)).lstrip("- ").strip()
                events.append({
                    "time": utc.strftime("%Y-%m-%dT%H:%M:%SZ"), "writtenTime": stamp, "zone": parts[3],
                    "status": status.lower(), "text": body, "source": path,
                })
            events.sort(key=lambda e: e["time"])
            incidents.append({
                "title": fold(link[0].text_content()) if link else fold(title_div.text_content()),
                "impact": impact, "url": link[0].get("href") if link else None, "events": events,
            })


def main(paths):
    incidents, warnings = [], []
    for path in paths:
        read_page(path, incidents, warnings)
    # Compact output keeps json on its C encoder (indent= switches to the pure-Python one);
    # the content is the same as the indented document postmortem prints.
    json.dump({"incidents": incidents, "warnings": warnings}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
