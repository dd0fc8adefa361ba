"""The importer: finding files, duplicates without parsing, workers, time limit, cancel, seeds."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from irviewer.core import import_workers, importer
from irviewer.core.importer import (
    ImportFailure,
    collect_files,
    failure_reason,
    import_paths,
)
from irviewer.core.records import ParseError
from irviewer.core.store import Store
from tests.fixtures.bad_inputs import (
    MARKER,
    good_pdf_lines,
    touch_unsupported,
    write_good_releases,
    write_hidden_files,
    write_huge_text,
    write_pdf,
)


@pytest.fixture
def store():
    with Store.memory() as s:
        yield s


def test_collect_files_recursive_sorted_deduplicated(tmp_path: Path) -> None:
    top = write_good_releases(tmp_path / "b", 2)
    nested = write_good_releases(tmp_path / "a" / "deeper", 1, suffix=".HTML")
    write_hidden_files(tmp_path)
    touch_unsupported(tmp_path)
    found = collect_files([tmp_path, top[0], tmp_path / "a", tmp_path / "missing"])
    assert found == [nested[0].resolve(), top[0].resolve(), top[1].resolve()]
    assert collect_files([]) == []


def test_import_reports_and_stores_good_files(store: Store, tmp_path: Path) -> None:
    paths = write_good_releases(tmp_path, 3)
    seen: list[tuple[int, int, Path | None]] = []
    report = import_paths(store, [tmp_path], progress=lambda *a: seen.append(a))
    assert (len(report.imported), report.duplicates, report.failed) == (3, 0, [])
    assert (report.total, report.cancelled) == (3, False)
    assert store.count() == 3
    assert seen[0] == (0, 3, None)
    assert seen[1:] == [(n + 1, 3, p.resolve()) for n, p in enumerate(paths)]
    assert {h.id for h in store.search(MARKER)} == set(report.imported)
    stored = store.get(report.imported[0]).document
    assert stored.source.path == str(paths[0].resolve())


def test_reimport_counts_duplicates_without_parsing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_good_releases(tmp_path, 3)
    first = import_paths(store, [tmp_path])
    assert len(first.imported) == 3

    def must_not_parse(path: Path) -> tuple[bool, str]:
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(importer, "parse_safely", must_not_parse)
    again = import_paths(store, [tmp_path], workers=0)
    assert (again.imported, again.duplicates, again.failed) == ([], 3, [])
    # A byte-identical copy elsewhere is found by its hash, still without parsing.
    copy_dir = tmp_path / "copies"
    copy_dir.mkdir()
    shutil.copy(tmp_path / "release_1.txt", copy_dir / "renamed.txt")
    third = import_paths(store, [copy_dir], workers=0)
    assert (third.imported, third.duplicates) == ([], 1)
    assert store.count() == 3


def test_same_content_twice_in_one_import(store: Store, tmp_path: Path) -> None:
    (path,) = write_good_releases(tmp_path / "one", 1)
    (tmp_path / "two").mkdir()
    shutil.copy(path, tmp_path / "two" / "same.txt")
    report = import_paths(store, [tmp_path])
    assert (len(report.imported), report.duplicates, report.failed) == (1, 1, [])
    # The copy was remembered, so the next import skips it by path, size and mtime.
    copy = (tmp_path / "two" / "same.txt").resolve()
    stat = copy.stat()
    assert store.known_file(str(copy), stat.st_size, stat.st_mtime) == report.imported[0]


def test_changed_file_is_parsed_again(store: Store, tmp_path: Path) -> None:
    (path,) = write_good_releases(tmp_path, 1)
    first = import_paths(store, [path])
    path.write_text(path.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    second = import_paths(store, [path])
    assert len(first.imported) == len(second.imported) == 1
    assert store.count() == 2


def test_named_missing_and_unsupported_files_are_failures(store: Store, tmp_path: Path) -> None:
    unsupported = touch_unsupported(tmp_path)
    report = import_paths(store, [tmp_path / "nope.txt", unsupported])
    assert report.total == 2 and report.imported == []
    assert report.failed[0] == ImportFailure(str(tmp_path / "nope.txt"), "no such file or folder")
    assert report.failed[1].path == str(unsupported)
    assert report.failed[1].reason.startswith("not a supported file type (irviewer reads .htm")


def test_workers_parse_pdfs_and_text(store: Store, tmp_path: Path) -> None:
    write_good_releases(tmp_path, 2)
    write_pdf(tmp_path / "r.pdf", good_pdf_lines(3))
    report = import_paths(store, [tmp_path], workers=2, timeout=60)
    assert (len(report.imported), report.failed) == (3, [])
    formats = sorted(store.summary(i).format for i in report.imported)
    assert formats == ["pdf", "text", "text"]
    (pdf_id,) = [i for i in report.imported if store.summary(i).format == "pdf"]
    assert len(store.get(pdf_id).document.pages) == 1


def test_file_over_the_time_limit_is_killed_and_reported(store: Store, tmp_path: Path) -> None:
    write_huge_text(tmp_path / "huge.txt", megabytes=10)
    write_good_releases(tmp_path, 1)
    report = import_paths(store, [tmp_path], workers=2, timeout=0.5)
    assert report.failed == [
        ImportFailure(
            str((tmp_path / "huge.txt").resolve()), "took longer than 0.5 s (too large or damaged?)"
        )
    ]
    assert len(report.imported) == 1
    assert store.integrity_check() == "ok"


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (ParseError("password-protected PDF"), "password-protected PDF"),
        (ParseError(""), "the file could not be read"),
        (ValueError("bad\n  value"), "unexpected error while reading (ValueError: bad value)"),
        (RuntimeError(), "unexpected error while reading (RuntimeError)"),
        (KeyError("page"), "unexpected error while reading (KeyError: 'page')"),
        (MemoryError(), "ran out of memory (too large or damaged?)"),
        (RecursionError("deep"), "too deeply nested to read (damaged?)"),
        (SystemExit(3), "unexpected error while reading (SystemExit: 3)"),
    ],
)
def test_failure_reason_is_a_clear_sentence(exc: BaseException, reason: str) -> None:
    assert failure_reason(exc) == reason


def test_any_exception_while_parsing_becomes_a_failure(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_good_releases(tmp_path, 3)
    import irviewer.core.pipeline as pipeline

    errors = iter([ZeroDivisionError("division by zero"), SystemExit(), IndexError()])

    def explode(path: Path):  # noqa: ANN202
        raise next(errors)

    monkeypatch.setattr(pipeline, "parse_file", explode)
    report = import_paths(store, [tmp_path], workers=0)
    assert [f.reason for f in report.failed] == [
        "unexpected error while reading (ZeroDivisionError: division by zero)",
        "unexpected error while reading (SystemExit)",
        "unexpected error while reading (IndexError)",
    ]
    assert store.count() == 0


def test_cancel_stops_promptly_and_keeps_what_is_done(store: Store, tmp_path: Path) -> None:
    write_good_releases(tmp_path, 6)
    done: list[int] = []
    report = import_paths(
        store,
        [tmp_path],
        workers=0,
        progress=lambda d, t, p: done.append(d),
        cancelled=lambda: len(done) > 2,
    )
    assert report.cancelled is True
    assert len(report.imported) == 2 and store.count() == 2
    assert report.total == 6


def test_cancel_with_workers_is_prompt(store: Store, tmp_path: Path) -> None:
    write_huge_text(tmp_path / "huge.txt", megabytes=10)
    start = time.monotonic()

    def cancelled() -> bool:  # well before the huge file can be parsed
        return time.monotonic() - start > 0.4

    report = import_paths(store, [tmp_path], workers=1, timeout=600, cancelled=cancelled)
    assert report.cancelled is True and report.imported == [] and report.failed == []
    assert time.monotonic() - start < 3


def test_seed_documents_import(store: Store, seeds_dir: Path) -> None:
    report = import_paths(store, [seeds_dir], workers=2)
    assert (len(report.imported), report.duplicates, report.failed) == (5, 0, [])
    assert store.integrity_check() == "ok"
    for rid in report.imported:
        body = store.get(rid).document.body
        words = sorted(set(re.findall(r"[A-Za-z]{9,}", body)))
        if words:
            assert rid in {h.id for h in store.search(words[len(words) // 2])}
    again = import_paths(store, [seeds_dir])
    assert (again.imported, again.duplicates) == ([], 5)


def test_worker_crash_fails_that_file_only(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_huge_text(tmp_path / "crash.txt", megabytes=10)
    write_good_releases(tmp_path, 2)
    send = importer._Worker.send

    def send_then_crash(self: importer._Worker, job: importer._Job) -> None:
        send(self, job)
        if job.path.name == "crash.txt":
            self.proc.kill()  # as if the parser had crashed the process

    monkeypatch.setattr(importer._Worker, "send", send_then_crash)
    report = import_paths(store, [tmp_path], workers=1, timeout=600)
    (failure,) = report.failed
    assert failure.path == str((tmp_path / "crash.txt").resolve())
    assert re.fullmatch(
        r"the reader crashed on this file \(exit code -?\d+; damaged\?\)", failure.reason
    )
    assert len(report.imported) == 2


def test_prefs_default_time_limit_and_json_round_trip(tmp_path: Path) -> None:
    import dataclasses

    from irviewer.core.prefs import Prefs

    assert Prefs().import_timeout_s == 120.0
    path = tmp_path / "cfg" / "prefs.json"
    assert Prefs.load(path) == Prefs()  # missing file: defaults
    changed = dataclasses.replace(Prefs(), import_timeout_s=30, last_import_dir="/data")
    changed.save(path)
    assert Prefs.load(path) == changed
    assert Prefs.load(path).import_timeout_s == 30.0


def test_prefs_ignore_bad_values(tmp_path: Path) -> None:
    from irviewer.core.prefs import Prefs

    path = tmp_path / "prefs.json"
    path.write_text(
        '{"import_timeout_s": "fast", "search_limit": 50, "group_by_year": 1, "unknown": true}',
        encoding="utf-8",
    )
    prefs = Prefs.load(path)
    assert (prefs.import_timeout_s, prefs.search_limit, prefs.group_by_year) == (120.0, 50, True)
    path.write_text('{"import_timeout_s": -5}', encoding="utf-8")
    assert Prefs.load(path) == Prefs()
    path.write_text("{not json", encoding="utf-8")
    assert Prefs.load(path) == Prefs()
    with pytest.raises(ValueError, match="import_timeout_s must be positive"):
        Prefs(import_timeout_s=0)


# -- throughput machinery: files queued behind files, batched store writes -----------------------


def test_progress_comes_once_per_file_after_it_is_stored(store: Store, tmp_path: Path) -> None:
    paths = write_good_releases(tmp_path, 30)
    stored_when_told: list[bool] = []

    def progress(done: int, total: int, path: Path | None) -> None:
        if path is not None:
            stat = path.stat()
            stored_when_told.append(
                store.known_file(str(path), stat.st_size, stat.st_mtime) is not None
            )

    report = import_paths(store, [tmp_path], workers=2, progress=progress)
    assert (len(report.imported), report.failed) == (30, [])
    assert stored_when_told == [True] * len(paths)


def test_releases_are_stored_a_few_per_transaction(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_good_releases(tmp_path, 40)
    batches: list[int] = []
    add_many = Store.add_many

    def recording(self: Store, items):  # noqa: ANN001, ANN202
        batches.append(len(items))
        return add_many(self, items)

    monkeypatch.setattr(Store, "add_many", recording)
    report = import_paths(store, [tmp_path], workers=2)
    assert (len(report.imported), report.failed) == (40, [])
    assert sum(batches) == 40 and max(batches) <= importer.BATCH_RELEASES
    assert len(batches) < 40  # some transactions held several releases
    assert store.integrity_check() == "ok"


def test_copies_settle_with_their_original_in_workers(store: Store, tmp_path: Path) -> None:
    good = write_good_releases(tmp_path / "a", 6)
    (tmp_path / "b").mkdir()
    shutil.copy(good[0], tmp_path / "b" / "same.txt")
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "empty_too.txt").write_bytes(b"")
    report = import_paths(store, [tmp_path], workers=2)
    assert (len(report.imported), report.duplicates) == (6, 1)
    assert sorted(Path(f.path).name for f in report.failed) == ["empty.txt", "empty_too.txt"]
    assert len({f.reason for f in report.failed}) == 1
    copy = (tmp_path / "b" / "same.txt").resolve()
    stat = copy.stat()
    assert store.known_file(str(copy), stat.st_size, stat.st_mtime) in report.imported


def test_files_queued_behind_a_stuck_file_go_on_after_the_kill(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if the huge file were small: the good files are sent behind it to the one worker.
    monkeypatch.setattr(import_workers, "QUEUE_AHEAD_BYTES", 100_000_000)
    write_huge_text(tmp_path / "a_huge.txt", megabytes=20)
    write_good_releases(tmp_path, 2)
    sent: list[str] = []
    send = importer._Worker.send

    def recording_send(self: importer._Worker, job: importer._Job) -> None:
        sent.append(f"{job.path.name}:{len(self.jobs)}")
        send(self, job)

    monkeypatch.setattr(importer._Worker, "send", recording_send)
    report = import_paths(store, [tmp_path], workers=1, timeout=0.5)
    assert sent[:2] == ["a_huge.txt:0", "release_0.txt:1"]  # queued behind the huge file
    assert [Path(f.path).name for f in report.failed] == ["a_huge.txt"]
    assert report.failed[0].reason == "took longer than 0.5 s (too large or damaged?)"
    assert len(report.imported) == 2 and store.integrity_check() == "ok"


def test_a_cancel_keeps_the_releases_already_parsed(store: Store, tmp_path: Path) -> None:
    write_good_releases(tmp_path, 40)
    done: list[int] = []
    report = import_paths(
        store,
        [tmp_path],
        workers=2,
        progress=lambda d, t, p: done.append(d),
        cancelled=lambda: len(done) > 5,
    )
    assert report.cancelled is True
    assert 5 <= len(report.imported) < 40
    assert store.count() == len(report.imported) == done[-1]
    assert store.integrity_check() == "ok"
