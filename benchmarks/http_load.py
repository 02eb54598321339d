"""HTTP API load benchmark: 50 concurrent clients against `moviebot serve`, beside the same
requests called directly in-process one at a time.

    python benchmarks/http_load.py [--catalog 11k|starter | --data-dir DIR] [--clients 50] [--per-client 12]
                                   [--workers N] [--processes N] [--think 0 2.5] [--client raw|httpx]

Each client is one person with their own session: chat turns (follow-ups included), structured
requests with filters, and feedback on films, in a fixed order (seeded). In one run it measures:
- direct: every request as the HTTP handler makes it (register + the service call), in this
  process, one at a time: p50/p95/p99 and the single-thread rate; run before and again after the
  API phases (fresh users each time), and the baseline is both runs together, because a shared
  machine's speed drifts within minutes;
- API, 1 client: the first requests of each session over HTTP, one at a time, against the direct
  p50 of the same requests, and against the time the same requests spent in the server's
  service (Server-Timing): the cost of HTTP, JSON and the worker pool alone, free of drift;
- API, N clients: every request with N clients at once: throughput, p50/p95/p99, errors, and from
  the Server-Timing header the time each request waited for a worker and spent in the service;
  once per --think value: 0 sends each client's next request as soon as the last is answered
  (the server saturated: latency is then N / throughput, Little's law), a pause of a few seconds
  is people chatting (the server busy but keeping up);
  with pauses, the same requests are also called directly one at a time with the same average gap
  between them: idle gaps leave the caches cold, so a paced turn is slower than a back-to-back one
  with no HTTP involved, and this is the like-for-like baseline for that phase;
- peak RSS of the server process (`moviebot serve --http`), of each process it started
  (`--processes N`: N processes answer on the one port, each with its own runtime), and of this one.
The clients write HTTP/1.1 by hand (`Connection`); `--client httpx` uses httpx.AsyncClient.
The catalog: by default the ~11k films of TMDB 5000 + MovieLens that benchmarks/turn_bench.py
builds once and caches (the scale the turn targets are set at), under fresh profile and
conversation stores; `--catalog starter` the 702-film starter catalog, where a turn takes half as
long and the fixed cost of HTTP weighs twice as much; `--data-dir` any data directory, used as is.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from turn_bench import cached_catalog, run_home  # noqa: E402 - beside this script

from bot.runtime import open_runtime  # noqa: E402
from bot.settings import Settings  # noqa: E402

OPENERS = [
    "a crime thriller from the 90s",
    "something like Heat but shorter",
    "a feel-good comedy under 2 hours",
    "animated films for a family evening",
    "a mind-bending science fiction film",
    "a war film about soldiers on a beach landing",
    "a slow romantic drama set in Paris",
    "scary but not too gory horror",
    "a heist movie with a clever twist",
    "something by Christopher Nolan",
]
FOLLOW_UPS = ["more", "something older", "less violent", "another like the second one", "why the first one?"]
STRUCTURED = [
    ("heist gone wrong", {"genres": ["crime"], "year_min": 1990, "year_max": 1999}),
    ("", {"genres": ["animation"], "year_min": 2000}),
    ("space exploration", {"max_runtime": 150}),
    ("a lawyer defends an innocent man", {"min_rating": 7.0}),
    ("", {"genres": ["comedy"], "exclude_genres": ["horror"], "max_runtime": 110}),
    ("time travel", {}),
]
KINDS = ["like", "dislike", "stars", "watched", "dismiss"]


@dataclass
class Call:
    kind: str  # chat | recommend | feedback
    user: str
    body: dict


@dataclass
class Sample:
    seconds: float
    ok: bool
    timing: dict[str, float] = field(default_factory=dict)


def sessions(clients: int, per_client: int, movie_ids: list[str], seed: int = 7) -> list[list[Call]]:
    """One fixed list of calls per client: about half chat turns, a third structured requests,
    the rest feedback."""
    rng = random.Random(seed)
    out = []
    for n in range(clients):
        user, calls = f"u{n}", []
        for i in range(per_client):
            roll = rng.random()
            if roll < 0.5:
                conversation = f"c{i // 4}"
                fresh = not calls or calls[-1].kind != "chat" or i % 4 == 0
                text = rng.choice(OPENERS) if fresh else rng.choice(FOLLOW_UPS)
                calls.append(Call("chat", user, {"user": user, "conversation": conversation, "text": text}))
            elif roll < 0.83:
                text, filters = rng.choice(STRUCTURED)
                k = rng.choice([3, 5, 10])
                calls.append(Call("recommend", user, {"user": user, "text": text, "filters": filters, "k": k}))
            else:
                kind = rng.choice(KINDS)
                body = {"user": user, "movie_id": rng.choice(movie_ids), "kind": kind, "event_id": f"e{i}"}
                if kind == "stars":
                    body["stars"] = rng.choice([2, 3.5, 4, 5])
                calls.append(Call("feedback", user, body))
        out.append(calls)
    return out


def direct(service, call: Call, tenant: str) -> None:
    """What the HTTP handler does for the call, minus HTTP."""
    body = call.body
    key = service.register("http", f"{tenant}:{call.user}", call.user, group=tenant)
    if call.kind == "chat":
        service.chat(key, body["text"], channel=f"{tenant}:{body['conversation']}", platform="http")
    elif call.kind == "recommend":
        service.recommend(key, text=body["text"], filters=body["filters"] or None, k=body["k"], platform="http")
    else:
        service.feedback(key, body["movie_id"], body["kind"], stars=body.get("stars"),
                         event_id=f"{key}:{body['event_id']}")  # fmt: skip


PATHS = {"chat": "/v1/chat", "recommend": "/v1/recommendations", "feedback": "/v1/feedback"}


class Connection:
    """One kept-alive HTTP/1.1 connection, written and read by hand: a load generator must cost
    little next to what it measures, and with httpx a request took about 1 ms longer at the client
    (1 client, starter catalog), on the same 2 cores as the server (`--client httpx` uses it)."""

    def __init__(self, host: str, port: int, key: str):
        self.host, self.port = host, port
        self.head = f"Host: {host}:{port}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\n"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: dict) -> tuple[int, dict[str, str], bytes]:
        """Reconnects when the server has closed the idle connection (uvicorn does after 5 s),
        and retries once when it closes it unread, as httpx does."""
        payload = json.dumps(body).encode()
        request = f"POST {path} HTTP/1.1\r\n{self.head}Content-Length: {len(payload)}\r\n\r\n".encode() + payload
        reused = self.reader is not None and not self.reader.at_eof()
        if not reused:
            await self.close()
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        try:
            return await self.exchange(request)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            if not reused or (isinstance(exc, asyncio.IncompleteReadError) and exc.partial):
                raise
            await self.close()
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            return await self.exchange(request)

    async def exchange(self, request: bytes) -> tuple[int, dict[str, str], bytes]:
        self.writer.write(request)
        status_line, *lines = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            if name:
                headers[name.strip().lower()] = value.strip()
        content = await self.reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return int(status_line.split()[1]), headers, content

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def over_http(client: Connection | httpx.AsyncClient, call: Call) -> Sample:
    started = time.perf_counter()
    try:
        if isinstance(client, Connection):
            status, headers, content = await client.post(PATHS[call.kind], call.body)
        else:
            response = await client.post(PATHS[call.kind], json=call.body)
            status, headers, content = response.status_code, response.headers, response.content
    except (httpx.HTTPError, OSError, asyncio.IncompleteReadError) as exc:
        print(f"  error on {call.kind}: {exc!r}", file=sys.stderr)
        if isinstance(client, Connection):
            await client.close()
        return Sample(time.perf_counter() - started, False)
    seconds = time.perf_counter() - started
    ok = status == 200
    if not ok:
        print(f"  error {status} on {call.kind}: {content[:200]!r}", file=sys.stderr)
    timing = {}
    for part in headers.get("server-timing", "").split(","):
        name, _, value = part.strip().partition(";dur=")
        if value:
            timing[name] = float(value) / 1000
    return Sample(seconds, ok, timing)


async def load(url: str, key: str, plan: list[list[Call]], think: float = 0.0,
               client: str = "raw") -> tuple[list[Sample], float]:  # fmt: skip
    """Every client runs its session in order, all clients at once, each on its own connection;
    with `think`, each client pauses a random time (exponential, that mean in seconds) before each
    request, as a person does."""
    rng = random.Random(11)
    limits = httpx.Limits(max_connections=len(plan), max_keepalive_connections=len(plan))
    headers = {"Authorization": f"Bearer {key}"}
    host, port = url.removeprefix("http://").rsplit(":", 1)
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits, timeout=300) as shared:

        async def run(calls: list[Call]) -> list[Sample]:
            connection = Connection(host, int(port), key) if client == "raw" else shared
            samples = []
            try:
                for call in calls:
                    if think:
                        await asyncio.sleep(rng.expovariate(1 / think))
                    samples.append(await over_http(connection, call))
            finally:
                if isinstance(connection, Connection):
                    await connection.close()
            return samples

        started = time.perf_counter()
        results = await asyncio.gather(*(run(calls) for calls in plan))
        return [s for samples in results for s in samples], time.perf_counter() - started


def run(coroutine):
    """On uvloop, as `moviebot serve` runs: the clients' own event loop costs less."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def interleaved(plan: list[list[Call]]) -> list[Call]:
    """Round-robin over the sessions: the order the concurrent run roughly sees them in."""
    longest = max(len(calls) for calls in plan)
    return [calls[i] for i in range(longest) for calls in plan if i < len(calls)]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def peak_rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    """The processes `pid` started (with --processes: the other servers, and multiprocessing's
    resource tracker)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The first turns after opening are slow (lazy caches); both sides run these first, unmeasured.
WARM_UP = [
    *(Call("chat", "warm", {"user": "warm", "conversation": f"w{i}", "text": t}) for i, t in enumerate(OPENERS)),
    *(Call("chat", "warm", {"user": "warm", "conversation": "w0", "text": t}) for t in FOLLOW_UPS),
    *(Call("recommend", "warm", {"user": "warm", "text": t, "filters": f, "k": 5}) for t, f in STRUCTURED),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", choices=("11k", "starter"), default="11k",
                        help="11k: TMDB 5000 + MovieLens, cached (default); starter: 702 films")  # fmt: skip
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="where the data sets are")
    parser.add_argument("--data-dir", type=Path, help="a moviebot data directory, used as is (instead of --catalog)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--per-client", type=int, default=12)
    parser.add_argument("--sequential", type=int, default=2, help="calls per session in the 1-client phase")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="raw: HTTP/1.1 written by hand (default); httpx: httpx.AsyncClient")  # fmt: skip
    parser.add_argument("--workers", type=int, help="the server's worker threads (default: its own choice)")
    parser.add_argument("--processes", type=int, default=1,
                        help="processes answering the API (MOVIEBOT_HTTP_PROCESSES; default 1)")  # fmt: skip
    parser.add_argument("--think", type=float, nargs="+", default=[0.0],
                        help="mean pause (s) of each client before each request; one load phase per value")  # fmt: skip
    args = parser.parse_args()
    scratch = None
    if args.data_dir is None:
        scratch = tempfile.TemporaryDirectory(prefix="http_load-")
        work = Path(scratch.name)
        args.data_dir = run_home(cached_catalog(args.data), work) if args.catalog == "11k" else work / "home"

    # -- direct, in-process, one at a time, before the API runs ---------------------------------
    runtime = open_runtime(Settings(home=args.data_dir), serving=True)  # as `moviebot serve` opens it
    movie_ids = sorted(runtime.service.catalog.movies)[:: max(1, len(runtime.service.catalog.movies) // 400)]
    catalog_size = len(runtime.service.catalog)
    plan = sessions(args.clients, args.per_client, movie_ids)
    calls = interleaved(plan)
    first = [call for calls_ in plan for call in calls_[: args.sequential]]
    print(f"catalog: {catalog_size} movies in {args.data_dir}; {os.cpu_count()} cores; "
          f"{len(calls)} requests from {args.clients} sessions "
          f"({sum(c.kind == 'chat' for c in calls)} chat, {sum(c.kind == 'recommend' for c in calls)} structured, "
          f"{sum(c.kind == 'feedback' for c in calls)} feedback); client: {args.client}")  # fmt: skip
    before, before_wall = run_direct(runtime, calls, "direct")
    runtime.close()
    direct_rss = peak_rss_mb()
    print_direct("direct, before the API:", before, before_wall)

    # -- the same requests over HTTP, against `moviebot serve` ----------------------------------
    port = free_port()
    keys = {name: secrets.token_urlsafe(24) for name in ("warm", "seq", *(f"think{i}" for i in range(len(args.think))))}
    env = {**os.environ, "MOVIEBOT_API_KEYS": ",".join(f"{n}:{k}" for n, k in keys.items()), "MOVIEBOT_HTTP_RATE": "0"}
    for name in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"):
        env.pop(name, None)
    if args.workers:
        env["MOVIEBOT_HTTP_WORKERS"] = str(args.workers)
    env["MOVIEBOT_HTTP_PROCESSES"] = str(args.processes)
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - the server's stderr; an unread pipe could fill and stall it
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--http", str(port), "--data-dir", str(args.data_dir)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    phases = []
    try:
        wait_ready(url, server, log)
        run(load(url, keys["warm"], [WARM_UP], client=args.client))
        seq, _ = run(load(url, keys["seq"], [first], client=args.client))
        for i, think in enumerate(args.think):
            # fresh users each phase
            phases.append((think, *run(load(url, keys[f"think{i}"], plan, think, args.client))))
        server_rss = [peak_rss_mb(pid) for pid in (server.pid, *children(server.pid))]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.seek(0)
        err = log.read()

    # -- direct again, after: the machine's speed drifts, so the baseline is both runs -----------
    runtime = open_runtime(Settings(home=args.data_dir), serving=True)  # as `moviebot serve` opens it
    after, after_wall = run_direct(runtime, calls, "direct-after")
    print_direct("direct, after the API: ", after, after_wall)
    # A request now and then finds the caches cold and the cores idle; back to back finds them hot.
    # So each paced phase also gets a direct baseline with the same gaps between requests.
    paced = {}
    for think, samples, wall in phases:
        if think:
            gap = max(wall / len(samples) - statistics.median(after.values()), 0.0)
            times, _ = run_direct(runtime, calls, f"direct-paced-{think:g}", gap)
            paced[think] = gap, statistics.median(times.values())
    runtime.close()
    both = [*before.values(), *after.values()]
    direct_p50 = statistics.median(both)
    direct_rate = 2 * len(calls) / (before_wall + after_wall)
    print_direct("direct, both runs:     ", {i: t for i, t in enumerate(both)}, before_wall + after_wall)

    seq_p50 = statistics.median(s.seconds for s in seq)
    seq_direct = statistics.median([before[id(c)] for c in first] + [after[id(c)] for c in first])
    seq_work = [s.timing["service"] for s in seq if "service" in s.timing]
    failures = sum(not s.ok for s in seq)
    print(f"API, 1 client:          p50 {ms(seq_p50)} over {len(first)} requests, x{seq_p50 / seq_direct:.2f} the "
          f"direct p50 of the same requests ({ms(seq_direct)}); in the server's service p50 "
          f"{ms(statistics.median(seq_work))}, so HTTP costs x{seq_p50 / statistics.median(seq_work):.2f}")  # fmt: skip
    for think, samples, wall in phases:
        failures += report_load(samples, wall, args.clients, think, direct_p50, direct_rate, paced.get(think))
    others = " + ".join(f"{rss:.0f}" for rss in server_rss[1:])
    started = f", the processes it started {others} MB" if others else ""
    print(f"peak RSS: server {server_rss[0]:.0f} MB{started}; this process (direct run) {direct_rss:.0f} MB")
    print(f"server exit status after SIGTERM: {server.returncode}; its log ends:\n  "
          + "\n  ".join(err.strip().splitlines()[-4:]))  # fmt: skip
    if scratch is not None:
        scratch.cleanup()
    return 0 if not failures and server.returncode == 0 else 1


def run_direct(runtime, calls: list[Call], tenant: str, gap: float = 0.0) -> tuple[dict[int, float], float]:
    """Each call's seconds (by id) and the whole run's, after the warm-up. With `gap`, the calls
    arrive as they did at the server under load: one at a time, with an idle pause between them
    (exponential, mean `gap` seconds, not counted in the whole run's time)."""
    service = runtime.service
    rng = random.Random(13)
    for call in WARM_UP:
        direct(service, call, f"{tenant}-warm")
    times: dict[int, float] = {}
    paused = 0.0
    started = time.perf_counter()
    for call in calls:
        if gap:
            pause = rng.expovariate(1 / gap)
            time.sleep(pause)
            paused += pause
        t0 = time.perf_counter()
        direct(service, call, tenant)
        times[id(call)] = time.perf_counter() - t0
    return times, time.perf_counter() - started - paused


def print_direct(label: str, times: dict[int, float], wall: float) -> None:
    values = list(times.values())
    print(f"{label} p50 {ms(statistics.median(values))}  p95 {ms(pct(values, 0.95))}  "
          f"p99 {ms(pct(values, 0.99))}  {len(values) / wall:.1f} requests/s one at a time")  # fmt: skip


def report_load(samples: list[Sample], wall: float, clients: int, think: float, direct_p50: float,
                direct_rate: float, paced_direct: tuple[float, float] | None = None) -> int:  # fmt: skip
    """Prints one load phase; its error count."""
    latencies = [s.seconds for s in samples]
    errors = sum(not s.ok for s in samples)
    api_p50 = statistics.median(latencies)
    rate = len(samples) / wall
    paced = f", each pausing {think:g} s on average between requests" if think else ", back to back"
    print(f"API, {clients} clients{paced}: {len(samples)} requests in {wall:.1f} s = {rate:.1f} requests/s "
          f"(x{rate / direct_rate:.2f} the direct single-thread rate); errors {errors}")  # fmt: skip
    print(f"  latency at the client: p50 {ms(api_p50)}  p95 {ms(pct(latencies, 0.95))}  "
          f"p99 {ms(pct(latencies, 0.99))};  API p50 / direct p50 = {api_p50 / direct_p50:.2f}")  # fmt: skip
    if paced_direct:
        gap, paced_p50 = paced_direct
        print(f"  direct, the same requests one at a time {ms(gap)} apart on average (as the server saw them): "
              f"p50 {ms(paced_p50)};  API p50 / paced direct p50 = {api_p50 / paced_p50:.2f}")  # fmt: skip
    timed = [s.timing for s in samples if {"queue", "service", "total"} <= set(s.timing)]
    if timed:
        queue = statistics.median(t["queue"] for t in timed)
        work = statistics.median(t["service"] for t in timed)
        rest = statistics.median(t["total"] - t["queue"] - t["service"] for t in timed)
        outside = statistics.median(s.seconds - s.timing["total"] for s in samples if "total" in s.timing)
        print(f"  on the server, p50: waiting for a worker {ms(queue)}, in the service {ms(work)} "
              f"(x{work / direct_p50:.2f} direct p50), HTTP + JSON + event loop {ms(rest)}; "
              f"outside the app (uvicorn, the socket, the client) {ms(outside)}")  # fmt: skip
        print(f"  Little's law: {clients} clients / {rate:.1f} requests/s = {clients / rate * 1000:.0f} ms between "
              f"one client's requests ({think * 1000:.0f} ms of it pausing)")  # fmt: skip
    return errors


def wait_ready(url: str, server: subprocess.Popen, log, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit(f"moviebot serve exited with {server.returncode}:\n{log.read()[-2000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("moviebot serve did not become ready")


if __name__ == "__main__":
    sys.exit(main())
