"""Extraction on a Dask cluster (`--cluster ADDRESS`): the records of a local run, every
known key skipped, a failing seed reported as one, a dead worker's seeds redone.

The cluster is a LocalCluster of two worker processes on 127.0.0.1 (no dashboard),
started once for the module; the seeds are self-written.
"""

from __future__ import annotations

import os
import platform
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster

from generator import cli, cluster, model, pipeline, record_json

from .conftest import make_project

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "a-harbour": (
        "Harbour Deal Signed\n\n"
        "Mayor Lena Ortiz signed the harbour deal on Monday, her office said. "
        '"This is a good day for the port," Ortiz told reporters. A vote on the budget is '
        "scheduled for March 3.\n"
    ),
    "b-rail": (
        "Rail Strike Called Off\n\n"
        "Train drivers in Lyon called off a strike on Friday, the union said. "
        "Union leader Marc Dubois said the offer was fair. Talks will resume in April.\n"
    ),
    "c-budget": (
        "Budget Vote Delayed\n\n"
        "The parliament of Iceland postponed its budget vote, Prime Minister Anna Sigurdsson said "
        'on Tuesday. "We need more time," she said. The opposition called the delay a mistake.\n'
    ),
    "d-aid": (
        "Flood Aid Approved\n\n"
        "The European Commission approved flood aid for Croatia on Thursday. "
        "Commissioner Pavel Novak said the money would arrive within weeks.\n"
    ),
    "e-summit": (
        "Summit Moved to Oslo\n\n"
        "The climate summit will be held in Oslo on June 12, the organisers said on Wednesday. "
        '"We expect every member to attend," spokesman Erik Lund said.\n'
    ),
}


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as lc:
        yield str(lc.scheduler_address)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for stem, text in ARTICLES.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    # The same bytes under another name: one key, one task, two records.
    shutil.copy(folder / "a-harbour.txt", folder / "f-harbour-copy.txt")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _summary(err: str, out: Path) -> str:
    line = next(x for x in err.splitlines() if "seeds read" in x)
    return line.replace(str(out), "OUT")


def test_cluster_records_are_a_local_runs_bytes_and_a_second_run_skips_every_seed(
    address: str, seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    local_out, cluster_out, again_out = tmp_path / "local", tmp_path / "cluster", tmp_path / "again"
    assert cli.main(["extract", str(seeds), "--out", str(local_out), "--no-cache", "-j", "1", "-q"]) == 0
    local_err = capsys.readouterr().err
    argv = ["extract", str(seeds), "--cluster", address, "--store", str(store), "-q"]
    assert cli.main([*argv, "--out", str(cluster_out)]) == 0
    cluster_err = capsys.readouterr().err

    assert _files(cluster_out) == _files(local_out)
    assert len(_files(cluster_out)) == 6
    # The same summary as a local run: every seed analysed (the copy shares a task, not a count).
    assert _summary(cluster_err, cluster_out) == _summary(local_err, local_out)
    assert "6 records written to OUT (6 analysed, 0 from cache)" in _summary(cluster_err, cluster_out)
    stored = _files(store)
    assert len(stored) == 5  # one record per distinct key, under <key[:2]>/<key>.json
    assert all(name.endswith(".json") and name[:2] == name[3:5] for name in stored)

    assert cli.main([*argv, "--out", str(again_out)]) == 0
    assert "(0 analysed, 6 from cache)" in capsys.readouterr().err
    assert _files(again_out) == _files(local_out)
    assert _files(store) == stored
    # The store is the local record cache: a local run finds every record in it.
    assert pipeline.run(seeds, seeds.parent, store).analysed == 0


def test_generate_extracts_on_the_cluster_into_the_projects_record_cache(
    address: str, seeds: Path, tmp_path: Path
) -> None:
    pages = {}
    for name, extra in (("local", []), ("cluster", ["--cluster", address])):
        (tmp_path / name).mkdir()
        project = make_project(tmp_path / name)
        shutil.rmtree(project / "seeds")
        shutil.copytree(seeds, project / "seeds")
        assert cli.main(["generate", "--project", str(project), "-q", "-j", "1", *extra]) == 0
        pages[name] = _files(project / "content")
    assert pages["cluster"] == pages["local"]
    assert len(_files(tmp_path / "cluster" / ".cache" / "explainer" / "records")) == 5


def test_progress_is_fed_from_completed_tasks(address: str, seeds: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    cluster.run(seeds, seeds.parent, None, address, progress=lambda *c: calls.append(c))
    assert calls[-1] == ("extract", 6, 6)
    done = [d for _, d, _ in calls]
    assert done == sorted(done) and all(total == 6 for _, _, total in calls)


def fails_on_rail(source: model.Source, key: str, store: str | None) -> model.Record:
    """A task that breaks on one seed (a stand-in for a bug the seed triggers)."""
    if source.stem == "b-rail":
        raise ValueError("tagger ran out of memory")
    return cluster.extract_task(source, key, store)


def test_a_seed_that_fails_on_the_cluster_is_reported_and_the_others_are_kept(
    address: str, seeds: Path, tmp_path: Path
) -> None:
    ex = cluster.run(seeds, seeds.parent, str(tmp_path / "store"), address, task=fails_on_rail)
    assert ex.rejected == (
        pipeline.Rejected(
            "seeds/b-rail.txt",
            "seeds/b-rail.txt: not extracted on the cluster (ValueError: tagger ran out of memory)",
        ),
    )
    assert [r.stem for r in ex.records] == ["a-harbour", "c-budget", "d-aid", "e-summit", "f-harbour-copy"]
    assert ex.analysed == 5


def dies_once(source: model.Source, key: str, store: str | None) -> model.Record:
    """The first task to claim the token kills its own worker process while it runs."""
    assert store is not None
    token = Path(store).parent / "die-once"
    try:
        token.rename(token.with_name("died"))  # a rename: exactly one task wins the claim
    except FileNotFoundError:
        return cluster.extract_task(source, key, store)
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


def test_a_worker_killed_mid_task_loses_no_record(address: str, seeds: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "die-once").touch()
    ex = cluster.run(seeds, seeds.parent, str(store), address, task=dies_once)
    assert (tmp_path / "died").exists()  # a worker did die mid-task
    assert ex.rejected == ()
    local = pipeline.run(seeds, seeds.parent, None)
    assert [record_json.dumps(r) for r in ex.records] == [record_json.dumps(r) for r in local.records]
    assert len(_files(store)) == 5


# -- without a cluster ----------------------------------------------------------------------


def test_a_task_run_twice_writes_the_same_record_once_and_the_rerun_extracts_nothing(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = str(tmp_path / "store")
    [src], _ = pipeline.read_seeds([seeds / "d-aid.txt"], seeds.parent)
    key = cluster.record_key(src)
    first = cluster.extract_task(src, key, store)
    written = _files(tmp_path / "store")

    def no_second_extraction(_: model.Source) -> model.Record:
        raise AssertionError("a retried task extracted again")

    monkeypatch.setattr(pipeline, "extract_one", no_second_extraction)
    assert cluster.extract_task(src, key, store) == first
    assert _files(tmp_path / "store") == written  # no temporary file left beside it
    assert list(written) == [f"{key[:2]}/{key}.json"]


def test_a_worker_with_other_code_refuses_to_write_under_the_clients_key(seeds: Path, tmp_path: Path) -> None:
    [src], _ = pipeline.read_seeds([seeds / "d-aid.txt"], seeds.parent)
    with pytest.raises(cluster.ExplainerError, match="differs from the client's"):
        cluster.extract_task(src, "0" * 64, str(tmp_path / "store"))
    assert not (tmp_path / "store").exists()


def test_an_fsspec_store_writes_through_a_temporary_name_and_reads_back(seeds: Path) -> None:
    pytest.importorskip("fsspec")
    [src], _ = pipeline.read_seeds([seeds / "d-aid.txt"], seeds.parent)
    key = cluster.record_key(src)
    store = cluster.FsspecStore("memory://explainer-test/records")
    assert store.get(src, key) is None
    record = pipeline.extract_one(src)
    store.put(src, key, record)
    store.put(src, key, record)  # a duplicate task: same name, same bytes
    assert store.fs.find("/explainer-test/records") == [f"/explainer-test/records/{key[:2]}/{key}.json"]
    assert store.get(src, key) == record
    store.fs.pipe_file(store.path(key), b"{damaged")
    assert store.get(src, key) is None
    store.fs.rm("/explainer-test", recursive=True)


def test_store_urls_given_to_workers_are_absolute_paths_or_left_as_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cluster.store_url("records") == str(tmp_path / "records")
    assert cluster.store_url(f"file://{tmp_path}/r") == str(tmp_path / "r")
    assert cluster.store_url("s3://bucket/records/") == "s3://bucket/records"


def test_store_without_cluster_is_a_usage_error(seeds: Path, tmp_path: Path) -> None:
    assert cli.main(["extract", str(seeds), "--out", str(tmp_path / "o"), "--store", str(tmp_path)]) == 2


def test_an_unreachable_scheduler_is_one_line_not_a_traceback(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    argv = ["extract", str(seeds), "--out", str(tmp_path / "o"), "--cluster", "tcp://127.0.0.1:1", "-q"]
    assert cli.main(argv) == 2
    assert "explainer: cannot reach the Dask scheduler at tcp://127.0.0.1:1" in capsys.readouterr().err


def test_a_local_run_does_not_import_dask(seeds: Path, tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from generator import cli
        rc = cli.main(["extract", {str(seeds)!r}, "--out", {str(tmp_path / "out")!r}, "-q", "-j", "1"])
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed"))
        print(rc, loaded)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "0 []"
    assert len(list((tmp_path / "out").iterdir())) == 6


def test_a_worker_keeps_freed_memory_instead_of_trimming_at_dasks_64_kib() -> None:
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt is glibc's")
    assert cluster.keep_freed_memory(cluster.TRIM_THRESHOLD) is True
