"""Locating the press release inside filings that wrap it (8-K, 6-K, EDGAR submissions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irviewer.core.extract.release import find_release, has_press_exhibit
from irviewer.core.ingest import read_document
from irviewer.core.ingest.base import Line

COVER = [
    "UNITED STATES",
    "SECURITIES AND EXCHANGE COMMISSION",
    "FORM 8-K",
    "CURRENT REPORT",
    "Date of Report (Date of earliest event reported): January 28, 2022",
    "Acme, Inc.",
    "(Exact name of registrant as specified in its charter)",
    "Item 7.01 Regulation FD Disclosure.",
    "A copy of the press release is attached hereto as Exhibit 99.1.",
    "SIGNATURES",
    "By: /s/ Jane Roe",
    "Name: Jane Roe",
    "Title: Secretary",
]
RELEASE = [
    "ACME COMPLETES ACQUISITION OF WIDGET CO",
    "SPRINGFIELD, January 31, 2022 — Acme, Inc. (NYSE: ACME) today announced the completion of"
    " its acquisition of Widget Co, a maker of widgets used by many customers in the region.",
    "The acquisition furthers the strategic priorities of the company and its partners, and the"
    " combined company will serve more customers than either could alone in the coming years.",
]


def _lines(texts: list[str], page: int = 1) -> list[Line]:
    return [Line(t, page) for t in texts]


def test_plain_release_is_the_whole_document() -> None:
    lines = _lines(RELEASE)
    assert find_release(lines) == (0, len(lines))


def test_exhibit_label_after_cover_starts_the_release() -> None:
    lines = _lines(COVER) + _lines(["Exhibit 99.1"], 2) + _lines(RELEASE, 2)
    assert find_release(lines) == (len(COVER) + 1, len(lines))


def test_label_split_over_two_lines_and_next_exhibit_ends_the_release() -> None:
    other = ["Exhibit 99.2", "Supplemental schedules follow with a great many figures."]
    lines = _lines(COVER) + _lines(["Exhibit", "99.1"], 2) + _lines(RELEASE, 2) + _lines(other, 3)
    start, end = find_release(lines)
    assert (start, end) == (len(COVER) + 2, len(COVER) + 2 + len(RELEASE))


def test_earlier_exhibits_are_skipped() -> None:
    agreement = [
        "Exhibit",
        "10.1",
        "CREDIT AGREEMENT",
        "This agreement is dated as of the date"
        " first written above by and among the parties named on the signature pages.",
    ]
    lines = _lines(COVER) + _lines(agreement, 2) + _lines(["Exhibit 99.1"], 3) + _lines(RELEASE, 3)
    assert find_release(lines)[0] == len(COVER) + len(agreement) + 1


def test_submission_document_marker_starts_the_release() -> None:
    lines = _lines(["[document 8-K]", *COVER, "[document EX-99.1]", *RELEASE])
    assert find_release(lines) == (len(COVER) + 2, len(lines))
    assert has_press_exhibit(lines)


def test_image_only_exhibit_leaves_the_filing_as_the_release() -> None:
    lines = _lines(["[document 8-K]", *COVER, "[document EX-99.1]"])
    assert find_release(lines) == (0, len(COVER) + 1)
    assert has_press_exhibit(lines)


def test_6k_release_follows_the_signatures() -> None:
    six_k = [
        "SECURITIES AND EXCHANGE COMMISSION",
        "FORM 6-K",
        "REPORT OF FOREIGN ISSUER",
        "Acme N.V.",
        "(Exact name of registrant as specified in its charter)",
        "SIGNATURES",
        "/s/ J. Roe",
        "(Chief Legal Officer)",
    ]
    lines = _lines(six_k + ["Press release", *RELEASE])
    assert find_release(lines) == (len(six_k), len(lines))


def test_8k_without_release_is_the_whole_filing() -> None:
    lines = _lines(COVER)
    assert find_release(lines) == (0, len(lines))
    assert not has_press_exhibit(lines)


@pytest.mark.parametrize("doc_id", ["05", "13", "19"])
def test_corpus_wrapped_releases_start_after_the_cover(corpus_dir: Path, doc_id: str) -> None:
    (path,) = sorted((corpus_dir / "files").glob(f"{doc_id}_*"))
    raw = read_document(path)
    start, end = find_release(raw.lines)
    assert 0 < start < end <= len(raw.lines)
    release_text = " ".join(line.text for line in raw.lines[start:end])
    cover_text = " ".join(line.text for line in raw.lines[:start])
    assert "Exact name of registrant" in cover_text
    assert "Exact name of registrant" not in release_text
    truth = json.loads((corpus_dir / "truth" / f"{doc_id}.json").read_text())
    ticker_symbol = truth["ticker"].split(":")[-1].strip()
    assert ticker_symbol in release_text


def test_corpus_release_near_the_end_of_a_long_filing(corpus_dir: Path) -> None:
    (path,) = sorted((corpus_dir / "files").glob("05_*"))
    raw = read_document(path)
    start, end = find_release(raw.lines)
    assert raw.lines[start].page >= raw.lines[-1].page - 5
    assert end == len(raw.lines)
