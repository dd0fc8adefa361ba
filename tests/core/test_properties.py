"""Property-based tests (hypothesis): search queries, numeric cells, CSV export, formulas.

test_search.py already executes build_match's output for hostile queries; here the
properties are that search finds what a document holds however the words are typed,
that snippets survive any text, that printed numbers parse back to their value, that a
CSV export reads back to the grid, and that no formula survives neutralising.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import logging
import math
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from irviewer.core.export import neutralise, write_table_csv
from irviewer.core.extract.numbers import looks_numeric, parse_number, values_grid
from irviewer.core.ingest import read_document
from irviewer.core.records import FinancialTable, ParseError
from irviewer.core.store import HIGHLIGHT_END, HIGHLIGHT_START, Store
from irviewer.core.store.search import build_match, parsed_terms, search_terms
from irviewer.core.store.snippets import snippet_for
from tests.fixtures.bad_inputs import synthetic_document

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# -- search -------------------------------------------------------------------------------------

# FTS5 syntax, SQL, control and odd Unicode characters, mixed into user text.
_SYNTAX = st.sampled_from(
    ['"', "'", "*", "^", "+", "-", ":", "(", ")", "{", "}", "NEAR(", "NEAR/2", "AND", "OR",
     "NOT", "headline:", "-body:", "\x00", "\u200b", "\ufffd", "é", "ß", "İ", "日本語", "🙂",
     ";--", "%", "_", "\\", "\t", "\n", "\r", "''", '""']
)  # fmt: skip
_WORDS = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12)
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(_SYNTAX, _WORDS), max_size=10).map(" ".join),
    st.lists(st.one_of(_SYNTAX, _WORDS), max_size=10).map("".join),
)


@pytest.fixture(scope="module")
def store():
    with Store.memory() as s:
        for n in range(3):
            s.add(synthetic_document(n))
        yield s


@SETTINGS
@given(query=QUERIES)
@example(query='NEAR("a" "b", 2) "unterminated')
@example(query="headline:zorbulated OR NOT AND (")
def test_search_never_raises_nor_fails_for_any_query(
    store: Store, caplog: pytest.LogCaptureFixture, query: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="irviewer.core.store.db"):
        hits = store.search(query)
    assert isinstance(hits, list)
    assert not caplog.records, "the query builder let invalid FTS5 syntax through"
    assert isinstance(search_terms(query), list)
    assert all(isinstance(text, str) and text for text, _, _ in parsed_terms(query))


# Letters and digits whose case SQLite's unicode61 tokenizer folds (its tables predate
# recent Unicode additions): Latin-1 and Latin Extended-A, basic Greek and Cyrillic, with
# one-to-one upper/lower case forms ('ß' upper-cases to 'SS').
_FOLDED = "".join(
    ch
    for ch in map(chr, [*range(0x30, 0x180), *range(0x391, 0x3CA), *range(0x410, 0x450)])
    if (ch.isalpha() or ch.isdigit())
    and len(ch.upper()) == len(ch.lower()) == 1
    and ch.upper().lower() == ch.lower()
    and max(ord(ch.upper()), ord(ch.lower())) < 0x450
)
_BODY_WORD = st.text(st.sampled_from(_FOLDED), min_size=3, max_size=10)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    words=st.lists(_BODY_WORD, min_size=1, max_size=15, unique=True),
    picks=st.lists(st.integers(0, 14), min_size=1, max_size=3),
    decoration=st.sampled_from(["{}", "{}.", "({})", '"{}"', "{},", "  {}  ", "{}?"]),
    upper=st.booleans(),
)
def test_any_word_of_a_release_finds_it_however_typed(
    store: Store, words: list[str], picks: list[int], decoration: str, upper: bool
) -> None:
    body = "Opening line. " + " ".join(words) + ". Closing line."
    chosen = [words[i % len(words)] for i in picks]
    assume(not any(w.upper() in {"AND", "OR", "NOT", "NEAR"} for w in chosen))
    query = " ".join(decoration.format(w.upper() if upper else w) for w in chosen)
    sha = hashlib.sha256(body.encode()).hexdigest()
    doc = synthetic_document(9, body=body)
    doc = dataclasses.replace(doc, source=dataclasses.replace(doc.source, sha256=sha))
    rid = store.add(doc).id
    try:
        hits = store.search(query)
    finally:
        store.delete(rid)
    # The last word also matches as a prefix, so other releases may come too.
    assert rid in [h.id for h in hits], (query, body)


# Stored text never holds the highlight marks U+0002/U+0003: ingest strips control characters
# (test_read_document_never_yields_control_characters below).
_STORED_TEXT = st.text(st.characters(blacklist_characters="\x02\x03", codec="utf-8"), max_size=300)


@SETTINGS
@given(fields=st.lists(_STORED_TEXT, min_size=1, max_size=4), query=QUERIES)
def test_snippets_survive_any_text_and_balance_their_marks(fields: list[str], query: str) -> None:
    snippet = snippet_for(fields, query)
    assert isinstance(snippet, str)
    opened = False
    for ch in snippet:
        if ch == HIGHLIGHT_START:
            assert not opened
            opened = True
        elif ch == HIGHLIGHT_END:
            assert opened
            opened = False
    assert not opened


@SETTINGS
@given(query=QUERIES)
def test_build_match_is_none_or_quoted_terms(query: str) -> None:
    match = build_match(query)
    assert match is None or (match.strip() and match.count('"') % 2 == 0)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
        st.text(max_size=500).map(lambda t: t.encode("utf-16")),
        st.text(st.characters(max_codepoint=0x24F), max_size=500).map(
            lambda t: t.encode("cp1252", "replace")
        ),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
@example(data=b"non\x02GAAP \x03 \x1b[0m \x85 text\x0bnext line", suffix=".txt")
def test_read_document_never_yields_control_characters(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("ingest") / f"input{suffix}"
    path.write_bytes(data)
    try:
        raw = read_document(path)
    except ParseError as exc:
        assert str(exc).strip()
        return
    for line in raw.lines:
        assert not _CONTROL.search(line.text), line
        assert all(not _CONTROL.search(c) for c in line.cells or ())


# -- numeric cells -------------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False)
DECIMALS = st.integers(0, 3)


def _printed(amount: Decimal, places: int, commas: bool) -> str:
    return f"{amount:,.{places}f}" if commas else f"{amount:.{places}f}"


@SETTINGS
@given(amount=AMOUNTS, places=DECIMALS, commas=st.booleans())
def test_formatted_numbers_parse_back(amount: Decimal, places: int, commas: bool) -> None:
    printed = _printed(amount, places, commas)
    value = float(printed.replace(",", ""))
    assert parse_number(printed) == value
    assert parse_number(f"${printed}") == value
    assert parse_number(f"$ {printed}") == value
    assert parse_number(f"{printed}%") == value
    assert parse_number(f"  {printed}\u00a0") == value
    assert looks_numeric(printed)


@SETTINGS
@given(amount=AMOUNTS, places=DECIMALS, commas=st.booleans())
def test_negatives_in_parentheses_or_with_a_minus(
    amount: Decimal, places: int, commas: bool
) -> None:
    printed = _printed(amount, places, commas)
    value = -float(printed.replace(",", ""))
    for cell in (f"({printed})", f"$({printed})", f"(${printed})", f"$ ({printed} )",
                 f"-{printed}", f"\u2212{printed}", f"-${printed}", f"({printed}%)",
                 f"({printed})%"):  # fmt: skip
        assert parse_number(cell) == value, cell
    assert parse_number(f"({printed}") is None  # unbalanced: not a number
    assert parse_number(f"{printed})") is None


@SETTINGS
@given(amount=st.decimals(min_value=0, max_value=999, places=1), scale=st.sampled_from(
    [("k", 1e3), ("K", 1e3), ("m", 1e6), ("mn", 1e6), ("bn", 1e9), ("B", 1e9)]
))  # fmt: skip
def test_scale_suffixes(amount: Decimal, scale: tuple[str, float]) -> None:
    suffix, factor = scale
    assert parse_number(f"{amount}{suffix}") == float(str(amount)) * factor


@SETTINGS
@given(cell=st.one_of(st.text(max_size=40), st.text("0123456789,.()$%-\u2212 kmb", max_size=20)))
@example(cell="9" * 400)
@example(cell="(" + "1" * 320 + ")")
def test_parse_number_never_raises_and_is_finite(cell: str) -> None:
    value = parse_number(cell)
    assert value is None or (isinstance(value, float) and math.isfinite(value))
    assert isinstance(looks_numeric(cell), bool)


@SETTINGS
@given(cell=st.sampled_from(["-", "--", "\u2013", "\u2014", "\u2212", " - ", "$ -", "—%"]))
def test_dashes_are_no_value(cell: str) -> None:
    assert parse_number(cell) is None and looks_numeric(cell)


@SETTINGS
@given(rows=st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=6), max_size=8))
def test_values_grid_has_the_shape_of_the_rows(rows: list[list[str]]) -> None:
    grid = values_grid(rows)
    assert [len(r) for r in grid] == [len(r) for r in rows]
    assert all(r[0] is None for r in grid)
    assert grid == [[None] + [parse_number(c) for c in r[1:]] for r in rows]


# -- CSV export ------------------------------------------------------------------------------------

# Cells as extraction can make them: any printable text, plus quotes, separators, line breaks.
CELLS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(['"', '""', ",", ";", "\r", "\n", "\r\n", " ", "'", "=1+2", "-1,099", "—"]),
)
GRIDS = st.lists(st.lists(CELLS, max_size=5), max_size=6)


def _table(header: list[list[str]], rows: list[list[str]]) -> FinancialTable:
    return FinancialTable("T", None, header, rows, values_grid(rows))


@SETTINGS
@given(header=st.lists(st.lists(CELLS, max_size=5), max_size=2), rows=GRIDS)
def test_csv_reads_back_to_the_same_grid(
    tmp_path_factory: pytest.TempPathFactory, header: list[list[str]], rows: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_table_csv(_table(header, rows), path)
    with path.open(encoding="utf-8", newline="") as fh:
        back = list(csv.reader(fh))
    width = max((len(r) for r in [*header, *rows]), default=0)
    expected = [[neutralise(c) for c in r] + [""] * (width - len(r)) for r in [*header, *rows]]
    assert back == expected
    # Only formula-like cells changed, and only by a leading apostrophe.
    for original, cells in zip([*header, *rows], back, strict=True):
        for before, after in zip(original, cells, strict=False):
            assert after in (before, "'" + before)


@SETTINGS
@given(rows=GRIDS, order_seed=st.randoms(use_true_random=False))
def test_csv_row_order_is_a_permutation(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], order_seed
) -> None:  # noqa: ANN001
    order = list(range(len(rows)))
    order_seed.shuffle(order)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_table_csv(_table([], rows), path, row_order=order)
    with path.open(encoding="utf-8", newline="") as fh:
        back = list(csv.reader(fh))
    width = max((len(r) for r in rows), default=0)
    assert back == [[neutralise(c) for c in rows[i]] + [""] * (width - len(rows[i])) for i in order]


# -- formula injection ------------------------------------------------------------------------------

TRIGGERS = "=+-@\t\r"
# What a printed number (or a dash) may be made of: nothing a spreadsheet would run.
NUMBER_CHARS = set("0123456789,.%()$€£¥ +-\u2212\u2013\u2014")


def _number_like(cell: str) -> bool:
    # export's pattern ends in '$', which also matches before one final line feed: '-1\n'
    # stays as it is, harmless (digits only), so one trailing line feed is allowed here.
    body = cell[:-1] if cell.endswith("\n") else cell
    return cell[0] not in "\t\r" and set(body) <= NUMBER_CHARS


@SETTINGS
@given(
    cell=st.one_of(
        st.text(max_size=30),
        st.builds(lambda t, rest: t + rest, st.sampled_from(list(TRIGGERS)), st.text(max_size=30)),
        st.builds(lambda t, rest: t + rest, st.sampled_from(list(TRIGGERS)),
                  st.text("0123456789,.()$%+-= AZaz:!|\n", max_size=12)),
    )
)  # fmt: skip
@example(cell="=SUM(A1:A9)")
@example(cell="@cmd|' /C calc'!A0")
@example(cell="+1+1")
@example(cell="-2+3")
@example(cell="\t-1")
@example(cell="\r=1")
@example(cell="-1\n")
@example(cell="-1\n=cmd")
def test_formula_like_cells_are_prefixed_and_nothing_else_changes(cell: str) -> None:
    out = neutralise(cell)
    if not cell or cell[0] not in TRIGGERS:
        assert out == cell  # ordinary text is never touched
    elif out == cell:
        assert _number_like(cell), f"{cell!r} left as it was: a spreadsheet could run it"
    else:
        assert out == "'" + cell


PLAIN_NUMBERS = st.builds(
    lambda sign, cur, amount, places, paren, pct: (
        f"{sign}{cur}{'(' if paren else ''}{amount:,.{places}f}{')' if paren else ''}{pct}"
    ),
    st.sampled_from(["-", "+", "\u2212"]),
    st.sampled_from(["", "$", "€", "£", "¥"]),
    AMOUNTS,
    DECIMALS,
    st.booleans(),
    st.sampled_from(["", "%"]),
)


@SETTINGS
@given(cell=PLAIN_NUMBERS)
@example(cell="-1,099")
@example(cell="-.5")
@example(cell="-5%")
def test_plain_numbers_are_untouched(cell: str) -> None:
    assert neutralise(cell) == cell


def test_csv_of_hostile_cells_holds_no_formula(tmp_path: Path) -> None:
    cells = ["=HYPERLINK(\"http://x.example\")", "+cmd", "-1+2", "@SUM(1)", "\t=1", "\r+1",
             "-1,099", "(12)", "—"]  # fmt: skip
    path = tmp_path / "t.csv"
    write_table_csv(_table([], [cells]), path)
    with path.open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.reader(fh))
    assert row == ["'" + c for c in cells[:6]] + cells[6:]
