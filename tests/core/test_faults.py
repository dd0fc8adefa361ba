"""Faults: the bad-input corpus imports with a clear result per file, under a time limit.

The corpus (tests/fixtures/bad_corpus.py, also written by scripts/make_bad_inputs.py) holds
broken, hostile and oversized files. Whatever the PDF layer raises must reach the user as a
sentence ("password-protected", "not a PDF", "damaged: ..."), never as an object dump.
"""

from __future__ import annotations

import errno
import re
import signal
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from irviewer.core import importer
from irviewer.core.importer import ImportReport, import_paths
from irviewer.core.ingest import pdf as pdf_reader
from irviewer.core.ingest import text as text_reader
from irviewer.core.ingest.pdf import explain_pdf_error
from irviewer.core.records import ParseError
from irviewer.core.store import Store
from tests.fixtures.bad_corpus import (
    ACCENTED,
    CORPUS,
    HUGE_MB,
    MANY_PAGES,
    REMOTE,
    SCRIPT_MARKER,
    write_bad_corpus,
)
from tests.fixtures.bad_inputs import (
    MARKER,
    good_pdf_lines,
    write_good_releases,
    write_huge_text,
    write_pdf,
)

GOOD = 3
# Every failure reason starts like one of these.
REASON_STARTS = (
    "empty file",
    "no text",
    "no readable text",
    "not a pdf",
    "not text",
    "not plain text",
    "binary data",
    "password-protected",
    "damaged:",
    "the pdf has no",
    "the pdf could not be opened",
    "too large",
    "took longer than",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full corpus (50 MB text, 500-page PDF) beside a few good releases."""
    folder = tmp_path_factory.mktemp("faults")
    write_bad_corpus(folder / "bad")
    write_good_releases(folder / "good", GOOD)
    return folder


def assert_clear(reason: str) -> None:
    """A sentence for a user: known start, one line, short, no dumps or tracebacks."""
    assert reason.lower().startswith(REASON_STARTS), reason
    assert "\n" not in reason and len(reason) <= 300, reason
    assert not re.search(r"object at|0x[0-9a-f]{4,}|Traceback|<\w", reason), reason


def check_corpus_report(store: Store, report: ImportReport, folder: Path) -> None:
    """Each corpus file got its Outcome; the good releases all went in; nothing else stored."""
    failed = {Path(f.path).name: f.reason for f in report.failed}
    imported = {Path(store.get(i).document.source.path).name: i for i in report.imported}
    for name, outcome in CORPUS.items():
        if outcome.imported:
            assert name in imported, (name, failed.get(name))
            doc = store.get(imported[name]).document
            assert doc.source.format == outcome.fmt, name
            if outcome.pages is not None:
                assert len(doc.pages) == outcome.pages, name
        else:
            assert name in failed, f"{name} was imported"
            assert all(w in failed[name].lower() for w in outcome.words), (name, failed[name])
    for reason in failed.values():
        assert_clear(reason)
    good = {f"release_{n}.txt" for n in range(GOOD)}
    assert good <= set(imported)
    assert set(imported) == good | {n for n, o in CORPUS.items() if o.imported}
    assert store.count() == len(report.imported)
    assert store.integrity_check() == "ok"
    assert len(store.search(MARKER)) == len(report.imported)
    (accented,) = store.search(ACCENTED)
    assert store.get(accented.id).document.source.path.endswith("windows_1252.txt")
    # Scripts, styles, frames and remote images never reach a release.
    assert store.search(SCRIPT_MARKER) == []
    for rid in report.imported:
        assert SCRIPT_MARKER not in store.get(rid).document.body
        assert REMOTE not in store.get(rid).document.body


def test_bad_corpus_in_process(corpus: Path) -> None:
    with Store.memory() as store:
        start = time.monotonic()
        report = import_paths(store, [corpus], workers=0)
        assert time.monotonic() - start < 60
        assert report.total == len(CORPUS) + GOOD
        check_corpus_report(store, report, corpus)


def test_bad_corpus_in_workers_a_slow_file_is_killed_and_nothing_else_lost(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Valid, under the size and line limits, but ~6 s to parse: only the time limit stops it.
    slow = write_huge_text(tmp_path / "slow.txt", megabytes=30, items_per_line=12)
    killed: list[tuple[str, object]] = []
    kill = importer._Worker.kill

    def recording_kill(self: importer._Worker) -> None:
        if self.job is not None:  # killed while parsing: over the time limit (or crashed)
            killed.append((self.job.path.name, self.proc))
        kill(self)

    monkeypatch.setattr(importer._Worker, "kill", recording_kill)
    limit = 3.0  # half the slow file's time, ample for every corpus file
    with Store.memory() as store:
        start = time.monotonic()
        report = import_paths(store, [corpus, slow], workers=2, timeout=limit)
        assert time.monotonic() - start < 60
        assert report.total == len(CORPUS) + GOOD + 1
        slow_failure = [f for f in report.failed if f.path == str(slow.resolve())]
        assert [f.reason for f in slow_failure] == [
            f"took longer than {limit:g} s (too large or damaged?)"
        ]
        report.failed.remove(slow_failure[0])
        check_corpus_report(store, report, corpus)
    assert [name for name, _proc in killed] == ["slow.txt"]
    proc = killed[0][1]
    assert not proc.is_alive() and proc.exitcode == -signal.SIGKILL


def test_huge_text_is_refused_at_once(corpus: Path) -> None:
    huge = corpus / "bad" / "huge.txt"
    assert huge.stat().st_size == HUGE_MB * 1_000_000
    with Store.memory() as store:
        start = time.monotonic()
        report = import_paths(store, [huge], workers=0)
        assert time.monotonic() - start < 2
    (failure,) = report.failed
    assert failure.reason == (
        f"too large for a press release ({HUGE_MB} MB of text; irviewer reads text and HTML "
        f"files up to {text_reader.MAX_TEXT_BYTES // 1_000_000} MB)"
    )


def test_text_with_too_many_lines_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("x\n" * text_reader.MAX_TEXT_LINES, encoding="utf-8")  # one line too many
    with Store.memory() as store:
        (failure,) = import_paths(store, [path], workers=0).failed
    assert failure.reason == (
        f"too large for a press release ({text_reader.MAX_TEXT_LINES + 1:,} lines of text; "
        f"irviewer reads at most {text_reader.MAX_TEXT_LINES:,})"
    )


def test_many_pages_import_within_the_default_limit(corpus: Path) -> None:
    with Store.memory() as store:
        start = time.monotonic()
        report = import_paths(store, [corpus / "bad" / "many_pages.pdf"], workers=1)
        took = time.monotonic() - start
        (rid,) = report.imported
        assert len(store.get(rid).document.pages) == MANY_PAGES
        assert store.get(rid).document.pages[-1].startswith(f"Appendix, page {MANY_PAGES}")
    assert took < importer.DEFAULT_IMPORT_TIMEOUT_S / 4


def test_more_pages_than_the_limit_is_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fixtures.bad_corpus import write_many_pages

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 20)
    path = write_many_pages(tmp_path / "long.pdf", 21)
    with Store.memory() as store:
        (failure,) = import_paths(store, [path], workers=0).failed
        assert store.count() == 0
    assert failure.reason == "too large (21 pages; irviewer reads at most 20)"


# -- whatever the PDF layer raises ------------------------------------------------------------


class _BadStrError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text for this one")


class _Obj:
    pass


_DUMP = repr(_Obj())  # '<tests.core.test_faults._Obj object at 0x7f...>'


def _pdfium(message: str, code: int | None) -> pdfium.PdfiumError:
    return pdfium.PdfiumError(message, err_code=code)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (_pdfium("Failed to load document (PDFium: Incorrect password error).", 4),
         "password-protected PDF"),
        (_pdfium("Failed to load document (PDFium: Unsupported security scheme error).", 5),
         "password-protected PDF (an unsupported security scheme)"),
        (_pdfium("Failed to load document (PDFium: File access error).", 2),
         "the PDF could not be opened (the file cannot be read)"),
        (_pdfium("Failed to load page.", None), "damaged: failed to load page"),
        (_pdfium(f"Initializing form env failed for document {_DUMP}.", None),
         "damaged: initializing form env failed"),
        (_pdfium("Failed to load document (PDFium: Unknown error).", 1),
         "damaged: the PDF could not be read (PdfiumError)"),
        (ValueError(f"{_DUMP}"), "damaged: the PDF could not be read (ValueError)"),
        (TypeError(f"cannot use {_DUMP} here"), "damaged: cannot use here"),
        (KeyError("/Root"), "damaged: missing entry '/Root'"),
        (IndexError(), "damaged: the PDF could not be read (IndexError)"),
        (_BadStrError(), "damaged: the PDF could not be read (_BadStrError)"),
        (ZeroDivisionError("float division by zero"), "damaged: float division by zero"),
        (RuntimeError("Encrypted stream, no key"), "password-protected PDF"),
        (MemoryError(), "too large or damaged: ran out of memory while reading the PDF"),
        (RecursionError("maximum recursion depth exceeded"),
         "damaged: the PDF's objects are nested too deeply to read"),
        (PermissionError(errno.EACCES, "Permission denied"),
         "the PDF could not be opened (permission denied)"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
         "damaged: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
        (ValueError("x" * 1000), "damaged: " + "x" * 159 + "…"),
        (RuntimeError("   \n\t "), "damaged: the PDF could not be read (RuntimeError)"),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else None,
)  # fmt: skip
def test_explain_pdf_error_without_a_file(exc: BaseException, expected: str) -> None:
    assert explain_pdf_error(exc) == expected


def test_explain_pdf_error_looks_at_the_file(corpus: Path, tmp_path: Path) -> None:
    fmt = _pdfium("Failed to load document (PDFium: Data format error).", 3)
    bad = corpus / "bad"
    assert explain_pdf_error(fmt, bad / "truncated.pdf") == (
        "damaged: the file is incomplete (it ends before the PDF's end marker)"
    )
    assert explain_pdf_error(fmt, bad / "random_bytes.pdf") == (
        "not a PDF (the file does not start with a PDF header)"
    )
    whole = write_pdf(tmp_path / "whole.pdf", good_pdf_lines(1))
    assert explain_pdf_error(fmt, whole) == "damaged: PDFium could not read the PDF's structure"
    refused = _pdfium("Failed to load document (PDFium: Success).", pdfium_c.FPDF_ERR_SUCCESS)
    assert explain_pdf_error(refused, bad / "no_pages.pdf") == "the PDF has no pages"
    assert explain_pdf_error(refused, whole) == "damaged: the PDF could not be read (PdfiumError)"


_EXCEPTION_TYPES = st.sampled_from(
    [Exception, ValueError, TypeError, RuntimeError, KeyError, IndexError, AttributeError,
     AssertionError, OSError, UnicodeError, ArithmeticError, NotImplementedError, LookupError,
     pdfium.PdfiumError, _BadStrError]
)  # fmt: skip


@settings(max_examples=150, deadline=None, database=None)
@given(
    kind=_EXCEPTION_TYPES, message=st.text(max_size=400), code=st.sampled_from([None, 0, 1, 3, 6])
)
def test_any_exception_becomes_a_clear_sentence(
    kind: type[Exception], message: str, code: int | None
) -> None:
    exc = kind(message) if kind is not pdfium.PdfiumError else kind(message, err_code=code)
    reason = explain_pdf_error(exc)
    assert reason.strip() and reason == " ".join(reason.split())
    assert len(reason) <= 200
    assert reason.startswith(("password-protected", "not a PDF", "damaged: ", "too large",
                              "the PDF"))  # fmt: skip
    assert not re.search(r"object at 0x|0x[0-9a-f]{6,}", reason)


class _FakeDocument:
    """Stands in for pdfium.PdfDocument: a page count, and pages that raise."""

    def __init__(self, exc: BaseException, pages: int = 2) -> None:
        self.exc, self.pages = exc, pages

    def __len__(self) -> int:
        return self.pages

    def __getitem__(self, index: int) -> object:
        raise self.exc

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("raised", "where", "expected"),
    [
        (_pdfium("Failed to load document (PDFium: Incorrect password error).", 4), "open",
         "password-protected PDF"),
        (OSError(errno.EIO, "Input/output error"), "open",
         "the PDF could not be opened (input/output error)"),
        (ValueError(_DUMP), "open", "damaged: the PDF could not be read (ValueError)"),
        (MemoryError(), "open", "too large or damaged: ran out of memory while reading the PDF"),
        (_pdfium("Failed to load page.", None), "page",
         "damaged: page 1 of 2 cannot be read (failed to load page)"),
        (AttributeError(f"{_DUMP} has no attribute 'get_textpage'"), "page",
         "damaged: page 1 of 2 cannot be read (has no attribute 'get_textpage')"),
        (RecursionError(), "page",
         "damaged: page 1 of 2 cannot be read (the PDF's objects are nested too deeply to read)"),
    ],
)  # fmt: skip
def test_pdf_layer_errors_reach_the_import_report_as_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: BaseException, where: str,
    expected: str,
) -> None:  # fmt: skip
    # A password error is believed only for a file that is encrypted (see the next test).
    encrypt = "secret" if expected.startswith("password") else None
    path = write_pdf(tmp_path / "release.pdf", good_pdf_lines(2), encrypt=encrypt)
    write_good_releases(tmp_path, 1)

    def fake_document(source: str) -> _FakeDocument:
        if where == "open":
            raise raised
        return _FakeDocument(raised)

    monkeypatch.setattr(pdf_reader.pdfium, "PdfDocument", fake_document)
    with Store.memory() as store:
        report = import_paths(store, [tmp_path], workers=0)
        assert len(report.imported) == 1 and store.count() == 1
    assert [(f.path, f.reason) for f in report.failed] == [(str(path.resolve()), expected)]
    assert_clear(expected)


def test_a_stale_pdfium_error_code_does_not_mislead(corpus: Path) -> None:
    """PDFium keeps its last error code when it refuses a page-less file: not 'password'."""
    bad = corpus / "bad"
    order = ["password.pdf", "no_pages.pdf", "truncated.pdf", "no_pages.pdf", "password.pdf"]
    reasons = []
    for name in order:
        with pytest.raises(ParseError) as caught:
            pdf_reader.read_pdf(bad / name)
        reasons.append(str(caught.value))
    assert reasons == [
        "password-protected PDF",
        "the PDF has no pages",
        "damaged: the file is incomplete (it ends before the PDF's end marker)",
        "the PDF has no pages",
        "password-protected PDF",
    ]


def test_table_reader_failures_cost_the_tables_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pdfplumber raising (of any type) on a table page keeps the release, without tables."""
    from irviewer.core.extract import tables_pdf

    lines = [*good_pdf_lines(3), *(f"Line item {n}  {n},234  {n},099" for n in range(1, 9))]
    path = write_pdf(tmp_path / "release.pdf", lines)

    def broken_open(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(tables_pdf.pdfplumber, "open", broken_open)
    with Store.memory() as store:
        report = import_paths(store, [path], workers=0)
        assert report.failed == []
        assert store.get(report.imported[0]).document.tables == []


def test_no_pages_and_no_text_are_reported_not_stored(corpus: Path) -> None:
    bad = corpus / "bad"
    names = ["no_pages.pdf", "image_only.pdf", "scan_with_page_number.pdf"]
    with Store.memory() as store:
        report = import_paths(store, [bad / n for n in names], workers=0)
        assert store.count() == 0 and report.imported == []
    assert {Path(f.path).name: f.reason for f in report.failed} == {
        "no_pages.pdf": "the PDF has no pages",
        "image_only.pdf": pdf_reader.NO_TEXT,
        "scan_with_page_number.pdf": pdf_reader.NO_TEXT,
    }
