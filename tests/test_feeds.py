"""The feed watcher against a loopback server: a new item becomes an incident within a minute,
once, across a restart; broken feeds, oversized pages and private redirects are refused in one
log line each. The server is trusted by ``host:port``; any other private address stays refused."""

from __future__ import annotations

import logging
import shlex
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from eventlens import store as store_mod
from eventlens.errors import ConfigError
from eventlens.jobs.watch import AlertFilter, WatchConfig, Watcher, read_feed_list
from loopback import LoopbackServer

RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
NOW = datetime.now(UTC).replace(microsecond=0)

STORIES = {
    "/story/1": (
        "Gunmen kill five villagers in northern Nigeria",
        "Gunmen killed five villagers and wounded three others in an attack on the village of Kauru "
        "in Kaduna state on Monday, police said. The attackers arrived on motorcycles and opened fire "
        "on residents before fleeing into the forest, a police spokesman told reporters.",
    ),
    "/story/2": (
        "Protesters rally in Nairobi over fuel prices",
        "Hundreds of protesters marched through central Nairobi in Kenya on Tuesday to denounce rising "
        "fuel prices, witnesses said. Police fired tear gas to disperse the crowd near parliament, "
        "and several demonstrators were arrested.",
    ),
}


def _page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article>"
        "</body></html>"
    ).encode()


def _rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{STORIES.get(p, ('Story', ''))[0]}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>{format_datetime(NOW - timedelta(hours=1))}</pubDate></item>"
        for p in paths
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title><link>{base}/</link>'
        f"<description>t</description>{items}</channel></rss>"
    ).encode()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as s:
        for path, (title, body) in STORIES.items():
            s.route(path, body=_page(title, body), headers={"Content-Type": "text/html; charset=utf-8"})
        yield s


def _config(s: LoopbackServer, feeds: list[str], **kw: object) -> WatchConfig:
    return WatchConfig(
        feeds=tuple(s.url(f) for f in feeds),
        allow_hosts=frozenset({s.host}),
        per_host_interval=0.0,
        interval=0.3,
        **kw,  # type: ignore[arg-type]
    )


def _wait(cond: object, limit: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if cond():  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"not within {limit} s")


def test_new_item_becomes_one_incident_within_a_minute_across_restart(
    server: LoopbackServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="eventlens.jobs.watch")
    alerts = tmp_path / "alerts.jsonl"
    command = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
        f"import sys; open({str(alerts)!r}, 'a').write(sys.stdin.read().replace(chr(10), ' ') + chr(10))"
    )
    server.route("/feed.xml", body=_rss(server.base, ["/story/1"]), etag='"1"', headers=RSS)
    db = str(tmp_path / "watch.db")
    cfg = _config(server, ["/feed.xml"], on_incident=command, alert_filter=AlertFilter(min_fatalities=1))
    store = store_mod.open(db)
    stop = threading.Event()
    watcher = Watcher(store, cfg)
    thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
    thread.start()
    try:
        _wait(lambda: store.counts()["incidents"] >= 1, 60)
        first = store.counts()
        # A new story appears in the feed: it must be an incident within 60 s.
        server.route("/feed.xml", body=_rss(server.base, ["/story/2", "/story/1"]), etag='"2"', headers=RSS)
        took = _wait(
            lambda: store.counts()["articles"] == 2 and store.counts()["incidents"] > first["incidents"], 60
        )
        assert took < 60
    finally:
        stop.set()
        thread.join(30)
    store.close()
    assert server.hits["/story/1"] == 1 and server.hits["/story/2"] == 1
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("new incident")]
    assert len(lines) == store_mod.open(db).counts()["incidents"] >= 2
    assert any("Violence against civilians" in ln or "Attack" in ln or "killed" in ln for ln in lines)
    # The filter (at least one killed) lets the attack through and holds the protest back.
    (alert,) = alerts.read_text(encoding="utf-8").splitlines()
    assert '"country": "Nigeria"' in alert and '"url": "' + server.url("/story/1") in alert

    # Restart: a new watcher over the same database re-ingests nothing (and asks conditionally).
    server.route("/feed.xml", body=_rss(server.base, ["/story/2", "/story/1"]), etag='"3"', headers=RSS)
    with store_mod.open(db) as again:
        before = again.counts()
        report = Watcher(again, cfg).poll_once()
        assert (report.items_new, report.incidents) == (0, [])
        assert again.counts() == before
    assert server.hits["/story/1"] == 1 and server.hits["/story/2"] == 1
    assert server.request_headers["/feed.xml"]["if-none-match"] == '"2"'


def _ten_mb() -> Iterator[bytes]:
    for _ in range(160):
        yield b"<p>" + b"x" * 65530 + b"</p>"


def test_hostile_feeds_and_items_are_refused_with_one_line_each(
    server: LoopbackServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with LoopbackServer() as other:  # private too, but not on the allowlist
        other.route("/admin", body=b"secret")
        server.route(
            "/evil/metadata", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
        )
        server.route("/evil/local", status=302, headers={"Location": other.url("/admin")})
        server.route("/evil/big", body=_ten_mb, headers={"Content-Type": "text/html"})
        server.route("/feed.xml", body=_rss(server.base, ["/evil/metadata", "/evil/local", "/evil/big"]))
        server.route(
            "/broken.xml",
            body=b"<?xml version='1.0'?><rss><channel><title>x</title></chan",
            headers={"Content-Type": "text/xml"},
        )
        server.route(
            "/not-a-feed", body=b"\x00\x01binary junk", headers={"Content-Type": "application/octet-stream"}
        )
        feeds = ["/feed.xml", "/broken.xml", "/not-a-feed", "/gone.xml"]
        with store_mod.open(str(tmp_path / "w.db")) as store:
            watcher = Watcher(store, _config(server, feeds))
            report = watcher.poll_once()
            assert report.items_refused == 3 and report.items_new == 0 and store.counts()["articles"] == 0
            assert report.feeds_failed == 3  # broken.xml, not-a-feed, gone.xml
            log = [r.getMessage() for r in caplog.records if r.name == "eventlens.jobs.watch"]
            expect = {
                "metadata redirect": "169.254.169.254 a link-local address",
                "other private port": "127.0.0.1 a loopback address",
                "10 MB page": "over the 5,000,000-byte limit",
                "404 feed": "gone.xml: HTTP 404",
                "not xml": "not-a-feed: not a readable RSS/Atom feed",
                "truncated xml": "broken.xml: not a readable RSS/Atom feed",
            }
            for what, text in expect.items():
                assert sum(text in line for line in log) == 1, f"{what}: {log}"
            assert all("\n" not in line for line in log)
            assert other.hits["/admin"] == 0
            # Refused items are not fetched again on the next poll.
            hits = dict(server.hits)
            watcher.poll_once()
            assert all(server.hits[p] == hits[p] for p in ("/evil/metadata", "/evil/local", "/evil/big"))


@pytest.mark.parametrize(
    ("flt", "incident", "expected"),
    [
        pytest.param(AlertFilter(), {}, True, id="no-filter-matches-all"),
        pytest.param(AlertFilter(min_fatalities=3), {"fatalities": 5}, True, id="toll-over"),
        pytest.param(AlertFilter(min_fatalities=3), {"fatalities": None}, False, id="toll-unknown"),
        pytest.param(
            AlertFilter(bbox=(2.0, 4.0, 15.0, 14.0)), {"latitude": 10.5, "longitude": 7.4}, True, id="in-bbox"
        ),
        pytest.param(
            AlertFilter(bbox=(2.0, 4.0, 15.0, 14.0)),
            {"latitude": -1.3, "longitude": 36.8},
            False,
            id="out-bbox",
        ),
        pytest.param(
            AlertFilter(bbox=(170.0, -20.0, -170.0, 0.0)),
            {"latitude": -10.0, "longitude": 179.0},
            True,
            id="bbox-across-antimeridian",
        ),
        pytest.param(
            AlertFilter(event_types=frozenset({"Protests"})),
            {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
            True,
            id="type-matches",
        ),
        pytest.param(
            AlertFilter(event_types=frozenset({"Armed clash"})),
            {"event_type": "Battles", "sub_event_type": "Attack"},
            False,
            id="sub-type-differs",
        ),
    ],
)
def test_alert_filter(flt: AlertFilter, incident: dict[str, object], expected: bool) -> None:
    assert flt.matches(incident) is expected


@pytest.mark.parametrize(
    ("name", "content", "urls"),
    [
        pytest.param(
            "feeds.txt",
            "# wires\nhttps://a.example/rss\n\nhttps://b.example/atom  # comment\nhttps://a.example/rss\n",
            ["https://a.example/rss", "https://b.example/atom"],
            id="text-with-comments-and-duplicates",
        ),
        pytest.param(
            "feeds.opml",
            '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
            '<outline type="rss" xmlUrl="https://a.example/rss"/><outline type="rss" xmlUrl="https://c.example/f"/>'
            "</outline></body></opml>",
            ["https://a.example/rss", "https://c.example/f"],
            id="opml-nested",
        ),
    ],
)
def test_read_feed_list(tmp_path: Path, name: str, content: str, urls: list[str]) -> None:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    assert read_feed_list(p) == urls


def test_bad_opml_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.opml"
    p.write_text("<opml><body>", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.opml: not valid OPML"):
        read_feed_list(p)


def test_cli_watch_once(server: LoopbackServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from typer.testing import CliRunner

    from eventlens.cli import app

    server.route("/feed.xml", body=_rss(server.base, ["/story/1"]), headers=RSS)
    listing = tmp_path / "feeds.txt"
    listing.write_text(server.url("/feed.xml") + "\n", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    args = [
        "watch",
        "--once",
        "--db",
        db,
        "--feeds",
        str(listing),
        "--allow-host",
        server.host,
        "--per-host",
        "0",
    ]
    caplog.set_level(logging.INFO, logger="eventlens.jobs.watch")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert any(r.getMessage().startswith("new incident NGA") for r in caplog.records)
    # Without the allowlist the same loopback feed is refused, and a poll where every feed failed exits 1.
    refused = CliRunner().invoke(app, ["watch", "--once", "--db", db, server.url("/feed.xml")])
    assert refused.exit_code == 1
    assert any("a loopback address" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "bbox",
    [pytest.param("1,2,3", id="three-numbers"), pytest.param("0,50,10,40", id="south-above-north")],
)
def test_cli_watch_rejects_bad_bbox(bbox: str) -> None:
    from typer.testing import CliRunner

    from eventlens.cli import app

    result = CliRunner().invoke(app, ["watch", "--once", "--bbox", bbox, "http://feeds.example/rss"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("parsed", "kept"),
    [
        (time.struct_time((2024, 5, 6, 7, 8, 9, 0, 127, 0)), datetime(2024, 5, 6, 7, 8, 9)),
        (time.struct_time((1503, 1, 1, 0, 0, 0, 0, 1, 0)), None),  # before 1900: a mistyped year
        (time.struct_time((2999, 1, 1, 0, 0, 0, 1, 1, 0)), None),  # far ahead: a placeholder
    ],
)
def test_a_feed_date_no_article_can_have_is_dropped(parsed: time.struct_time, kept: datetime | None) -> None:
    """A feed entry's date outside 1900..tomorrow would date every event of the article in that
    year: it is dropped (the page's own date decides), like an HTML page's metadata date."""
    from eventlens.jobs.watch import _published

    assert _published({"published_parsed": parsed, "link": "http://x.test/a"}) == kept
