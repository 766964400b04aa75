"""The safe fetcher: address guard (incl. redirects), size and time limits, conditional GET.

Every request goes to a server on 127.0.0.1 started here; private-address cases are refused
before any connection (checked with the server's hit counter, and 169.254.169.254 is never
dialled because the refusal happens at resolution).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventlens.errors import InputError
from eventlens.read.fetch import (
    Fetcher,
    FetchResult,
    HostRateLimiter,
    Validators,
    check_address,
    conditional_headers,
    fetch,
    host_key,
)
from loopback import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as s:
        s.route("/ok", body=b"<html>caf\xc3\xa9</html>", headers={"Content-Type": "text/html; charset=utf-8"})
        s.route("/to-ok", status=302, headers={"Location": "/ok"})
        s.route("/to-metadata", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        s.route("/to-v6-loopback", status=301, headers={"Location": "http://[::ffff:127.0.0.1]:9/"})
        s.route("/loop", status=302, headers={"Location": "/loop"})
        s.route("/missing-page", status=404, body=b"gone")
        yield s


@pytest.mark.parametrize(
    ("address", "why"),
    [
        pytest.param("127.0.0.1", "loopback", id="ipv4-loopback"),
        pytest.param("10.1.2.3", "private", id="rfc1918-10"),
        pytest.param("172.16.0.9", "private", id="rfc1918-172"),
        pytest.param("192.168.1.1", "private", id="rfc1918-192"),
        pytest.param("169.254.169.254", "link-local", id="cloud-metadata"),
        pytest.param("0.0.0.0", "unspecified", id="ipv4-unspecified"),
        pytest.param("224.0.0.251", "multicast", id="ipv4-multicast"),
        pytest.param("100.64.0.1", "non-public", id="cgnat"),
        pytest.param("::1", "loopback", id="ipv6-loopback"),
        pytest.param("::", "unspecified", id="ipv6-unspecified"),
        pytest.param("fe80::1", "link-local", id="ipv6-link-local"),
        pytest.param("fd00::1", "private", id="ipv6-unique-local"),
        pytest.param("ff02::1", "multicast", id="ipv6-multicast"),
        pytest.param("::ffff:169.254.169.254", "link-local", id="ipv4-mapped-metadata"),
        pytest.param("2002:7f00:1::", "loopback", id="6to4-of-loopback"),
    ],
)
def test_non_public_addresses_are_named(address: str, why: str) -> None:
    reason = check_address(address)
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    "address",
    [pytest.param("93.184.216.34", id="ipv4-public"), pytest.param("2606:4700:4700::1111", id="ipv6-public")],
)
def test_public_addresses_pass(address: str) -> None:
    assert check_address(address) is None


def test_loopback_refused_before_connecting(server: LoopbackServer) -> None:
    with pytest.raises(InputError, match="loopback address") as info:
        fetch(server.url("/ok"))
    assert info.value.source == server.url("/ok") and info.value.stage == "fetch"
    assert server.hits["/ok"] == 0


def test_redirect_to_metadata_refused_at_the_hop(server: LoopbackServer) -> None:
    f = Fetcher(allow_hosts={server.host})  # the test server is trusted; nothing else private is
    with pytest.raises(InputError, match=r"169\.254\.169\.254 a link-local address") as info:
        f.fetch(server.url("/to-metadata"))
    assert "169.254.169.254" in str(info.value) and "\n" not in str(info.value)
    assert server.hits["/to-metadata"] == 1


def test_redirect_to_other_loopback_port_refused(server: LoopbackServer) -> None:
    f = Fetcher(allow_hosts={server.host})
    with pytest.raises(InputError, match="inside the IPv6 address"):
        f.fetch(server.url("/to-v6-loopback"))


@pytest.mark.parametrize(
    ("host", "answer", "why"),
    [
        pytest.param("metadata.news.example", ["169.254.169.254"], "link-local", id="name-to-metadata"),
        pytest.param(
            "intranet.news.example", ["203.0.113.7", "10.0.0.5"], "private", id="any-answer-private"
        ),
        pytest.param("localhost.news.example", ["::1"], "loopback", id="name-to-v6-loopback"),
    ],
)
def test_names_resolving_to_private_addresses_refused(host: str, answer: list[str], why: str) -> None:
    f = Fetcher(resolver=lambda h, p: answer)
    with pytest.raises(InputError, match=f"{host} resolves to .* {why}"):
        f.fetch(f"http://{host}/story")


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("file:///etc/passwd", id="file-scheme"),
        pytest.param("gopher://example.org/", id="gopher-scheme"),
        pytest.param("http:///nohost", id="no-host"),
        # urlsplit raised ValueError, a 500 in the API (Schemathesis, issue 16)
        pytest.param("http://[9BCFfbdA8]/x", id="bracketed-host-not-ipv6"),
        pytest.param("http://a\uff03b/", id="host-normalising-to-a-hash"),
    ],
)
def test_bad_urls_refused(url: str) -> None:
    with pytest.raises(InputError, match="scheme|no host|host part is malformed"):
        fetch(url)


def test_unresolvable_name_is_one_clear_line() -> None:
    def fail(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(InputError, match="cannot resolve host 'nowhere.invalid'"):
        Fetcher(resolver=fail).fetch("https://nowhere.invalid/x")


def test_happy_path_follows_redirect(server: LoopbackServer) -> None:
    res = fetch(server.url("/to-ok"), allow_private=True)
    assert isinstance(res, FetchResult)
    assert (res.url, res.status, res.encoding) == (server.url("/ok"), 200, "utf-8")
    assert res.text == "<html>café</html>" and res.headers["content-type"].startswith("text/html")
    assert server.request_headers["/ok"]["host"] == server.host
    assert server.request_headers["/ok"]["user-agent"].startswith("eventlens/")


def test_http_errors_are_returned_not_raised(server: LoopbackServer) -> None:
    res = fetch(server.url("/missing-page"), allow_private=True)
    assert (res.status, res.ok) == (404, False)
    with pytest.raises(InputError, match="HTTP 404"):
        res.raise_for_status()


def test_redirect_loop_stops(server: LoopbackServer) -> None:
    with pytest.raises(InputError, match="more than 3 redirects"):
        fetch(server.url("/loop"), allow_private=True, max_redirects=3)
    assert server.hits["/loop"] == 4


def _ten_mb() -> Iterator[bytes]:
    for _ in range(160):
        yield b"x" * 65536


@pytest.mark.parametrize(
    ("route", "match"),
    [
        pytest.param({"body": b"y" * 5000}, "declares 5,000 bytes", id="declared-length"),
        pytest.param({"body": _ten_mb}, "is over", id="streamed-10mb-no-length"),
    ],
)
def test_body_over_limit_refused(server: LoopbackServer, route: dict[str, object], match: str) -> None:
    server.route("/big", **route)
    with pytest.raises(InputError, match=f"refused: the body {match}.*4,096-byte limit"):
        fetch(server.url("/big"), allow_private=True, max_bytes=4096)


def test_slow_host_times_out(server: LoopbackServer) -> None:
    server.route("/slow", body=b"late", delay=1.5)
    with pytest.raises(InputError, match="timed out after 0.3 s"):
        fetch(server.url("/slow"), allow_private=True, timeout=0.3)


def test_trickling_host_hits_the_overall_deadline(server: LoopbackServer) -> None:
    import time

    def trickle() -> Iterator[bytes]:
        for _ in range(40):
            time.sleep(0.05)
            yield b"z"

    server.route("/trickle", body=trickle)
    with pytest.raises(InputError, match="timed out after 0.5 s while reading"):
        fetch(server.url("/trickle"), allow_private=True, timeout=0.5)


def test_conditional_get_gets_304(server: LoopbackServer) -> None:
    server.route(
        "/feed", body=b"<rss/>", etag='"v1"', headers={"Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}
    )
    first = fetch(server.url("/feed"), allow_private=True)
    v = Validators.of(first)
    assert v == Validators('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT")
    again = fetch(server.url("/feed"), allow_private=True, headers=conditional_headers(v))
    assert again.status == 304 and again.content == b""
    assert again.raise_for_status() is again
    assert conditional_headers(None) == {}


def test_rate_limiter_spaces_requests_per_host() -> None:
    now = [100.0]
    limiter = HostRateLimiter(2.0, clock=lambda: now[0])
    assert limiter.delay("a:80") == 0.0
    assert limiter.delay("a:80") == 2.0  # second request to the same host waits
    assert limiter.delay("b:80") == 0.0  # another host does not
    now[0] += 5.0
    assert limiter.delay("a:80") == 0.0


@pytest.mark.parametrize(
    ("url", "key"),
    [
        pytest.param("https://News.Example/x", "news.example:443", id="https-default"),
        pytest.param("http://news.example:8080/", "news.example:8080", id="explicit-port"),
    ],
)
def test_host_key(url: str, key: str) -> None:
    assert host_key(url) == key
