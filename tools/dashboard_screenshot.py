"""Screenshot of the dashboard for the docs (docs/dashboard.png), with Debian's Chromium.

    eventlens serve --demo --port 8000 &
    python tools/dashboard_screenshot.py http://127.0.0.1:8000 IRQ0000001 docs/dashboard.png

Opens the dashboard, selects the incident, highlights the evidence of one field and saves a
1400x900 PNG. Uses /usr/bin/chromium (``make browser-deps``); never downloads a browser.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright


def main(url: str, incident: str, out: str, field: str = "event_type") -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url.rstrip("/") + "/")
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)
        page.locator(f"#incidents tbody tr[data-id='{incident}']").click()
        page.wait_for_selector("#detail mark.evidence")
        page.wait_for_timeout(800)  # the map's zoom animation
        link = page.locator(f"#detail button.field-link[data-field='{field}']")
        if link.count():
            link.click()
            page.wait_for_timeout(700)
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
