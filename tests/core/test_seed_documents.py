"""End-to-end extraction of the five ImmunoGen seed documents: exact values from the issue."""

from __future__ import annotations

import pytest

from irviewer.core.pipeline import parse_file
from irviewer.core.records import Document


@pytest.fixture(scope="module")
def seeds(seed_path) -> dict[str, Document]:
    return {key: parse_file(seed_path(key)) for key in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize(
    ("key", "date"),
    [("000", None), ("001", "2013-06-03"), ("002", "2014-11-13"), ("003", "2017-02-17"),
     ("004", "2012-07-11")],
)
def test_dates(seeds: dict[str, Document], key: str, date: str | None) -> None:
    assert seeds[key].date == date


def _contacts(doc: Document) -> list[tuple]:
    return [(c.role, c.name, c.organization, c.phone, c.email) for c in doc.contacts]


def test_seed_003_contacts_exactly(seeds: dict[str, Document]) -> None:
    assert _contacts(seeds["003"]) == [
        ("investor", "Sarah Kiely", "ImmunoGen, Inc.", "781-895-0600", "sarah.kiely@immunogen.com"),
        ("media", "Amy Reilly", "ImmunoGen, Inc.", "781-895-0138", "amy.reilly@immunogen.com"),
        ("media", "Robert Stanislaro", "FTI Consulting, Inc.", "212-850-5657",
         "robert.stanislaro@fticonsulting.com"),
    ]


def test_seed_002_contacts(seeds: dict[str, Document]) -> None:
    assert _contacts(seeds["002"]) == [
        ("investor", "Carol Hausner", "ImmunoGen, Inc.", "781-895-0600", "info@immunogen.com"),
        ("media", "Dan Budwick", "Pure Communications, Inc.", "973-271-6085", None),
    ]


def test_seed_004_contact_title(seeds: dict[str, Document]) -> None:
    (contact,) = [c for c in seeds["004"].contacts if c.name == "Carol Hausner"]
    assert contact.title == "Executive Director, Investor Relations and Corporate Communications"
    assert contact.phone == "781-895-0600"
    assert all(c.role != "investor" or c.name for c in seeds["004"].contacts)


def test_seed_003_ticker_fixes_ocr(seeds: dict[str, Document]) -> None:
    assert seeds["003"].ticker == "Nasdaq: IMGN"
    assert seeds["003"].dateline == "WALTHAM, Mass."


def _table(doc: Document, word: str):
    matches = [t for t in doc.tables if word in (t.title or "").lower()]
    assert matches, f"no table titled with {word!r}: {[t.title for t in doc.tables]}"
    return matches[0]


def _row(table, label: str) -> list[str]:
    for row in table.rows:
        if row[0] == label:
            return row
    raise AssertionError(f"no row {label!r} in {[r[0] for r in table.rows]}")


def test_seed_003_balance_sheet(seeds: dict[str, Document]) -> None:
    table = _table(seeds["003"], "balance")
    items = [r for r in table.rows if any(c.strip() for c in r[1:])]
    assert len(items) == 7
    assert all(len(r) == 3 for r in items)
    assert _row(table, "Total assets")[1:] == ["$ 198,864", "$279,240"]
    assert _row(table, "Shareholders' deficit")[1:] == ["(152,850)", "(82,304)"]


def test_seed_003_statement_of_operations(seeds: dict[str, Document]) -> None:
    table = _table(seeds["003"], "operations")
    labels = [r[0] for r in table.rows if any(c.strip() for c in r[1:])]
    assert labels[0] == "License and milestone fees"
    assert labels[-1] == "Weighted average common shares outstanding, diluted"
    assert (
        "Non-cash interest expense on liability related to sale of future royalty & convertible bonds"
        in labels
    )
    assert len(labels) == 17
    net_loss = table.values[[r[0] for r in table.rows].index("Net loss")]
    assert net_loss[1:] == [-34152, -33227, -78883, -66967]
    assert _row(table, "Royalty revenue")[1:] == ["-", "195", "-", "195"]
    royalty = table.values[[r[0] for r in table.rows].index("Royalty revenue")]
    assert royalty[1:] == [None, 195, None, 195]
