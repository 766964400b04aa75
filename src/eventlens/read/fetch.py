"""Fetching a URL someone else chose, safely: the one HTTP client of the feed watcher and the API.

Why it exists: a feed item or an API caller names a URL, and eventlens fetches it from inside
the user's network. Without a guard that is a server-side request forgery: a feed item (or a
redirect from an innocent-looking page) pointing at ``http://169.254.169.254/`` reads the cloud
metadata service, ``http://127.0.0.1:5432`` probes the database. So:

* **Addresses are checked, then pinned.** The host is resolved once; every address must be
  public (not private, loopback, link-local incl. 169.254.169.254, multicast, unspecified,
  reserved, CGNAT, or an IPv6 form of those such as ``::ffff:127.0.0.1``). The connection then
  goes to the checked address (the ``Host`` header and TLS SNI keep the name), so a DNS answer
  that changes between check and connect ("DNS rebinding") cannot slip through.
* **Redirects are followed by hand**, each hop checked the same way, at most ``max_redirects``.
* **Bodies stream** and stop past ``max_bytes`` (a declared ``Content-Length`` over it is
  refused before reading); the whole fetch has a deadline of ``timeout`` seconds, so a host
  trickling one byte a second cannot hold a worker.
* Every refusal raises :class:`~eventlens.errors.InputError` ``(url, reason)`` with one line
  saying what was refused and what to do. HTTP error statuses (404, 500) are *returned*, not
  raised: callers decide (:meth:`FetchResult.raise_for_status` turns them into an InputError).

Also here, for the feed watcher: :class:`HostRateLimiter` (a polite minimum interval per host)
and conditional GET helpers (:class:`Validators`, ETag / Last-Modified).

The contract ``fetch(url, *, timeout, max_bytes, allow_private, max_redirects, headers)`` is
what other modules code against; :class:`Fetcher` carries the extras (a host allowlist for a
trusted intranet or a test server, a rate limiter, a resolver).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from eventlens.errors import InputError

log = logging.getLogger(__name__)

__all__ = [
    "FetchResult",
    "Fetcher",
    "HostRateLimiter",
    "Validators",
    "check_address",
    "conditional_headers",
    "fetch",
    "host_key",
]

USER_AGENT = "eventlens/0.1 (+https://github.com/eventlens/eventlens; news-to-incidents)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

#: (host, port) -> addresses. The default uses the system resolver; tests inject their own.
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetched resource. ``url`` is the final URL after redirects; ``headers`` have
    lower-case names; ``encoding`` is the charset the server declared (None if it declared none)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    encoding: str | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 when none), bad bytes replaced."""
        try:
            return self.content.decode(self.encoding or "utf-8", errors="replace")
        except LookupError:  # a charset name Python does not know
            return self.content.decode("utf-8", errors="replace")

    def raise_for_status(self) -> FetchResult:
        """Self when the status is 2xx or 304, else an :class:`InputError` naming the status."""
        if self.ok or self.status == 304:
            return self
        raise InputError(
            self.url, f"HTTP {self.status} from the server; check the URL or try later", stage="fetch"
        )


# ---------------------------------------------------------------------------------- addresses


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``ip`` is not a public address (None when it is)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            why = _kind(inner)
            return f"{why} (inside the IPv6 address {ip})" if why else None
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata services live there)"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved, non-public address"
    return None


def check_address(address: str) -> str | None:
    """Why ``address`` (an IP literal) must not be fetched, or None when it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "not an IP address"
    return _kind(ip)


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@")


def without_credentials(url: str) -> str:
    """``url`` fit to print, log and store: a ``user:password@`` part becomes ``***@``. Such a
    URL is never fetched with them (the fetcher connects to the checked address and sends no
    authorisation), and the feed watcher logged every poll with the password in the clear."""
    return _USERINFO.sub(r"\1***@", url, count=1)


def host_key(url: str) -> str:
    """``host:port`` of a URL (default port filled in), as allowlists and rate limits name hosts."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


# ---------------------------------------------------------------------------------- politeness


class HostRateLimiter:
    """At most one request per ``min_interval`` seconds to each host (thread-safe).

    ``wait(host)`` blocks until the host may be asked again; hosts are independent, so a slow
    outlet does not slow the others. One second is the usual crawler courtesy for news sites.
    """

    def __init__(self, min_interval: float = 1.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def delay(self, host: str) -> float:
        """Seconds to wait before ``host`` may be asked; reserves that slot."""
        with self._lock:
            now = self._clock()
            at = max(now, self._next.get(host, now))
            self._next[host] = at + self.min_interval
            return at - now

    def wait(self, host: str) -> None:
        pause = self.delay(host)
        if pause > 0:
            time.sleep(pause)


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies a version of a resource, for the next conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def of(cls, result: FetchResult) -> Validators:
        return cls(result.headers.get("etag"), result.headers.get("last-modified"))


def conditional_headers(validators: Validators | None) -> dict[str, str]:
    """``If-None-Match`` / ``If-Modified-Since`` for a conditional GET (empty when nothing known)."""
    out: dict[str, str] = {}
    if validators is not None:
        if validators.etag:
            out["If-None-Match"] = validators.etag
        if validators.last_modified:
            out["If-Modified-Since"] = validators.last_modified
    return out


# ---------------------------------------------------------------------------------- fetching


@dataclass(slots=True)
class Fetcher:
    """A configured safe fetcher. ``allow_hosts`` lists ``host:port`` (or bare ``host``) entries
    that may be private anyway (an intranet feed, a test server); everything else private stays
    refused. ``rate`` spaces requests per host; ``resolver`` replaces DNS (tests)."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    allow_private: bool = False
    max_redirects: int = 5
    headers: Mapping[str, str] | None = None
    allow_hosts: Collection[str] = ()
    rate: HostRateLimiter | None = None
    resolver: Resolver = field(default=_system_resolver)

    def _allowed(self, host: str, port: int) -> bool:
        return f"{host}:{port}" in self.allow_hosts or host in self.allow_hosts

    def _target(self, url: str) -> tuple[str, str, str, int]:
        """(scheme, host, address to connect to, port) for ``url``, or InputError if refused."""
        try:
            parts = urlsplit(url)
        except ValueError:  # "http://[x]/" (not an IPv6 address), characters that normalise to "/?#@:"
            raise InputError(
                url, "not a URL (its host part is malformed); fix the URL", stage="fetch"
            ) from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise InputError(
                url,
                f"scheme {scheme or 'none'!r} refused; only http and https URLs are fetched",
                stage="fetch",
            )
        host = (parts.hostname or "").lower()
        if not host:
            raise InputError(url, "no host name in the URL; give an absolute http(s) URL", stage="fetch")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise InputError(url, "the port is not a number 0-65535; fix the URL", stage="fetch") from None
        if check_address(host) != "not an IP address":
            addresses = [host]
        else:
            try:
                addresses = self.resolver(host, port)
            except (OSError, UnicodeError) as exc:
                raise InputError(
                    url,
                    f"cannot resolve host {host!r} ({exc}); check the name and the network",
                    stage="fetch",
                ) from None
            if not addresses:
                raise InputError(url, f"host {host!r} resolves to no address; check the name", stage="fetch")
        if not (self.allow_private or self._allowed(host, port)):
            for addr in addresses:
                why = check_address(addr)
                if why:
                    shown = host if host == addr else f"{host} resolves to {addr},"
                    raise InputError(
                        url,
                        f"refused: {shown} {why}; eventlens fetches public hosts only "
                        "(allow this host explicitly if it is a trusted intranet server)",
                        stage="fetch",
                    )
        return scheme, host, addresses[0], port

    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None) -> FetchResult:
        """GET ``url`` under every guard (see the module docstring); the final response."""
        deadline = time.monotonic() + self.timeout
        sent = {"User-Agent": USER_AGENT, "Accept": "*/*", **(self.headers or {}), **(headers or {})}
        current = url
        with httpx.Client(
            timeout=httpx.Timeout(self.timeout), follow_redirects=False, trust_env=False
        ) as client:
            for _hop in range(self.max_redirects + 1):
                result = self._one(client, current, sent, deadline)
                location = result.headers.get("location")
                if result.status not in _REDIRECTS or not location:
                    return result
                nxt = urljoin(current, location.strip())
                log.debug("%s: redirect %d to %s", current, result.status, nxt)
                current = nxt
        raise InputError(
            url,
            f"more than {self.max_redirects} redirects (last to {current}); the link loops or is a tracker",
            stage="fetch",
        )

    def _one(
        self, client: httpx.Client, url: str, headers: Mapping[str, str], deadline: float
    ) -> FetchResult:
        scheme, host, address, port = self._target(url)
        if self.rate is not None:
            self.rate.wait(f"{host}:{port}")
        parts = urlsplit(url)
        ip_host = f"[{address}]" if ":" in address else address
        default_port = 443 if scheme == "https" else 80
        netloc = ip_host if port == default_port else f"{ip_host}:{port}"
        pinned = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
        host_header = host if port == default_port else f"{host}:{port}"
        if ":" in host:  # an IPv6 literal keeps its brackets in Host
            host_header = f"[{host}]" if port == default_port else f"[{host}]:{port}"
        extensions = {"sni_hostname": host} if scheme == "https" else {}
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(url, f"timed out after {self.timeout:g} s; the host is too slow", stage="fetch")
        request = client.build_request(
            "GET",
            pinned,
            headers={**headers, "Host": host_header},
            extensions={**extensions, "timeout": httpx.Timeout(remaining).as_dict()},
        )
        try:
            response = client.send(request, stream=True)
        except httpx.TimeoutException:
            raise InputError(
                url, f"timed out after {self.timeout:g} s; the host is too slow", stage="fetch"
            ) from None
        except httpx.HTTPError as exc:
            raise InputError(
                url,
                f"cannot connect ({type(exc).__name__}: {exc}); check the URL or try later",
                stage="fetch",
            ) from None
        try:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise InputError(url, self._too_big(f"declares {int(declared):,} bytes"), stage="fetch")
            body = bytearray()
            try:
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise InputError(url, self._too_big(f"is over {len(body):,} bytes"), stage="fetch")
                    if time.monotonic() > deadline:
                        raise InputError(
                            url,
                            f"timed out after {self.timeout:g} s while reading; the host is too slow",
                            stage="fetch",
                        )
            except httpx.TimeoutException:
                raise InputError(
                    url,
                    f"timed out after {self.timeout:g} s while reading; the host is too slow",
                    stage="fetch",
                ) from None
            except httpx.HTTPError as exc:
                raise InputError(
                    url, f"connection failed while reading ({type(exc).__name__}); try later", stage="fetch"
                ) from None
            return FetchResult(
                url=url,
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
                content=bytes(body),
                encoding=response.charset_encoding,
            )
        finally:
            response.close()

    def _too_big(self, what: str) -> str:
        limit = f"{self.max_bytes:,}-byte limit"
        return f"refused: the body {what}, over the {limit}; raise max_bytes if it is expected"


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    allow_private: bool = False,
    max_redirects: int = 5,
    headers: dict[str, str] | None = None,
) -> FetchResult:
    """GET ``url`` safely: public addresses only (unless ``allow_private``), every redirect hop
    re-checked, at most ``max_bytes`` of body, ``timeout`` seconds in all.

    Raises :class:`~eventlens.errors.InputError` ``(url, reason)`` for each refusal and for network
    failures; HTTP error statuses are returned (see :meth:`FetchResult.raise_for_status`).
    """
    return Fetcher(
        timeout=timeout,
        max_bytes=max_bytes,
        allow_private=allow_private,
        max_redirects=max_redirects,
        headers=headers,
    ).fetch(url)
