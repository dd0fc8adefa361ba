"""Parsing speed, checked by the work done rather than by the clock (the machine is shared).

The slow steps of a text release are the phone matcher and the per-line regular
expressions: the first must only see lines that can hold a phone number, the second must run
once per distinct line however many extractors read it. The release is synthetic.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from irviewer.core.extract import cleanup, contacts_words
from irviewer.core.extract.text_table_lines import _classify_text
from irviewer.core.pipeline import parse_file


def _release(path: Path, rows: int = 40) -> Path:
    lines = [
        "Acme Widgets Reports Fourth Quarter Results",
        "",
        "SPRINGFIELD, Ill., March 5, 2024 -- Acme Widgets, Inc. (NASDAQ: ACMW) today reported "
        "results for the fourth quarter. Investors may dial 1-877-555-0110 at 8:30 a.m. ET.",
        "",
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
        "(in thousands, except per share amounts)",
        "                         2024        2023",
    ]
    lines += [f"Line item {n}    ${n * 7_001:,}    ({n * 3_003:,})" for n in range(1, rows + 1)]
    lines += ["", "Investor Contact:", "Jane Doe", "(217) 555-0142", "jane@acme.example", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_only_lines_with_a_phone_number_reach_the_phone_matcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    matches = contacts_words._matches

    def counting(text: str) -> tuple[tuple[int, int, str], ...]:
        seen.append(text)
        return matches(text)

    monkeypatch.setattr(contacts_words, "_matches", counting)
    doc = parse_file(_release(tmp_path / "release.txt"))
    assert [c.phone for c in doc.contacts] == ["(217) 555-0142"]
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 40
    assert seen and all("555-01" in text for text in seen)  # never a row of figures


def test_each_distinct_line_is_cleaned_and_classified_once(tmp_path: Path) -> None:
    path = _release(tmp_path / "release.txt")
    distinct = len(set(path.read_text(encoding="utf-8").split("\n")))
    cleanup.clean_text.cache_clear()
    _classify_text.cache_clear()
    parse_file(path)
    # metadata and body both read the top lines: each text is cleaned once
    assert cleanup.clean_text.cache_info().misses <= distinct
    assert cleanup.clean_text.cache_info().hits > 0
    assert _classify_text.cache_info().misses <= distinct
