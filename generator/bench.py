"""`make bench`: speed and memory of the generator, each figure against a baseline
measured in the same run, on the machine it runs on.

Reads the corpora in ../shared/corpus/ (never copied into the project: their
licences allow measurement only) and works in temporary project folders, never
in the repository's own seeds/ or content/.

    python -m generator.bench [--only extract,generate,incremental,mkdocs,scale,cluster]
                              [--limit N] [--jobs N]

The environment variables BENCH_ONLY, BENCH_LIMIT and BENCH_JOBS do the same
for `make bench`. `scale` (15,000 Reuters stories) is the long part; `cluster`
needs the cluster extra (dask) and skips without it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
PARTS = ("extract", "generate", "incremental", "mkdocs", "scale", "cluster")
REPEATS = 2
# A sentence added to one seed to measure an incremental rebuild, and the edit
# an editor then makes to it while previewing.
CHANGE = "\n\nOfficials said the talks would resume in Geneva on Monday.\n"
EDIT = ("resume in Geneva on Monday", "resume in Vienna on Tuesday")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float  # the command's own process
    peak_tree_mb: float  # it and its worker processes, summed (sampled)
    cpu_seconds: float  # user + system, its reaped workers included: robust on a busy machine
    stderr: str


# -- the machine ---------------------------------------------------------------------------


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{mem_kb / 2**20:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        ram = "RAM unknown"
    from importlib import metadata

    from . import nlp

    return (
        f"machine: {cores} cores, {cpu}, {ram}; Python {platform.python_version()}, "
        f"spaCy {metadata.version('spacy')}, model {nlp.model_id()}"
    )


# -- running commands and measuring them ---------------------------------------------------


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(d.name))
            rss[int(d.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_cmd(args: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion: wall time, its peak RSS (exact) and its tree's (sampled)."""
    full_env = dict(os.environ, PYTHONPATH=str(REPO), NO_MKDOCS_2_WARNING="1", **(env or {}))
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(args), cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=err)
        peak = [0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.25):
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        sampler.join()
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):  # 1: some seeds rejected (see check_complete)
        raise SystemExit(f"bench: {' '.join(args)} failed ({proc.returncode}):\n{text[-2000:]}")
    own = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, own, max(own, peak[0] / 1024), cpu, text)


def generate(project: Path, jobs: int) -> Run:
    cmd = [sys.executable, "-m", "generator", "generate", "--quiet", "--project", str(project)]
    r = run_cmd([*cmd, "--jobs", str(jobs)], cwd=project)
    check_complete(r, len(list((project / "seeds").iterdir())))
    if pages_written(r) < 0:  # no summary line: the build stopped before writing
        raise SystemExit(f"bench: explainer generate did not finish:\n{r.stderr[-2000:]}")
    return r


def pages_written(r: Run) -> int:
    m = re.search(r"(\d+) pages written", r.stderr)
    return int(m.group(1)) if m else -1


def make_project(folder: Path, seeds: Sequence[Path]) -> Path:
    """A project like a user's: the repository's mkdocs.yml, theme and hook; the seeds."""
    folder.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "theme", folder / "theme")
    (folder / "generator").mkdir()
    shutil.copy(REPO / "generator" / "mkdocs_hook.py", folder / "generator" / "mkdocs_hook.py")
    (folder / "seeds").mkdir()
    for s in seeds:
        # A throwaway project under the system's temporary folder, never the
        # repository: a hard link where the file system allows (no copy made),
        # else a copy. Not a symbolic link: the reader refuses links out of seeds/.
        target = folder / "seeds" / s.name
        try:
            os.link(s, target)
        except OSError:
            shutil.copyfile(s, target)
    return folder


def check_complete(r: Run, seeds: int) -> None:
    """A run that rejected seeds did not measure them: stop rather than report it."""
    rejected = r.stderr.count("explainer: rejected")
    if rejected:
        first = next(line for line in r.stderr.splitlines() if "explainer: rejected" in line)
        raise SystemExit(f"bench: {rejected} of {seeds} seeds rejected, e.g. {first}")


def corpus_files(name: str) -> list[Path]:
    return sorted(p for p in (CORPUS / name).glob("*.txt") if p.is_file())


def show(label: str, value: str) -> None:
    print(f"  {label:<58} {value}", flush=True)


# -- the parts -----------------------------------------------------------------------------


def bench_extract(jobs: int, tmp: Path) -> None:
    """Our whole extraction (read, clean, spaCy, extract) against bare nlp.pipe."""
    files = corpus_files("politics")
    print(f"extract: {len(files)} articles of corpus/politics, {jobs} processes, no cache")
    project = make_project(tmp / "extract", files)
    # Alternating runs, best of each: a shared machine's load hits both sides alike.
    runs = [
        (_timed(_SPACY_PIPE.format(jobs=jobs), project), _timed(_OUR_EXTRACTION.format(jobs=jobs), project))
        for _ in range(REPEATS)
    ]
    base = min(b[0] for b, _ in runs), min(b[1] for b, _ in runs)
    ours = min(o[0] for _, o in runs), min(o[1] for _, o in runs)
    print(f"  (best of {REPEATS} alternating runs each)")
    show("spaCy nlp.pipe, full pipeline (baseline)", f"{base[0]:.1f} s wall, {base[1]:.1f} s CPU")
    show("explainer extraction (pipeline.run, cache off)", f"{ours[0]:.1f} s wall, {ours[1]:.1f} s CPU")
    show("ratio, wall (target <= 1.25)", f"{ours[0] / base[0]:.2f}")
    show("ratio, CPU (model loads included on both sides)", f"{ours[1] / base[1]:.2f}")


# Each side runs in a fresh process (neither inherits the other's warm state) and
# times only its work, after the model is loaded; the texts are read from seeds/.
_SPACY_PIPE = """
import multiprocessing, sys, time
from pathlib import Path
import spacy
from generator import nlp
model = spacy.load(nlp.model_id().rsplit("-", 1)[0])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path("seeds").iterdir())]
t = time.perf_counter()
n = sum(len(d) for d in model.pipe(texts, n_process={jobs}, batch_size=64))
print(f"elapsed={{time.perf_counter() - t}}", file=sys.stderr)
multiprocessing.active_children()  # reap the workers, so their CPU time is counted
"""
_OUR_EXTRACTION = """
import sys, time
from pathlib import Path
from generator import nlp, pipeline
nlp.load()
t = time.perf_counter()
ex = pipeline.run(Path("seeds"), Path("."), None, n_process={jobs})
print(f"elapsed={{time.perf_counter() - t}}", file=sys.stderr)
for r in ex.rejected:
    print(f"explainer: rejected {{r.reason}}", file=sys.stderr)
"""


def _timed(code: str, project: Path) -> tuple[float, float]:
    """(wall seconds of the timed section, CPU seconds of the whole process and its workers)."""
    r = run_cmd([sys.executable, "-c", code], cwd=project)
    check_complete(r, len(list((project / "seeds").iterdir())))
    m = re.search(r"elapsed=([0-9.]+)", r.stderr)
    if not m:
        raise SystemExit(f"bench: no timing in:\n{r.stderr[-2000:]}")
    return float(m.group(1)), r.cpu_seconds


def bench_cluster(jobs: int, tmp: Path) -> None:
    """Extraction on a LocalCluster of `jobs` worker processes against the local `jobs`-process run."""
    from importlib import util

    if util.find_spec("distributed") is None:
        print("cluster: skipped (dask is not installed: pip install '.[cluster]')")
        return
    files = corpus_files("politics")
    print(
        f"cluster: {len(files)} articles of corpus/politics, LocalCluster of {jobs} workers "
        f"(1 thread each) against {jobs} local processes, empty record stores"
    )
    project = make_project(tmp / "cluster", files)
    runs = []
    for i in range(REPEATS):
        local = _timed(_LOCAL_EXTRACTION.format(jobs=jobs, store=f"local-{i}"), project)
        dask = _timed(_CLUSTER_EXTRACTION.format(jobs=jobs, store=f"cluster-{i}"), project)
        runs.append((local, dask))
    base = min(b[0] for b, _ in runs), min(b[1] for b, _ in runs)
    ours = min(o[0] for _, o in runs), min(o[1] for _, o in runs)
    print(f"  (best of {REPEATS} alternating runs each; cluster start-up and model loads not timed)")
    show(f"local run, {jobs} processes (baseline)", f"{base[0]:.1f} s wall, {base[1]:.1f} s CPU")
    show(f"--cluster, LocalCluster of {jobs} workers", f"{ours[0]:.1f} s wall, {ours[1]:.1f} s CPU")
    show("ratio, wall (target <= 1.15)", f"{ours[0] / base[0]:.2f}")
    show("ratio, CPU (start-up included on both sides)", f"{ours[1] / base[1]:.2f}")


# Both sides write every record into an empty store (the cluster's work includes
# that), and time only the extraction, after the model is loaded where it runs.
_LOCAL_EXTRACTION = """
import sys, time
from pathlib import Path
from generator import nlp, pipeline
nlp.load()
t = time.perf_counter()
ex = pipeline.run(Path("seeds"), Path("."), Path(".stores/{store}"), n_process={jobs})
print(f"elapsed={{time.perf_counter() - t}}", file=sys.stderr)
for r in ex.rejected:
    print(f"explainer: rejected {{r.reason}}", file=sys.stderr)
"""
_CLUSTER_EXTRACTION = """
import sys, time
from pathlib import Path
import os
# As the README tells operators: no statistical profiler sampling every worker thread
# every 10 ms (it cost about a fifth more CPU per seed). Set in the environment, which
# the worker processes inherit, before dask reads its configuration.
os.environ["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = "False"
from distributed import Client, LocalCluster
from generator import cluster
if __name__ == "__main__":
    with LocalCluster(n_workers={jobs}, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as lc, Client(lc.scheduler_address) as client:
        client.register_plugin(cluster.ModelPlugin(), name=cluster.PLUGIN_NAME)  # the model, loaded
        t = time.perf_counter()
        ex = cluster.run(Path("seeds"), Path("."), ".stores/{store}", lc.scheduler_address)
        print(f"elapsed={{time.perf_counter() - t}}", file=sys.stderr)
    for r in ex.rejected:
        print(f"explainer: rejected {{r.reason}}", file=sys.stderr)
"""


def bench_generate(jobs: int, tmp: Path) -> None:
    files = corpus_files("politics")
    print(f"generate: `explainer generate` on the {len(files)} articles of corpus/politics, {jobs} processes")
    project = make_project(tmp / "generate", files)
    cold = generate(project, jobs)
    written = pages_written(cold)
    show("cold run (empty cache, empty content/)", f"{cold.seconds:.1f} s, {written} files written")
    same = generate(project, jobs)
    show("nothing changed", f"{same.seconds:.2f} s, {pages_written(same)} files written")
    show("ratio to cold (target <= 0.10)", f"{same.seconds / cold.seconds:.3f}")
    show("ratio to cold, CPU", f"{same.cpu_seconds / cold.cpu_seconds:.3f}")
    seed = project / "seeds" / files[len(files) // 2].name
    text = seed.read_text(encoding="utf-8")
    seed.unlink()
    seed.write_text(text.rstrip("\n") + CHANGE, encoding="utf-8")
    one = generate(project, jobs)
    show("one seed changed", f"{one.seconds:.2f} s, {pages_written(one)} files written")
    show("ratio to cold (target <= 0.05)", f"{one.seconds / cold.seconds:.3f}")
    show("ratio to cold, CPU", f"{one.cpu_seconds / cold.cpu_seconds:.3f}")
    bench_serve(project, seed, cold.seconds)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, wanted: str, seconds: float, proc: subprocess.Popen[bytes]) -> float | None:
    import urllib.error
    import urllib.request

    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                if wanted in resp.read().decode("utf-8", "replace"):
                    return time.perf_counter() - t0
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    return None


def bench_serve(project: Path, seed: Path, cold_generate: float) -> None:
    """`explainer serve` as an editor uses it: save a seed, wait for the page to change."""
    page = next(
        (p for p in (project / "content" / "explainers").glob("*.md") if EDIT[0] in p.read_text("utf-8")),
        None,
    )
    if page is None:
        raise SystemExit("bench: the changed seed's explainer was not found")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/explainers/{page.stem}/"
    cmd = [sys.executable, "-m", "generator", "serve", "--quiet", "--project", str(project)]
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [*cmd, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=log
        )
        try:
            ready = _wait_for(url, EDIT[0], 900, proc)
            if ready is None:
                raise SystemExit("bench: explainer serve did not serve the page")
            time.sleep(2)
            log.seek(0)
            before = log.read().decode("utf-8", "replace").count("Building documentation")
            text = seed.read_text(encoding="utf-8")
            t0 = time.perf_counter()
            seed.write_text(text.replace(*EDIT), encoding="utf-8")
            shown = _wait_for(url, EDIT[1], 300, proc)
            if shown is None:
                raise SystemExit("bench: the edit never reached the served page")
            waited = time.perf_counter() - t0
            time.sleep(5)  # a second rebuild set off by the generator's own writes would start by now
            log.seek(0)
            rebuilds = log.read().decode("utf-8", "replace").count("Building documentation") - before
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    cold = cold_generate + ready
    show("serve: ready (its generate and first MkDocs build)", f"{ready:.1f} s")
    show("serve: seed saved -> new page served (target <= 5 s)", f"{waited:.2f} s, {rebuilds} rebuild(s)")
    show("  ratio to a cold build: generate + first build (<= 0.05)", f"{waited / cold:.3f}")


def bench_incremental(jobs: int, tmp: Path, size: int = 2000) -> None:
    """One changed seed among `size`: the generate an editor waits for at archive scale."""
    files = corpus_files("bench/bbc")[:size]
    if len(files) < size:
        print(f"incremental: skipped (corpus/bench/bbc has fewer than {size} stories)")
        return
    print(f"incremental: `explainer generate` after one changed seed among {size} (corpus/bench/bbc)")
    project = make_project(tmp / f"incremental{size}", files)
    cold = generate(project, jobs)
    show("cold run", f"{cold.seconds:.1f} s, {pages_written(cold)} files written")
    seed = project / "seeds" / files[size // 2].name
    text = seed.read_text(encoding="utf-8")
    seed.unlink()
    seed.write_text(text.rstrip("\n") + CHANGE, encoding="utf-8")
    one = generate(project, jobs)
    show("one seed changed (target <= 1 s)", f"{one.seconds:.2f} s, {pages_written(one)} files written")
    show("ratio to cold", f"{one.seconds / cold.seconds:.4f}")


def bench_mkdocs(jobs: int, tmp: Path, small: int = 200, large: int = 2000) -> None:
    files = corpus_files("bench/bbc")
    sizes = [n for n in (small, large) if n <= len(files)]
    if len(sizes) < 2:
        print(f"mkdocs: skipped (corpus/bench/bbc has fewer than {large} stories)")
        return
    print(f"mkdocs: `mkdocs build` of corpus/bench/bbc at {sizes[0]} and {sizes[1]} articles")
    big = make_project(tmp / f"bbc{sizes[1]}", files[: sizes[1]])
    gen = generate(big, jobs)
    show(f"(explainer generate, cold, {sizes[1]} articles)", f"{gen.seconds:.1f} s")
    per: dict[int, float] = {}
    per_cpu: dict[int, float] = {}
    for n in sizes:
        project = big
        if n != sizes[1]:
            project = make_project(tmp / f"bbc{n}", files[:n])
            (project / ".cache").symlink_to(big / ".cache")  # same records: no second extraction
            generate(project, jobs)
        build = run_cmd(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", "mkdocs.yml"],
            cwd=project,
            env={"EXPLAINER_GENERATED": "1"},
        )
        per[n] = build.seconds / n
        per_cpu[n] = build.cpu_seconds / n
        html = {p: p.stat().st_size for p in (project / "site").rglob("*.html")}
        avg = sum(html.values()) / max(1, len(html))
        show(
            f"{n} articles",
            f"{build.seconds:.1f} s, {per[n] * 1000:.1f} ms/article, "
            f"{len(html)} HTML pages, {avg / 1024:.1f} KB/page",
        )
        # Index pages list every article by design; an article's page must not grow.
        article = [v for p, v in html.items() if p.parent.parent.name == "explainers"]
        biggest = max(html, key=lambda p: html[p])
        show(
            "  article pages: average, largest page of all",
            f"{sum(article) / max(1, len(article)) / 1024:.1f} KB, "
            f"{biggest.relative_to(project / 'site')} {html[biggest] / 1024:.0f} KB",
        )
    small_n, large_n = sizes
    show(f"per-article ratio, {large_n} vs {small_n} (target <= 1.3)", f"{per[large_n] / per[small_n]:.2f}")
    show("per-article ratio, CPU", f"{per_cpu[large_n] / per_cpu[small_n]:.2f}")


def bench_scale(jobs: int, tmp: Path, limit: int | None) -> None:
    files = corpus_files("bench/reuters")[:limit]
    print(f"scale: cold `explainer generate`, {len(files)} stories of bench/reuters, {jobs} processes")
    project = make_project(tmp / "reuters", files)
    cold = generate(project, jobs)
    show("cold run", f"{cold.seconds:.0f} s, {len(files) / cold.seconds:.1f} articles/s")
    show("CPU time, main + workers", f"{cold.cpu_seconds:.0f} s")
    show("peak RSS, main process", f"{cold.peak_rss_mb:.0f} MB")
    show("peak RSS, main + workers summed (target < 2048 MB)", f"{cold.peak_tree_mb:.0f} MB")
    same = generate(project, jobs)
    show("nothing changed", f"{same.seconds:.1f} s, peak RSS {same.peak_rss_mb:.0f} MB")


# -- entry point ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=os.environ.get("BENCH_ONLY", ",".join(PARTS)))
    ap.add_argument("--limit", type=int, default=int(os.environ.get("BENCH_LIMIT", "0")) or None)
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("BENCH_JOBS", "0")) or None)
    args = ap.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        ap.error(f"unknown parts {sorted(unknown)}; choose from {', '.join(PARTS)}")
    if not CORPUS.is_dir():
        print(f"bench: skipped: {CORPUS} is absent (the benchmark reads ../shared/corpus/)")
        return 0
    jobs = args.jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as t:
        tmp = Path(t)
        for part in parts:
            t0 = time.perf_counter()
            if part == "extract":
                bench_extract(jobs, tmp)
            elif part == "generate":
                bench_generate(jobs, tmp)
            elif part == "incremental":
                bench_incremental(jobs, tmp)
            elif part == "mkdocs":
                bench_mkdocs(jobs, tmp)
            elif part == "cluster":
                bench_cluster(jobs, tmp)
            else:
                bench_scale(jobs, tmp, args.limit)
            print(f"  ({part}: {time.perf_counter() - t0:.0f} s in all)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
