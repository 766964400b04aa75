"""Load on the filtered incidents endpoint: 100,000 incidents, 50 connections, 30 s, p50/p99.

    python bench/api_load.py                      # SQLite and PostgreSQL, wrk if installed
    python bench/api_load.py --backend sqlite --duration 10 --connections 50

For each backend it (1) fills a fresh store with ``--incidents`` synthetic incidents, written
straight into the incidents table in bulk (the read path is what is measured here; ingest has
its own bench), (2) starts ``eventlens serve`` on a loopback port, (3) drives it with Debian's
``wrk`` (``apt-get install wrk``) or, without wrk, the small asyncio HTTP/1.1 generator below,
through a rotation of filtered queries (type, date range, country, bbox, precision), and (4)
prints requests/s and p50/p99 latency. Traffic goes to 127.0.0.1 only and stops by itself.

PostgreSQL is the local test server (``$EVENTLENS_TEST_PG``, default
postgresql://postgres@127.0.0.1:5432/test); the bench writes into its own schema and drops it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

PG_BASE = os.environ.get("EVENTLENS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SCHEMA = "bench_api_load"

TYPES = {
    "Battles": ["Armed clash"],
    "Explosions/Remote violence": [
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Looting/property destruction"],
}  # fmt: skip
COUNTRIES = [  # name, ISO3, admin1s, lat, lon
    ("Iraq", "IRQ", ["Baghdad", "Basra", "Ninewa", "Anbar"], 33.3, 44.4),
    ("Afghanistan", "AFG", ["Kabul", "Kandahar", "Helmand"], 34.5, 69.2),
    ("Kenya", "KEN", ["Nairobi", "Mombasa", "Kisumu"], -1.3, 36.8),
    ("Nigeria", "NGA", ["Borno", "Lagos", "Kaduna", "Zamfara"], 9.1, 7.4),
    ("Syria", "SYR", ["Aleppo", "Idlib", "Damascus"], 35.0, 38.5),
    ("Ukraine", "UKR", ["Donetsk", "Kharkiv", "Kyiv"], 48.5, 35.0),
    ("Mexico", "MEX", ["Guerrero", "Jalisco", "Michoacan"], 19.4, -99.1),
    ("Myanmar", "MMR", ["Sagaing", "Shan", "Rakhine"], 21.9, 95.9),
]

#: The filtered queries the load rotates through (all of them use the incidents index paths a
#: dashboard user hits: type + dates, country + dates, a map box, ACLED's default precisions).
QUERIES = [
    "/api/v1/incidents?event_type=Battles&date_from=2022-01-01&date_to=2022-12-31&limit=50",
    "/api/v1/incidents?country=IRQ&date_from=2021-06-01&date_to=2023-06-30&limit=50",
    "/api/v1/incidents?bbox=30,25,50,40&event_type=Explosions/Remote%20violence&limit=50",
    "/api/v1/incidents?geo_precision=1&time_precision=1&date_from=2023-01-01&limit=50",
    "/api/v1/incidents?sub_event_type=Peaceful%20protest&country=KEN&limit=50",
    "/api/v1/incidents?event_type=Riots&min_confidence=0.5&date_from=2020-01-01&date_to=2020-12-31&limit=50",
]


def fill(db_url: str, n: int, seed: int = 7) -> float:
    """Write ``n`` synthetic active incidents; return seconds taken."""
    import sqlalchemy as sa

    from eventlens.store import open as open_store
    from eventlens.store import schema as t

    rnd = random.Random(seed)
    start = time.perf_counter()
    now = datetime(2024, 6, 1)
    day0 = date(2018, 1, 1)
    with open_store(db_url) as store:
        with store.begin() as conn:
            conn.execute(sa.delete(t.incidents))
        batch: list[dict[str, Any]] = []
        for i in range(n):
            etype = rnd.choice(list(TYPES))
            name, iso, admins, lat, lon = rnd.choice(COUNTRIES)
            d = day0 + timedelta(days=rnd.randrange(0, 6 * 365))
            batch.append(
                {
                    "event_id_cnty": f"{iso}{i:07d}",
                    "status": "active",
                    "event_date": d,
                    "date_end": d,
                    "date_precision": "day",
                    "year": d.year,
                    "time_precision": rnd.choice((1, 1, 1, 2, 3)),
                    "disorder_type": "Political violence",
                    "event_type": etype,
                    "sub_event_type": rnd.choice(TYPES[etype]),
                    "actor1": f"Unidentified Armed Group ({name})",
                    "iso": iso,
                    "country": name,
                    "admin1": rnd.choice(admins),
                    "location": f"Place {i % 997}",
                    "latitude": round(lat + rnd.uniform(-2, 2), 4),
                    "longitude": round(lon + rnd.uniform(-2, 2), 4),
                    "geo_precision": rnd.choice((1, 1, 2, 3)),
                    "fatalities": rnd.choice((0, 0, 1, 2, 5, None)),
                    "source_count": rnd.choice((1, 1, 2, 3)),
                    "article_count": 1,
                    "mention_count": 1,
                    "confidence": round(rnd.uniform(0.3, 0.99), 3),
                    "notes": "synthetic incident for the API load bench",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 5000:
                with store.begin() as conn:
                    conn.execute(sa.insert(t.incidents), batch)
                batch = []
        if batch:
            with store.begin() as conn:
                conn.execute(sa.insert(t.incidents), batch)
        with store.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("eventlens")
    cmd = [
        str(exe),
        "serve",
        "--db",
        db_url,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/config", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise RuntimeError(
                f"eventlens serve exited: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}"
            )
    stop_server(proc)
    raise RuntimeError("eventlens serve did not answer within 60 s")


def _tree_cpu_s(pid: int) -> float:
    """User+system CPU seconds of ``pid`` and all its descendants (Linux /proc)."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo += [int(k) for k in kids]
        except (OSError, IndexError, ValueError):
            continue
    return total


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the server's own process group (start_new_session)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


_WRK_LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    if not m:
        raise ValueError(text)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v


def run_wrk(port: int, connections: int, duration: int, threads: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(_WRK_LUA % ", ".join(json.dumps(q) for q in QUERIES))
        script = fh.name
    try:
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
             "-s", script, f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, check=True, timeout=duration + 60,
        ).stdout  # fmt: skip
    finally:
        os.unlink(script)
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: (.*)", out)
    return {
        "tool": "wrk",
        "requests_per_s": rps,
        "p50_ms": _ms(lat["50"]),
        "p99_ms": _ms(lat["99"]),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sock.group(1) if sock else "",
    }


async def _client(port: int, stop: float, lat: list[float], errs: list[int], k: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = k
    try:
        while time.monotonic() < stop:
            path = QUERIES[i % len(QUERIES)]
            i += 1
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            lat.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                errs.append(status)
    finally:
        writer.close()


def run_python(port: int, connections: int, duration: int) -> dict[str, Any]:
    """A closed-loop keep-alive load generator (used when wrk is not installed)."""
    lat: list[float] = []
    errs: list[int] = []

    async def main() -> None:
        stop = time.monotonic() + duration
        await asyncio.gather(*(_client(port, stop, lat, errs, k) for k in range(connections)))

    t0 = time.perf_counter()
    asyncio.run(main())
    took = time.perf_counter() - t0
    q = statistics.quantiles(lat, n=100)
    return {
        "tool": "python",
        "requests_per_s": len(lat) / took,
        "p50_ms": q[49],
        "p99_ms": q[98],
        "non_2xx": len(errs),
    }


def bench(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    if backend == "sqlite":
        tmp = tempfile.mkdtemp(prefix="eventlens-load-")
        db_url = str(Path(tmp) / "load.db")
    else:
        import psycopg

        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{SCHEMA}"')
        db_url = f"{PG_BASE}?options=-csearch_path%3D{SCHEMA}"
    try:
        filled = fill(db_url, args.incidents)
        port = _free_port()
        proc = start_server(db_url, port, args.workers)
        try:
            for q in QUERIES:  # warm up and check every query answers
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{q}", timeout=10) as r:
                    assert r.status == 200 and json.load(r)["items"], q
            use_wrk = shutil.which("wrk") and not args.python_client
            # One connection first: the latency of a request on its own, without queueing.
            solo = run_wrk(port, 1, 10, 1) if use_wrk else run_python(port, 1, 10)
            load0, cpu0 = os.getloadavg()[0], _tree_cpu_s(proc.pid)
            if use_wrk:
                res = run_wrk(port, args.connections, args.duration, args.threads)
            else:
                res = run_python(port, args.connections, args.duration)
            cpu = _tree_cpu_s(proc.pid) - cpu0
            res["server_cpu_ms_per_request"] = round(1000 * cpu / (res["requests_per_s"] * args.duration), 2)
            res["loadavg_before_after"] = (round(load0, 1), round(os.getloadavg()[0], 1))
            res["solo_p50_ms"], res["solo_p99_ms"] = solo["p50_ms"], solo["p99_ms"]
        finally:
            stop_server(proc)
    finally:
        if backend == "sqlite":
            shutil.rmtree(Path(db_url).parent, ignore_errors=True)
        else:
            import psycopg

            with psycopg.connect(PG_BASE, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
    res.update(backend=backend, incidents=args.incidents, fill_s=round(filled, 1), workers=args.workers,
               connections=args.connections, duration_s=args.duration)  # fmt: skip
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (2 = the cores here)")
    ap.add_argument("--threads", type=int, default=2, help="wrk threads")
    ap.add_argument(
        "--python-client", action="store_true", help="use the Python load generator even with wrk"
    )
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = []
    for b in backends:
        r = bench(b, args)
        results.append(r)
        verdict = "OK" if r["p99_ms"] < 100 else "OVER the 100 ms target"
        print(
            f"{b:10s} {r['incidents']:,} incidents  {r['tool']} {r['connections']} conn {r['duration_s']} s  "
            f"{r['requests_per_s']:.0f} req/s  p50 {r['p50_ms']:.1f} ms  p99 {r['p99_ms']:.1f} ms  "
            f"non-2xx {r['non_2xx']}  [{verdict}]\n"
            f"{'':10s} server CPU {r['server_cpu_ms_per_request']} ms/request; one connection alone: "
            f"p50 {r['solo_p50_ms']:.1f} ms p99 {r['solo_p99_ms']:.1f} ms; "
            f"load average {r['loadavg_before_after']}",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(r["p99_ms"] < 100 and not r["non_2xx"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
