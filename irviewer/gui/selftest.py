"""`irviewer --self-test`: drive the real window offscreen on the demo library, then exit.

Opens the main window in a temporary data folder, imports the demo, selects a release that has
tables, checks the reader, grids and contacts, runs a search, sorts a table and exports a CSV.
Exit 0 when all of it works; otherwise the reason goes to stderr and the exit code is 1.
"""

from __future__ import annotations

import csv
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

IMPORT_TIMEOUT_S = 600.0
STEP_TIMEOUT_S = 30.0


class SelfTestError(Exception):
    """A check failed; the message says which and why."""


def wait_for(predicate: Callable[[], bool], what: str, timeout: float = STEP_TIMEOUT_S) -> None:
    """Run the event loop until ``predicate()`` holds; SelfTestError after ``timeout`` s."""
    from PySide6.QtCore import QEventLoop, QThread
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SelfTestError(f"timed out after {timeout:.0f} s waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(5)


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestError(reason)


def _say(text: str) -> None:
    if sys.stdout is not None:  # None in a windowed (console-less) Windows build
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


def pick_release(store: Any) -> Any:
    """A release with tables, preferring a PDF (to check the page view) with contacts."""
    best = None
    for summary in store.summaries(0, 2000):
        if summary.n_tables > 0:
            if summary.n_contacts > 0 and summary.headline and summary.format == "pdf":
                return summary
            best = best or summary
    if best is None:
        raise SelfTestError("no release in the library has tables")
    return best


def _numbers_sorted(values: list[float]) -> bool:
    ascending = all(a <= b for a, b in zip(values, values[1:], strict=False))
    descending = all(a >= b for a, b in zip(values, values[1:], strict=False))
    return ascending or descending


def check_sort(tables: Any) -> str:
    """Sort the first table by its first numeric column and check the numeric order."""
    from PySide6.QtCore import Qt

    from irviewer.core.extract.numbers import parse_number

    model = tables.first_table_model()
    _check(model is not None, "the tables pane has no first table model")
    rows, columns = model.rowCount(), model.columnCount()
    _check(rows > 0 and columns > 0, f"the first table grid is empty ({rows}×{columns})")

    def column_numbers(column: int) -> list[float]:
        found = []
        for row in range(model.rowCount()):
            text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            value = parse_number(str(text)) if text not in (None, "") else None
            if value is not None:
                found.append(float(value))
        return found

    numeric = [c for c in range(1, columns) if len(column_numbers(c)) >= 2] or [0]
    column = numeric[0]
    tables.sort_first_table_by(column)
    wait_for(lambda: True, "the sort")
    _check(model.rowCount() == rows, "sorting changed the number of rows")
    if column > 0:
        values = column_numbers(column)
        _check(_numbers_sorted(values), f"column {column} is not in numeric order: {values[:8]}")
    return f"sorted column {column} of {rows} rows"


def check_export(tables: Any, table: Any, folder: Path) -> Path:
    """Export the first table to CSV and check the file holds its rows."""
    path = folder / "selftest-table.csv"
    if hasattr(tables, "export_table_csv"):
        written = Path(tables.export_table_csv(0, path))
    else:
        from irviewer.core.export import write_table_csv

        write_table_csv(table, path)
        written = path
    _check(written.is_file(), f"the CSV export wrote no file at {written}")
    with written.open(newline="", encoding="utf-8-sig") as handle:
        records = list(csv.reader(handle))
    _check(
        len(records) >= len(table.rows),
        f"the CSV has {len(records)} lines for {len(table.rows)} table rows",
    )
    labels = {" ".join(r[0].split()) for r in records if r}
    first_label = " ".join((table.rows[0][0] if table.rows and table.rows[0] else "").split())
    _check(
        not first_label or first_label in labels or any(first_label in x for x in labels),
        f"the CSV lacks the table's first row label {first_label!r}",
    )
    return written


def check_original(window: Any) -> str:
    """The Original tab renders the PDF's pages through QtPdf (fails if QtPdf is missing)."""
    window.tabs.setCurrentWidget(window.original)
    wait_for(lambda: window.original.mode != "empty", "the Original tab to render")
    _check(
        window.original.mode == "pdf",
        f"the Original tab shows {window.original.mode!r}, not the PDF (is QtPdf missing?)",
    )
    pages = window.original.page_count()
    _check(pages > 0, "the PDF view has no pages")
    window.tabs.setCurrentIndex(0)
    return f"original PDF: {pages} pages"


def check_search(window: Any, headline: str) -> str:
    words = [w for w in headline.split() if len(w) >= 5 and w.isalpha()]
    if not words:
        return "search skipped (no word to search for)"
    word = words[0]
    finished: list[str] = []
    window.timeline.search_finished.connect(finished.append)
    window.timeline.set_search_text(word)
    window.timeline.search_now()
    wait_for(lambda: bool(finished), f"the search for {word!r}")
    _check(window.timeline.model.search_mode, f"searching {word!r} did not narrow the timeline")
    matches = window.timeline.model.match_count()
    _check(matches > 0, f"searching {word!r} from a headline found nothing")
    window.timeline.clear_search()
    return f"search {word!r}: {matches} matches"


def _run(window: Any, library: Path | None, folder: Path) -> list[str]:
    notes: list[str] = []
    opened = window.open_library(library) if library else window.open_demo()
    if not opened and window.upgrading:  # written by an older version: upgraded first
        wait_for(lambda: not window.upgrading, "the library upgrade", IMPORT_TIMEOUT_S)
        opened = window.store is not None
    _check(opened, f"cannot open the library {library or window.paths.demo_library}")
    if window.import_job is not None:
        wait_for(lambda: not window.import_job.running, "the demo import", IMPORT_TIMEOUT_S)
        report = window.import_job.report
        _check(report is not None, f"the demo import did not run: {window.import_job.error}")
        _check(
            bool(report.imported),
            "no demo file could be imported: "
            + "; ".join(f"{Path(f.path).name}: {f.reason}" for f in report.failed[:5]),
        )
        notes.append(f"imported {len(report.imported)} demo releases")
        if report.failed:
            notes.append(
                f"{len(report.failed)} demo files failed ("
                + ", ".join(Path(f.path).name for f in report.failed[:5])
                + ")"
            )
    total = window.store.count()
    _check(total > 0, "the library is empty (is resources/demo empty?)")

    summary = pick_release(window.store)
    _check(window.select_release(summary.id), f"release {summary.id} is not in the timeline")
    wait_for(
        lambda: window.stored is not None and window.stored.id == summary.id,
        f"release {summary.id} to load",
    )
    doc = window.stored.document
    headline = " ".join((doc.headline or "(no headline)").split())
    shown = " ".join(window.reader.toPlainText().split())
    _check(headline in shown, f"the reader does not show the headline {headline!r}")
    notes.append(f"release {summary.id}: {headline[:70]!r}")

    tables = window.tables
    _check(hasattr(tables, "first_table_model"), "the tables pane is not available")
    count = tables.table_count() if hasattr(tables, "table_count") else None
    _check(
        count in (None, len(doc.tables)),
        f"the tables pane shows {count} tables, the release has {len(doc.tables)}",
    )
    _check(
        window.tabs.tabText(1) == f"Tables ({len(doc.tables)})",
        f"the Tables tab reads {window.tabs.tabText(1)!r}",
    )
    notes.append(f"{len(doc.tables)} tables")

    contacts = window.contacts
    _check(hasattr(contacts, "contact_count"), "the contacts sidebar is not available")
    _check(
        contacts.contact_count() == len(doc.contacts),
        f"the sidebar shows {contacts.contact_count()} contacts, the release has "
        f"{len(doc.contacts)}",
    )
    notes.append(f"{len(doc.contacts)} contacts")
    if doc.source.format == "pdf" and Path(doc.source.path).is_file():
        notes.append(check_original(window))

    notes.append(check_sort(tables))
    notes.append(f"exported {check_export(tables, doc.tables[0], folder).name}")
    notes.append(check_search(window, headline))
    return notes


def run_self_test(library: Path | None = None) -> int:
    """Run every check offscreen; 0 when all pass, 1 with the reason on stderr otherwise."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="irviewer-selftest-") as tmp:
        folder = Path(tmp)
        window = None
        try:
            from irviewer.gui.app import build_window, create_app, install_qt_log_filter
            from irviewer.gui.library import DataPaths

            install_qt_log_filter()
            app = create_app()
            window = build_window(DataPaths.in_folder(folder / "data"))
            window.resize(1280, 800)
            window.show()
            notes = _run(window, library, folder)
            window.close()
            window = None
            app.processEvents()
        except SelfTestError as exc:
            sys.stderr.write(f"self-test FAILED: {exc}\n")
            return 1
        except Exception:
            sys.stderr.write("self-test FAILED with an error:\n" + traceback.format_exc())
            return 1
        finally:
            if window is not None:
                window.close()
    _say(f"self-test passed in {time.monotonic() - started:.1f} s: " + "; ".join(notes))
    return 0
