"""Screenshots of the dashboard for the docs, with Debian's Chromium.

    eventlens serve --demo --port 8000 &
    python tools/dashboard_screenshot.py http://127.0.0.1:8000 IRQ0000001 docs/dashboard.png
    python tools/dashboard_screenshot.py http://127.0.0.1:8000 IRQ0000001 docs/dashboard-phone.png --size 390x844
    python tools/dashboard_screenshot.py http://127.0.0.1:8000 IRQ0000001 docs/dashboard-phone-incident.png \
        --size 390x844 --at-incident

Opens the dashboard, selects the incident, highlights the evidence of one field and saves a PNG
(1280x720 unless ``--size``). Waits on the page's own ready signals (``data-state``), never on a
guessed time. Uses /usr/bin/chromium (``make browser-deps``); never downloads a browser.
"""

from __future__ import annotations

import argparse

from playwright.sync_api import sync_playwright

WAIT_MS = 60_000


def shoot(url: str, incident: str, out: str, *, size: str, field: str, at_incident: bool) -> None:
    width, height = (int(v) for v in size.lower().split("x"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        # reduced motion: the highlight jumps to the evidence instead of scrolling smoothly
        page = browser.new_page(viewport={"width": width, "height": height}, reduced_motion="reduce")
        page.goto(url.rstrip("/") + "/")
        page.wait_for_selector("body[data-state='ready']", state="attached", timeout=WAIT_MS)
        page.locator(f"#incidents tbody tr[data-id='{incident}']").click()
        page.wait_for_selector("#detail[data-state='ready']", state="attached", timeout=WAIT_MS)
        link = page.locator(f"#detail button.field-link[data-field='{field}']")
        if link.count():
            link.click()
            page.locator("#detail mark.evidence.active").first.wait_for(state="visible", timeout=WAIT_MS)
        if at_incident:  # a phone: scroll the incident panel's heading to the top
            page.locator("#detail h2").evaluate("(h) => h.scrollIntoView({block: 'start'})")
        else:
            page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=out)
        browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("url")
    ap.add_argument("incident", help="an incident id (event_id_cnty) to open")
    ap.add_argument("out", help="the PNG to write")
    ap.add_argument("--size", default="1280x720", help="viewport WIDTHxHEIGHT (default 1280x720)")
    ap.add_argument("--field", default="event_type", help="the field whose evidence to highlight")
    ap.add_argument("--at-incident", action="store_true", help="scroll to the incident panel (phones)")
    a = ap.parse_args()
    shoot(a.url, a.incident, a.out, size=a.size, field=a.field, at_incident=a.at_incident)


if __name__ == "__main__":
    main()
