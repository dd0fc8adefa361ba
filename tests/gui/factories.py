"""Synthetic releases, libraries and windows for the GUI tests (no real documents copied here)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from irviewer.core.records import Contact, Document, FinancialTable, SourceInfo
from irviewer.gui.library import DataPaths

KINDS_CYCLE = ("earnings", "clinical", "deal", "governance")


def make_table(title: str = "Statement of operations") -> FinancialTable:
    rows = [
        ["Revenue", "1,250", "(1,099)"],
        ["Costs", "—", "300"],
        ["Net income", "980", "12"],
    ]
    values = [[None, 1250.0, -1099.0], [None, None, 300.0], [None, 980.0, 12.0]]
    return FinancialTable(title, "in thousands", [["", "2024", "2023"]], rows, values, page=1)


def make_document(
    n: int,
    *,
    date: str | None = "2024-01-15",
    kind: str = "earnings",
    company: str | None = "Acme Widgets Inc.",
    headline: str | None = None,
    body: str | None = None,
    tables: Sequence[FinancialTable] = (),
    contacts: Sequence[Contact] = (),
    path: str | None = None,
    fmt: str = "text",
    pages: Sequence[str] = (),
) -> Document:
    """A Document with a unique content hash per ``n``."""
    headline = headline or f"Acme announces result number {n}"
    body = (
        body
        if body is not None
        else (
            f"Acme said today that item {n} went well.\nThe second line of the paragraph.\n\n"
            "• First bullet point\n• Second bullet point\ncontinued here\n\n"
            "Visit https://acme.example/ir or write to ir@acme.example for details."
        )
    )
    sha = hashlib.sha256(f"synthetic-{n}-{headline}".encode()).hexdigest()
    return Document(
        source=SourceInfo(path or f"/nonexistent/release-{n}.txt", fmt, sha, 100),
        date=date,
        headline=headline,
        subheadlines=[f"Sub-headline for {n}"],
        company=company,
        ticker="NYSE: ACME",
        dateline="SPRINGFIELD, Ill.",
        kind=kind,
        contacts=list(contacts),
        tables=list(tables),
        body=body,
        pages=list(pages),
    )


def fill_library(path: Path, docs: Sequence[Document]) -> list[int]:
    """Create a library file holding ``docs``; returns their ids in order."""
    from irviewer.core.store import Store

    with Store.open(path) as store:
        return [store.add(doc).id for doc in docs]


def make_v2_library(path: Path, docs: Sequence[Document]) -> list[int]:
    """A library holding ``docs`` as irviewer 0.1.0 (schema version 2) wrote it.

    Filled by today's Store, then taken back to version 2: schema version 3 only added the
    ``listing`` table (and a view reading it) beside what version 2 had.
    """
    import sqlite3

    from tests.fixtures.released_schemas import VIEW_V2

    ids = fill_library(path, docs)
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP VIEW release_view; DROP TABLE listing;"
        "CREATE INDEX releases_date ON releases(date);"
        + VIEW_V2
        + "DELETE FROM _sqlite_migrations WHERE name = 'm003_listing';"
        "PRAGMA user_version = 2;"
    )
    conn.close()
    return ids


def spread_documents(count: int, undated: int = 2) -> list[Document]:
    """``count`` dated releases over 2021-2024 (kinds cycling) plus ``undated`` without dates."""
    docs = []
    for n in range(count):
        year = 2021 + n % 4
        month = 1 + n % 12
        docs.append(
            make_document(
                n,
                date=f"{year}-{month:02d}-{1 + n % 27:02d}",
                kind=KINDS_CYCLE[n % len(KINDS_CYCLE)],
                company="Acme Widgets Inc." if n % 3 else "Borealis Mining Ltd.",
            )
        )
    for m in range(undated):
        docs.append(make_document(10_000 + m, date=None, kind="other"))
    return docs


RELEASE_TEXT = """{company}

{date_text}

{headline}

SPRINGFIELD, Ill.--(WIRE)-- {company} (NYSE: ACME) today announced {what}.

The company reported progress across its programs and expects further news later this year.

Investor Contact:
Jane Roe
Acme Widgets Inc.
+1 212-555-0100
jane.roe@acme.example
"""


def write_release(folder: Path, name: str, n: int, headline: str | None = None) -> Path:
    """A plain-text release the real pipeline can read."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        RELEASE_TEXT.format(
            company="Acme Widgets Inc.",
            date_text=f"March {1 + n % 27}, 2024",
            headline=headline or f"Acme Widgets Reports Milestone Number {n} For Its Program",
            what=f"milestone number {n}",
        ),
        encoding="utf-8",
    )
    return path


def write_corrupt_pdf(folder: Path, name: str = "broken.pdf") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\nthis is not a pdf")
    return path


def make_paths(tmp_path: Path, demo_count: int = 3) -> DataPaths:
    """Data paths in ``tmp_path`` with a small synthetic demo folder."""
    demo = tmp_path / "demo-source"
    for n in range(demo_count):
        write_release(demo, f"demo-{n}.txt", n + 500)
    (demo / "README.md").write_text("# not a release\n", encoding="utf-8")
    return DataPaths.in_folder(tmp_path / "data", demo_source=demo)


def make_window(qtbot: Any, paths: DataPaths) -> Any:
    from irviewer.gui.app import build_window

    window = build_window(paths)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    return window


def open_and_wait(qtbot: Any, window: Any, library: Path) -> None:
    with qtbot.waitSignal(window.library_opened, timeout=10_000):
        assert window.open_library(library)


def select_and_wait(qtbot: Any, window: Any, release_id: int) -> None:
    with qtbot.waitSignal(
        window.release_loaded, timeout=10_000, check_params_cb=lambda rid: rid == release_id
    ):
        assert window.select_release(release_id)


def wait_import(qtbot: Any, window: Any, timeout: int = 120_000) -> Any:
    if window.import_job is not None and window.import_job.running:
        with qtbot.waitSignal(window.import_finished, timeout=timeout) as blocker:
            pass
        return blocker.args[0]
    return window.import_job.report if window.import_job else None


@dataclass(frozen=True)
class FakeSummary:
    id: int
    date: str | None
    year: int | None
    headline: str | None
    kind: str
    company: str | None
    ticker: str | None = None
    format: str = "pdf"
    n_tables: int = 0
    n_contacts: int = 0
    edited: bool = False


class FakeListingStore:
    """The timeline's part of the Store contract, computed, for 100,000-row scale tests."""

    def __init__(self, total: int, per_year: int = 5000, undated: int = 100) -> None:
        self.total = total
        self.per_year = per_year
        self.undated = undated
        self.summary_calls: list[tuple[int, int | None]] = []

    def _year_of(self, position: int) -> int | None:
        dated = self.total - self.undated
        return 2024 - position // self.per_year if position < dated else None

    def year_counts(self, kinds: Any = None, company: Any = None) -> list[tuple[int | None, int]]:
        dated = self.total - self.undated
        counts: list[tuple[int | None, int]] = []
        position = 0
        while position < dated:
            n = min(self.per_year, dated - position)
            counts.append((self._year_of(position), n))
            position += n
        if self.undated:
            counts.append((None, self.undated))
        return counts

    def summaries(
        self, offset: int = 0, limit: int | None = None, kinds: Any = None, company: Any = None
    ) -> list[FakeSummary]:
        self.summary_calls.append((offset, limit))
        end = self.total if limit is None else min(self.total, offset + limit)
        out = []
        for position in range(offset, end):
            year = self._year_of(position)
            out.append(
                FakeSummary(
                    id=position + 1,
                    date=f"{year}-06-01" if year else None,
                    year=year,
                    headline=f"Release {position + 1}",
                    kind=KINDS_CYCLE[position % len(KINDS_CYCLE)],
                    company="Acme",
                )
            )
        return out

    def ids(self, kinds: Any = None, company: Any = None) -> list[int]:
        return list(range(1, self.total + 1))

    def position(self, release_id: int, kinds: Any = None, company: Any = None) -> int | None:
        return release_id - 1 if 1 <= release_id <= self.total else None
