"""Benchmark: start-up time and idle memory of `briefbot run`, and memory of a bulk ingest.

    .venv/bin/python bench/memory.py [--articles 10000] [--workers 1] [--skip-run] [--skip-ingest]

1. `briefbot run slack` in HTTP mode (a made-up token and signing secret, Slack's API pointed at
   a closed local port; nothing is contacted while idle) on a database holding the seed: seconds
   from process start until /healthz answers 200 (model loaded, adapter listening), then peak
   resident memory (VmHWM) after 5 s idle.
   Then the same process with one registered feed (on 127.0.0.1) listing the benchmark texts as
   pages: the peak while its first pass ingests them, and what stays resident after the pass.
2. `briefbot ingest` of `--articles` perturbed copies of the PolNeAR dev articles and the seed (no
   duplicates) into a fresh database: resident memory sampled every 0.2 s and, for each tenth of
   the articles, the median and largest sample and the true peak (VmHWM, reset at each tenth).
   Flat means the last tenth needs no more than the first.
Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import load_texts, write_corpus  # noqa: E402

BRIEFBOT = str(Path(sys.executable).with_name("briefbot"))


def memory_kb(pid: int, field: str) -> int:
    """VmRSS (now) or VmHWM (peak) of a process, in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_env(db: Path, port: int) -> dict[str, str]:
    """`briefbot run slack` in HTTP mode on `db`: a made-up token, Slack's API on a closed port."""
    env = {**os.environ, "BRIEFBOT_DB": str(db)}
    env.update(
        SLACK_BOT_TOKEN="xoxb-bench-not-a-token",
        SLACK_SIGNING_SECRET="bench-secret",
        SLACK_API_URL=f"http://127.0.0.1:{free_port()}/api/",
        BRIEFBOT_HTTP_PORT=str(port),
        BRIEFBOT_FEED_POLL_SECONDS="3600",
        BRIEFBOT_FETCH_ALLOW="127.0.0.1",  # the benchmark's own feed server; nothing else local
    )
    env.pop("SLACK_APP_TOKEN", None)
    return env


def bench_run(scratch: Path) -> None:
    db = scratch / "run.db"
    subprocess.run(
        [BRIEFBOT, "ingest", str(ROOT / "seeds")],
        env={**os.environ, "BRIEFBOT_DB": str(db)},
        check=True,
        capture_output=True,
    )
    port = free_port()
    env = run_env(db, port)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [BRIEFBOT, "run", "slack"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    ready = None
    try:
        while time.perf_counter() - start < 60 and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                    if reply.status == 200:
                        ready = time.perf_counter() - start
                        break
            except OSError:
                time.sleep(0.02)
        if ready is None:
            raise SystemExit("briefbot run did not become ready within 60 s")
        rss_ready = memory_kb(proc.pid, "VmRSS")
        time.sleep(5)
        peak = memory_kb(proc.pid, "VmHWM")
        rss_idle = memory_kb(proc.pid, "VmRSS")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print("briefbot run slack (HTTP mode, idle):")
    print(f"| start-up to ready (/healthz 200) | {ready:.2f} s |")
    print(f"| resident memory when ready       | {rss_ready / 1024:.0f} MB |")
    print(f"| resident memory after 5 s idle   | {rss_idle / 1024:.0f} MB |")
    print(f"| peak resident memory (VmHWM)     | {peak / 1024:.0f} MB |")


def children(pid: int) -> list[int]:
    """Every descendant of `pid` (extraction worker processes)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += [int(child), *children(int(child))]
    return found


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM := VmRSS (Linux 4.0+)


def bench_ingest(scratch: Path, articles: int, workers: int) -> None:
    originals = load_texts()
    copies = -(-articles // len(originals))
    folder = scratch / "articles"
    write_corpus(originals, folder, copies)
    for extra in sorted(folder.iterdir())[articles:]:
        extra.unlink()
    env = {**os.environ, "BRIEFBOT_DB": str(scratch / "ingest.db")}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [BRIEFBOT, "ingest", str(folder), "--workers", str(workers), "--no-progress"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    done = [0]

    def count() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(("added:", "skipped:", "refused:")):
                done[0] += 1

    reader = threading.Thread(target=count, daemon=True)
    reader.start()
    tenth = max(1, articles // 10)
    print(
        f"briefbot ingest --workers {workers} of {articles:,} articles. Per tenth of the "
        "articles: resident"
    )
    print(
        "memory of the main process sampled every 0.2 s (median, largest sample) and its peak "
        "over the"
    )
    print(
        "tenth (VmHWM, reset at the start of each tenth)"
        + (", and the workers' summed resident memory:" if workers > 1 else ":")
    )
    workers_col = " workers' RSS (median) |" if workers > 1 else ""
    print(f"| articles done | seconds | RSS median | RSS largest | peak in tenth |{workers_col}")
    print(
        "|---------------|---------|------------|-------------|---------------|"
        + ("-----------------------|" if workers > 1 else ""),
        flush=True,
    )
    samples: list[int] = []
    worker_samples: list[int] = []
    peaks: list[int] = []
    mark = tenth
    overall = 0
    while proc.poll() is None:
        try:
            samples.append(memory_kb(proc.pid, "VmRSS"))
            if workers > 1:
                worker_samples.append(sum(memory_kb(c, "VmRSS") for c in children(proc.pid)))
            if done[0] >= mark:
                peak = memory_kb(proc.pid, "VmHWM")
                overall = max(overall, peak)
                peaks.append(peak)
                extra = (
                    f" {statistics.median(worker_samples) / 1024:18.0f} MB |"
                    if worker_samples
                    else ""
                )
                print(
                    f"| {done[0]:13,d} | {time.perf_counter() - start:7.0f} | "
                    f"{statistics.median(samples) / 1024:7.0f} MB "
                    f"| {max(samples) / 1024:8.0f} MB | {peak / 1024:10.0f} MB |{extra}",
                    flush=True,
                )
                samples, worker_samples = [], []
                reset_peak(proc.pid)
                mark += tenth
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.2)
    reader.join(timeout=10)
    elapsed = time.perf_counter() - start
    if samples and done[0] > mark - tenth:  # the process ended before the last tenth was read out
        peaks.append(max(samples))
        print(
            f"| {done[0]:13,d} | {elapsed:7.0f} | {statistics.median(samples) / 1024:7.0f} MB "
            f"| {max(samples) / 1024:8.0f} MB | {'(ended)':>13} |",
            flush=True,
        )
    print(f"{done[0]:,} articles in {elapsed:.0f} s ({done[0] / elapsed:.1f} articles/s)")
    if len(peaks) >= 2:
        print(
            f"peak of the main process over the whole ingest: {overall / 1024:.0f} MB; peak in "
            "the last tenth / "
            f"peak in the first tenth = {peaks[-1] / peaks[0]:.2f} (flat: about 1)"
        )


def serve_feed(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """The benchmark texts as HTML pages and an RSS feed listing them, on 127.0.0.1."""
    texts = load_texts()
    site.mkdir(parents=True)
    items = []
    for i, t in enumerate(texts):
        title = escape(t.title or f"Report {i}")
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in t.text.split("\n") if p.strip())
        (site / f"{i}.html").write_text(
            f"<html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>",
            encoding="utf-8",
        )
        items.append(
            f"<item><title>{title}</title><link>BASE/{i}.html</link><guid>bench-{i}</guid></item>"
        )
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bench wire</title>'
        f"<link>{base}/</link><description>b</description>{''.join(items)}</channel></rss>"
    )
    (site / "feed.xml").write_text(rss.replace("BASE", base), encoding="utf-8")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"{base}/feed.xml"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def bench_feed_poll(scratch: Path) -> None:
    """`briefbot run` polling a feed of the benchmark texts: peak during the pass, resident
    after."""
    from bot.store.schedule_store import ScheduleStore

    db = scratch / "feed.db"
    subprocess.run(
        [BRIEFBOT, "ingest", str(ROOT / "seeds")],
        env={**os.environ, "BRIEFBOT_DB": str(db)},
        check=True,
        capture_output=True,
    )
    server, feed_url = serve_feed(scratch / "site")
    expected = len(load_texts())

    async def register() -> None:
        store = await ScheduleStore.open(db)
        try:
            await store.add_feed(feed_url, "bench:bench:bench", "2000-01-01T00:00:00.000000+00:00")
        finally:
            await store.close()

    asyncio.run(register())
    env = run_env(db, free_port())
    proc = subprocess.Popen(
        [BRIEFBOT, "run", "slack"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < 600:
            with sqlite3.connect(
                f"file:{db}?mode=ro", uri=True
            ) as conn:  # stamped when the pass is stored
                if conn.execute("SELECT last_polled_at FROM feeds").fetchone()[0]:
                    added = conn.execute("SELECT count(*) - 1 FROM articles").fetchone()[0]
                    break
            time.sleep(0.5)
        else:
            raise SystemExit("the feed pass did not finish within 600 s")
        polled = time.perf_counter() - start
        time.sleep(3)  # the pass ends with the memory release
        peak, after = memory_kb(proc.pid, "VmHWM"), memory_kb(proc.pid, "VmRSS")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        server.shutdown()
    print(
        f"briefbot run slack polling a local feed of {expected} articles ({added} new; pages read "
        "with trafilatura):"
    )
    print(f"| feed pass done (process start to last article stored) | {polled:.1f} s |")
    print(f"| peak resident memory during the pass (VmHWM)           | {peak / 1024:.0f} MB |")
    print(f"| resident memory 3 s after the pass                     | {after / 1024:.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--skip-run", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_run:
            bench_run(Path(tmp))
            bench_feed_poll(Path(tmp))
        if not args.skip_ingest:
            bench_ingest(Path(tmp), args.articles, args.workers)


if __name__ == "__main__":
    main()
