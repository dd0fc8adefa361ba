"""Bad input files: each one fails with a clear reason (or imports), and the rest go in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from irviewer.core.importer import import_paths
from irviewer.core.store import Store
from tests.fixtures.bad_inputs import (
    EXPECTED_REASONS,
    MARKER,
    good_pdf_lines,
    write_bad_inputs,
    write_good_releases,
    write_pdf,
)


def _check_failures(report, folder: Path) -> None:  # noqa: ANN001
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    expected_failures = {n for n, words in EXPECTED_REASONS.items() if words is not None}
    assert set(reasons) == expected_failures
    for name, words in EXPECTED_REASONS.items():
        if words is None:
            continue
        reason = reasons[name]
        assert all(w in reason.lower() for w in words), (name, reason)
        assert reason.strip() and "object at 0x" not in reason and "Traceback" not in reason
    assert all(Path(f.path).parent == folder.resolve() for f in report.failed)


@pytest.mark.parametrize("workers", [0, 2], ids=["in-process", "workers"])
def test_folder_of_good_and_bad_files(tmp_path: Path, workers: int) -> None:
    good = write_good_releases(tmp_path / "good", 3)
    write_pdf(tmp_path / "good" / "release.pdf", good_pdf_lines(3))
    bad_dir = tmp_path / "bad"
    write_bad_inputs(bad_dir)
    library = tmp_path / "lib" / "library.sqlite"
    with Store.open(library) as store:
        report = import_paths(store, [tmp_path], workers=workers, timeout=120)
        _check_failures(report, bad_dir)
        # 3 text + 1 PDF + the Windows-1252 text file
        assert len(report.imported) == len(good) + 2
        assert report.total == len(good) + 1 + len(EXPECTED_REASONS)
        assert store.count() == len(report.imported)
        assert store.integrity_check() == "ok"
        assert len(store.search(MARKER)) == len(report.imported)
        (latin,) = store.search("café-grade")
        assert store.get(latin.id).document.source.path.endswith("latin1.txt")


def test_failed_files_are_tried_again_next_time(tmp_path: Path) -> None:
    write_bad_inputs(tmp_path)
    with Store.memory() as store:
        first = import_paths(store, [tmp_path], workers=0)
        again = import_paths(store, [tmp_path], workers=0)
    assert [f.path for f in again.failed] == [f.path for f in first.failed]
    assert (again.imported, again.duplicates) == ([], 1)  # the Windows-1252 file


_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf"])
_PREFIXES = st.sampled_from([b"", b"%PDF-1.7\n", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"])


@settings(max_examples=40, deadline=None, database=None, derandomize=True)
@given(prefix=_PREFIXES, data=st.binary(max_size=3000), suffix=_SUFFIXES)
def test_arbitrary_bytes_never_break_an_import(
    tmp_path_factory: pytest.TempPathFactory, prefix: bytes, data: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / f"input{suffix}").write_bytes(prefix + data)
    with Store.memory() as store:
        report = import_paths(store, [folder], workers=0)
        assert report.total == 1
        assert len(report.imported) + len(report.failed) == 1
        for failure in report.failed:
            assert failure.reason.strip() and "object at 0x" not in failure.reason
        assert store.integrity_check() == "ok"
