"""`explainer` command line: extract, generate, build, serve, check, new, fetch.

`main(argv) -> int` parses arguments and dispatches to importable functions;
exit status 0 on success, 1 when a seed was rejected, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from . import __version__
from .errors import ExplainerError
from .progress import Progress
from .project import Project, find

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="explainer",
        description="Turn news articles in seeds/ into a cross-linked explainer site (MkDocs Material).",
        epilog="Run inside a project folder (one with seeds/ and mkdocs.yml), or pass --project DIR.",
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--project", type=Path, metavar="DIR", help="the project folder (default: found from here)"
    )
    common.add_argument("--quiet", "-q", action="store_true", help="no progress display")
    common.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="processes for extraction (default: one per core, at most 4)",
    )
    common.add_argument(
        "--no-cache", action="store_true", help="extract every seed again, ignoring the cache"
    )
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("extract", parents=[common], help="write one JSON record per seed")
    p.add_argument("seeds_dir", type=Path, metavar="SEEDS_DIR")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for <stem>.json records")
    _cluster_options(p)

    p = sub.add_parser("generate", parents=[common], help="records -> Markdown pages in content/")
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite generated pages an editor changed (a backup goes to .cache/backups/)",
    )
    _cluster_options(p)

    p = sub.add_parser("build", parents=[common], help="generate, then mkdocs build --strict into site/")
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    p = sub.add_parser("serve", parents=[common], help="generate, then mkdocs serve (regenerates on changes)")
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--dev-addr", default=None, metavar="HOST:PORT", help="address to serve on")

    sub.add_parser("check", parents=[common], help="validate seeds and overrides without building")

    p = sub.add_parser("fetch", parents=[common], help="save web pages into seeds/ as .html seeds")
    p.add_argument("urls", nargs="+", metavar="URL", help="the article's address (http or https)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait (default 20)")
    p.add_argument("--force", action="store_true", help="replace a seed of the same name")

    p = sub.add_parser("new", parents=[common], help="start a new seed with front matter")
    p.add_argument("title", help="the article's title")
    p.add_argument("--url", default=None, help="the article's address")
    p.add_argument("--published", default=None, metavar="YYYY-MM-DD")
    return ap


def _cluster_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cluster",
        default=None,
        metavar="ADDRESS",
        help="extract on the Dask scheduler at ADDRESS (tcp://host:8786; needs the cluster extra)",
    )
    p.add_argument(
        "--store",
        default=None,
        metavar="URL",
        help="with --cluster: the record store, a folder or fsspec URL every worker reaches "
        "(default: the project's .cache/explainer/records)",
    )


def _jobs(n: int) -> int:
    if n > 0:
        return n
    return max(1, min(4, os.cpu_count() or 1))


def main(argv: Sequence[str] | None = None) -> int:
    ap = _parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    try:
        return _dispatch(args)
    except ExplainerError as e:
        print(f"explainer: {e}", file=sys.stderr)
        return EXIT_REJECTED if getattr(e, "path", None) else EXIT_USAGE
    except OSError as e:
        # A read-only or full disk, a folder that vanished: the path and the reason
        # are what the user needs, not a traceback.
        where = f"{e.filename}: " if e.filename else ""
        print(f"explainer: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print("explainer: interrupted", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from . import buildlock, commands

    progress = Progress(enabled=not args.quiet and sys.stderr.isatty())
    where = {"cluster": getattr(args, "cluster", None), "store": getattr(args, "store", None)}
    if where["store"] is not None and where["cluster"] is None:
        print("explainer: --store needs --cluster (a local run keeps records in .cache/)", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "extract":
        project = _optional_project(args.project)
        return commands.extract(
            args.seeds_dir, args.out, project, _jobs(args.jobs), progress, not args.no_cache, **where
        )
    project = find(explicit=args.project)
    if args.command == "check":
        return commands.check(project, _jobs(args.jobs), progress, not args.no_cache)
    if args.command == "new":
        return commands.new(project, args.title, args.url, args.published)
    if args.command == "fetch":
        return commands.fetch(project, args.urls, args.timeout, force=args.force)
    t0 = time.perf_counter()
    if args.command == "build":
        # Generate and mkdocs build as one: a second build must not start MkDocs on the same site/.
        with buildlock.hold(project):
            status = commands.generate(
                project, _jobs(args.jobs), progress, not args.no_cache, force=args.force
            )
            env = dict(os.environ, EXPLAINER_GENERATED="1", NO_MKDOCS_2_WARNING="1")
            cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project.mkdocs_yml)]
            rc = run_child(cmd, project.root, env)
        if rc != 0:
            print(f"explainer: mkdocs build failed (exit {rc})", file=sys.stderr)
            return rc
        print(f"explainer: site built in {project.site} ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
        return status
    preview = args.command == "serve"  # a broken correction keeps the last good page (lastgood.py)
    status = commands.generate(
        project, _jobs(args.jobs), progress, not args.no_cache, force=args.force, preview=preview, **where
    )
    if args.command == "generate":
        return status
    # --dirty: MkDocs rebuilds only the pages whose files changed, and the generator
    # writes only the files whose bytes changed (see generator/serve.py).
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project.mkdocs_yml)]
    if args.dev_addr:
        cmd += ["--dev-addr", args.dev_addr]
    return run_child(cmd, project.root) or status


def run_child(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> int:
    """Run MkDocs and end with it. A terminal's Ctrl-C reaches both processes, but a
    SIGTERM or SIGHUP (a service manager, a closed session, a script stopping
    `explainer serve`) reaches only this one: passed on, so no server is left running
    and holding the build lock and the port after `explainer` has gone."""
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env)

    def forward(signum: int, frame: FrameType | None) -> None:
        proc.send_signal(signum)

    before = {s: signal.signal(s, forward) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        while True:
            try:
                return proc.wait()
            except KeyboardInterrupt:
                # Passed on too (a SIGINT sent to this process alone); wait for MkDocs to stop.
                proc.send_signal(signal.SIGINT)
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _optional_project(explicit: Path | None) -> Project | None:
    try:
        return find(explicit=explicit)
    except ExplainerError:
        return None
