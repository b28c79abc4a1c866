"""Benchmark: bulk ingest on Ray (`briefbot ingest --engine ray`) beside the local engine.

    .venv/bin/python bench/ingest_ray.py [--copies 3] [--repeat 3] [--cpus 1,2]

The corpus is bench/ingest.py's: the PolNeAR dev articles (../shared/eval/polnear_dev.jsonl) and
the seed, `--copies N` perturbed copies of each (no duplicates), written as article files. Each pass
is a full ingest of that folder into a fresh SQLite file:
 (b)     the local engine, one process (its model load included);
 (ray N) the ray engine on a local Ray started with N CPUs and N extraction actors (at the
         local engine's priority, niceness 0, rather than Ray's 15); the time includes the job's
         actor start-up and model loads, not Ray's own start with Ray Data's services (printed
         apart: a bulk ingest on a running cluster does not pay it; the ratio with it counted
         too, as a command that starts a local Ray pays it, is printed as well).
Prints seconds, articles/s and words/s (medians over `--repeat` runs), the rate after the first
stored article (what a long ingest approaches once the actors are up), Ray's start time, each
ratio to (b) (the target: Ray on 2 CPUs at least 1.6x the local 1-worker path; the median, and
each round's) and what a 2-CPU node would ingest in a day at that rate. Not a test: the figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Ray runs its workers at niceness 15 (so that its own services and a bot on the same machine
# stay responsive). On this shared machine other people's work at niceness 0 would then take the
# actors' CPU and not the local engine's: the passes compare engines at one priority.
os.environ.setdefault("RAY_worker_niceness", "0")

from bench.corpus import load_texts, perturbed, words, write_corpus  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.ingest.ingester import OnResult  # noqa: E402
from bot.ingest.ray_ingest import RayIngester, RayOptions, RaySession  # noqa: E402
from bot.ingest.report import IngestReport  # noqa: E402

Ingest = Callable[[Engine, Path, OnResult], Awaitable[IngestReport]]


@dataclass
class Pass:
    """One kind of pass over its runs: wall seconds, and seconds after the first stored article."""

    name: str
    seconds: list[float] = field(default_factory=list)
    after_first: list[float] = field(default_factory=list)
    stored_after_first: int = 0
    cores: list[float] = field(default_factory=list)  # CPUs the pass's processes used, on average
    others: list[float] = field(default_factory=list)  # CPUs everything else on the machine used


@dataclass(frozen=True)
class Run:
    seconds: float
    after_first: float
    cpu: float  # CPU seconds of this process and its descendants (a local Ray's, its actors')
    machine: float  # CPU seconds the whole machine was busy (steal included), 0 without /proc


def _cpu_by_process() -> dict[int, tuple[int, float]]:
    """Each process's parent and its own CPU seconds so far (empty without /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    seen: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            # after the name: state, ppid, ... utime, stime (fields 14 and 15)
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    return seen


class TreeCpu:
    """CPU seconds used by this process and its descendants (a local Ray's services, workers
    and actors) while it runs, sampled every 0.5 s: Ray's actors exit at the end of each job,
    unreaped into anyone's totals, so their time is read while they live (what an actor uses in
    its last 0.5 s is missed)."""

    def __init__(self) -> None:
        self.start: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _sample(self) -> dict[int, float]:
        seen = _cpu_by_process()
        children: dict[int, list[int]] = {}
        for pid, (parent, _) in seen.items():
            children.setdefault(parent, []).append(pid)
        tree, todo = {}, [os.getpid()]
        while todo:
            pid = todo.pop()
            if pid in seen:
                tree[pid] = seen[pid][1]
            todo.extend(children.get(pid, []))
        return tree

    def _poll(self) -> None:
        while not self.stopping.wait(0.5):
            self.last.update(self._sample())

    def __enter__(self) -> TreeCpu:
        self.start = self._sample()
        self.last = dict(self.start)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join()
        self.last.update(self._sample())

    def seconds(self) -> float:
        return sum(used - self.start.get(pid, 0.0) for pid, used in self.last.items())


def machine_busy_seconds() -> float:
    """CPU seconds all CPUs have been busy since boot (everything but idle and iowait)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            user, nice, system, _idle, _iowait, irq, softirq, steal = stat.readline().split()[1:9]
    except OSError:
        return 0.0
    ticks = sum(int(t) for t in (user, nice, system, irq, softirq, steal))
    return ticks / os.sysconf("SC_CLK_TCK")


def run_once(folder: Path, scratch: Path, ingest: Ingest, local_model: bool) -> Run:
    """Wall seconds of one full ingest, seconds from its first stored article to its last, and
    the CPU time it and the rest of the machine used meanwhile."""
    stored: list[float] = []

    def on_result(kind: str, origin: str, detail: str) -> None:
        if kind == "added":
            stored.append(time.perf_counter())

    async def main() -> float:
        settings = Settings(_env_file=None, BRIEFBOT_DB=scratch / f"b-{time.monotonic_ns()}.db")
        start = time.perf_counter()
        async with await Engine.open(settings, load_model=local_model) as engine:
            report = await ingest(engine, folder, on_result)
        if report.refused or report.skipped:
            raise SystemExit(f"not a clean ingest: {report.summary()} {report.refused[:3]}")
        return time.perf_counter() - start

    machine = machine_busy_seconds()
    with TreeCpu() as cpu:
        seconds = asyncio.run(main())
    machine = machine_busy_seconds() - machine
    return Run(seconds, stored[-1] - stored[0], cpu.seconds(), machine)


async def local_ingest(engine: Engine, folder: Path, on_result: OnResult) -> IngestReport:
    return await engine.ingest([folder], on_result=on_result)


def ray_ingest(cpus: int) -> Ingest:
    async def ingest(engine: Engine, folder: Path, on_result: OnResult) -> IngestReport:
        ingester = RayIngester(engine.store, engine.settings, RayOptions(concurrency=cpus))
        return await ingester.ingest([folder], on_result=on_result)

    return ingest


def measure(passes: Pass, run: Run, n: int) -> None:
    passes.seconds.append(run.seconds)
    passes.after_first.append(run.after_first)
    passes.stored_after_first = n - 1
    passes.cores.append(run.cpu / run.seconds)
    passes.others.append(max(0.0, run.machine - run.cpu) / run.seconds)
    print(
        f"  {passes.name}: {run.seconds:.2f} s, {passes.cores[-1]:.2f} CPUs "
        f"(everything else: {passes.others[-1]:.2f}), load {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cpus", default="1,2", help="Ray CPU counts to run, comma-separated")
    args = parser.parse_args()
    cpu_counts = [int(c) for c in args.cpus.split(",") if c]

    originals = load_texts()
    corpus = [perturbed(t, c) for c in range(args.copies) for t in originals]
    n_articles, n_words = len(corpus), words(corpus)
    ray_starts: dict[int, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder = scratch / "articles"
        write_corpus(originals, folder, args.copies)

        # Interleaved (local, Ray 1, Ray 2, then again), so that a busy spell on the machine
        # falls on every pass alike rather than on one.
        local = Pass("(b) local engine, 1 process")
        on_ray = {c: Pass(f"(ray {c}) ray engine, {c} CPU(s), {c} actor(s)") for c in cpu_counts}
        for _ in range(args.repeat):
            measure(local, run_once(folder, scratch, local_ingest, True), n_articles)
            for cpus in cpu_counts:
                start = time.perf_counter()
                with RaySession(RayOptions(concurrency=cpus)):
                    ray_starts.setdefault(cpus, []).append(time.perf_counter() - start)
                    run = run_once(folder, scratch, ray_ingest(cpus), False)
                measure(on_ray[cpus], run, n_articles)
        results = [local, *on_ray.values()]

    print(
        f"{n_articles} articles ({args.copies} copies), {n_words:,} words; "
        f"median of {args.repeat} run(s)"
    )
    print(
        f"| {'pass':<44} | {'seconds':>8} | {'articles/s':>10} | {'words/s':>8} "
        f"| {'articles/s after the first':>26} | {'x (b)':>6} | {'CPUs used (the rest)':>20} |"
    )
    print(f"|{'-' * 46}|{'-' * 10}|{'-' * 12}|{'-' * 10}|{'-' * 28}|{'-' * 8}|{'-' * 22}|")
    base = statistics.median(local.seconds)
    for p in results:
        seconds = statistics.median(p.seconds)
        steady = p.stored_after_first / statistics.median(p.after_first)
        cpus = f"{statistics.median(p.cores):.2f} ({statistics.median(p.others):.2f})"
        print(
            f"| {p.name:<44} | {seconds:8.2f} | {n_articles / seconds:10.2f} "
            f"| {n_words / seconds:8,.0f} | {steady:26.2f} | {base / seconds:5.2f}x | {cpus:>20} |"
        )
    print(
        "CPUs used: the pass's own processes (a local Ray's services and actors included), on "
        "average over the pass; the rest: everything else on the machine meanwhile"
    )
    for cpus, starts in ray_starts.items():
        print(
            f"Ray start, {cpus} CPU(s): median {statistics.median(starts):.1f} s, not in the passes"
        )
    if 2 in cpu_counts:
        ray2 = next(p for p in results if p.name.startswith("(ray 2)"))
        seconds = statistics.median(ray2.seconds)
        with_start = seconds + statistics.median(ray_starts[2])
        pairs = zip(local.seconds, ray2.seconds, strict=True)
        rounds = ", ".join(f"{b / r:.2f}x" for b, r in pairs)
        print(f"Ray on 2 CPUs / local 1 process = {base / seconds:.2f}x (target >= 1.6x)")
        print(f"  each round: {rounds}")
        print(
            f"  with Ray's own start counted too (a local Ray per command): "
            f"{base / with_start:.2f}x"
        )
        print(f"one 2-CPU node at that rate: {n_articles / seconds * 86_400:,.0f} articles a day")


if __name__ == "__main__":
    main()
