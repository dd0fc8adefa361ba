"""Full-text search: ranking, snippets, query syntax, and hostile input that must never raise."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from irviewer.core.store import HIGHLIGHT_END, HIGHLIGHT_START, Store, plain_snippet, search_terms
from irviewer.core.store.search import build_match
from irviewer.core.store.snippets import snippet_for
from tests.fixtures.bad_inputs import synthetic_document

H0, H1 = HIGHLIGHT_START, HIGHLIGHT_END

_BODIES = {
    "headline_hit": ("Quillfeather launches the Orrery spectrometer", "A plain body of text."),
    "body_hit": (
        "Quillfeather quarterly update",
        "Sales grew. The orrery spectrometer shipped to laboratories in Europe.",
    ),
    "phrase": (
        "Quillfeather calibration news",
        "The calibration line was rebuilt. Immunogenicity data came later.",
    ),
    "apart": ("Quillfeather line news", "A new line opened; calibration follows next year."),
    "accents": ("Quillfeather café opening", "Staff café and résumé workshop."),
}


@pytest.fixture(scope="module")
def library():
    store = Store.memory()
    ids = {}
    for n, (key, (headline, body)) in enumerate(_BODIES.items()):
        kind = "product" if key == "headline_hit" else "other"
        ids[key] = store.add(
            synthetic_document(n, headline=headline, body=body, kind=kind, subheadlines=[])
        ).id
    yield store, ids
    store.close()


def test_headline_match_ranks_above_body_match(library) -> None:
    store, ids = library
    hits = store.search("orrery")
    assert [h.id for h in hits] == [ids["headline_hit"], ids["body_hit"]]
    assert hits[0].rank > hits[1].rank > 0


def test_snippet_wraps_matched_terms(library) -> None:
    store, ids = library
    (hit,) = [h for h in store.search("orrery") if h.id == ids["body_hit"]]
    assert f"{HIGHLIGHT_START}orrery{HIGHLIGHT_END}" in hit.snippet
    assert "\n" not in hit.snippet
    assert plain_snippet(hit.snippet) == (
        "Sales grew. The [orrery] spectrometer shipped to laboratories in Europe."
    )


def test_last_term_matches_as_prefix(library) -> None:
    store, ids = library
    assert [h.id for h in store.search("immun")] == [ids["phrase"]]
    assert [h.id for h in store.search("orrery spectro")] == [ids["headline_hit"], ids["body_hit"]]


def test_quoted_phrase_needs_adjacent_words(library) -> None:
    store, ids = library
    assert [h.id for h in store.search('"calibration line"')] == [ids["phrase"]]
    assert {h.id for h in store.search("calibration line")} == {ids["phrase"], ids["apart"]}


def test_or_and_not_operators(library) -> None:
    store, ids = library
    assert {h.id for h in store.search("orrery OR immunogenicity")} == {
        ids["headline_hit"],
        ids["body_hit"],
        ids["phrase"],
    }
    assert [h.id for h in store.search("orrery NOT laboratories")] == [ids["headline_hit"]]
    assert {h.id for h in store.search("orrery AND europe")} == {ids["body_hit"]}


def test_accents_and_stems_are_folded(library) -> None:
    store, ids = library
    assert [h.id for h in store.search("cafe")] == [ids["accents"]]
    assert [h.id for h in store.search("resume workshops")] == [ids["accents"]]
    assert {h.id for h in store.search("laboratory")} == {ids["body_hit"]}


def test_search_filters_by_kind_and_company(library) -> None:
    store, ids = library
    assert [h.id for h in store.search("orrery", kinds=["product"])] == [ids["headline_hit"]]
    assert store.search("orrery", kinds=[]) == []
    assert store.search("orrery", company="Nobody Inc.") == []
    assert len(store.search("quillfeather", limit=2)) == 2


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\t\n",
        '"',
        '""',
        "*",
        ":",
        "(",
        ")",
        "AND",
        "OR NOT",
        "-",
        "^",
        "'",
        "«»",
        "_",
        "( * )",
    ],
)
def test_queries_with_nothing_to_search_give_no_results(library, query: str) -> None:
    store, _ = library
    assert build_match(query) is None
    assert store.search(query) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("orrery", '"orrery"*'),
        ("orrery spectro", '"orrery" "spectro"*'),
        ('"calibration line"', '"calibration line"'),
        ('"calibration line"*', '"calibration line"*'),
        ('"unbalanced phrase', '"unbalanced phrase"'),
        ("a OR b", '"a" OR "b"'),
        ("NOT a b", '"a" "b"'),
        ("a AND NOT b", '"a" NOT "b"'),
        ("a OR", '"a"'),
        ("alpha OR beta", '"alpha" OR "beta"*'),
        ("alpha be", '"alpha" "be"'),  # prefixes start at 3 characters
        ("non-gaa", '"non-gaa"*'),
        ("gaa-n", '"gaa-n"'),
        ("title:revenue (net", '"title:revenue" "(net"*'),
        ("immun* x", '"immun"* "x"'),
        ("NEAR(abc def)", '"NEAR(abc" "def)"*'),
        ("abc\x00def", '"abc" "def"*'),
        ('say "hi', '"say" "hi"'),
    ],
)
def test_match_expressions(query: str, expected: str) -> None:
    assert build_match(query) == expected


def test_search_terms_for_the_highlighter() -> None:
    assert search_terms('Orrery "calibration line" OR (immun') == [
        "Orrery",
        "calibration line",
        "immun",
    ]
    assert search_terms("revenue NOT loss") == ["revenue"]
    assert search_terms("  ") == []


_HOSTILE = st.sampled_from(
    [
        '"',
        "*",
        ":",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "^",
        "-",
        "+",
        "'",
        "\\",
        "\x00",
        "orrery",
        "cal",
        "é",
        "日本",
        "🙂",
        "headline:",
        "body:x",
        "{a b}",
        "\u200b",
        "''",
        "%",
        "_",
        "\ud800",
        "\x1f",
        "\x7f",
        "\r",
    ]
)


@pytest.fixture(scope="module")
def fts_conn(library):
    store, _ = library
    return store._db.conn


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(_HOSTILE, max_size=8).map(" ".join) | st.lists(_HOSTILE, max_size=8).map("".join))
def test_hostile_token_mixes_never_raise(library, fts_conn: sqlite3.Connection, query: str) -> None:
    store, _ = library
    match = build_match(query)
    if match is not None:  # valid FTS5: executing it directly must not raise
        fts_conn.execute(
            "SELECT COUNT(*) FROM release_text_fts WHERE release_text_fts MATCH ?", [match]
        ).fetchone()
    assert isinstance(store.search(query), list)
    assert isinstance(search_terms(query), list)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=40))
def test_arbitrary_text_never_raises(library, fts_conn: sqlite3.Connection, query: str) -> None:
    store, _ = library
    match = build_match(query)
    if match is not None:
        fts_conn.execute(
            "SELECT COUNT(*) FROM release_text_fts WHERE release_text_fts MATCH ?", [match]
        ).fetchone()
    assert isinstance(store.search(query), list)


def test_snippets_fold_accents_and_endings() -> None:
    text = "The Café opened two laboratories and one Laboratory annex."
    assert snippet_for([text], "cafe laboratory") == (
        f"The {H0}Café{H1} opened two {H0}laboratories{H1} and one {H0}Laboratory{H1} annex."
    )


def test_snippet_of_a_long_text_is_a_window_with_ellipses() -> None:
    filler = " ".join(f"word{i}" for i in range(300))
    text = f"{filler} the Orrery sensor shipped {filler}"
    snippet = snippet_for([text], "orrery")
    assert snippet == (
        "…word295 word296 word297 word298 word299 the "
        f"{H0}Orrery{H1} sensor shipped word0 word1 word2 word3 word4 word5 word6 word7 word8 "
        "word9 word10 word11 word12 word13 word14…"
    )


def test_snippet_prefers_the_window_holding_every_term() -> None:
    filler = " ".join(["pad"] * 60)
    text = f"alpha alone here. {filler} beta and alpha together. {filler}"
    snippet = snippet_for([text], "alpha beta")
    assert f"{H0}beta{H1} and {H0}alpha{H1} together." in snippet
    assert "alone" not in snippet


def test_snippet_falls_back_to_other_fields_then_opening_words() -> None:
    assert snippet_for(["no match in the body", "Orrery in the headline"], "orrery") == (
        f"{H0}Orrery{H1} in the headline"
    )
    assert snippet_for(["", "Nothing to see"], "zebra") == "Nothing to see"
    assert snippet_for(["", ""], "zebra") == ""
