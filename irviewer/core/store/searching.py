"""Full-text search: bm25 ranking in SQL over a bounded window of matches, snippets in Python.

bm25 costs one to a few microseconds a match (more for frequent words), so a word found in
most of a 100,000-release library takes 0.1-0.2 s to rank in full. A search therefore ranks
at most ``RANK_WINDOW`` matches, the most recently imported first (FTS5 walks its matches in
rowid order for free), and returns the best of those.

Filters: a small filtered set (a company, a rare kind) is applied as a membership test
inside the FTS scan (``+rowid IN (...)``: the unary plus keeps SQLite from handing it to
FTS5 as a rowid lookup, which would re-run the whole MATCH once per release); a large one
by joining each match to its release. The FTS table always drives the scan.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

from irviewer.core.store.connection import Connection
from irviewer.core.store.filters import filters
from irviewer.core.store.records import SearchHit
from irviewer.core.store.search import build_match
from irviewer.core.store.snippets import snippet_for

log = logging.getLogger(__name__)

# bm25 weights per FTS column: headline, subheadlines, company, body.
BM25_WEIGHTS = "10.0, 4.0, 4.0, 1.0"
RANK_WINDOW = 5_000
# Filters matching up to this many releases are tested by membership, larger ones by a join.
MEMBERSHIP_MAX = 30_000
_FTS = "release_text_fts"


def ranked_ids(
    db: Connection,
    match: str,
    limit: int,
    kinds: Sequence[str] | None = None,
    company: str | None = None,
) -> list[tuple[int, float]]:
    """(id, score) of the best ``limit`` matches of an FTS5 expression, best first."""
    where, args = filters(kinds, company)
    source, window_args = _FTS, [match]
    if where:
        n = db.execute(f"SELECT COUNT(*) FROM listing WHERE 1{where}", args).fetchone()[0]
        if not n:
            return []
        if n <= MEMBERSHIP_MAX:
            condition = f" AND +{_FTS}.rowid IN (SELECT id FROM listing WHERE 1{where})"
        else:
            source = f"{_FTS} CROSS JOIN listing l ON l.id = {_FTS}.rowid"
            condition, _ = filters(kinds, company, alias="l.")
        window_args += args
    else:
        condition = ""
    window = (
        f"SELECT {_FTS}.rowid AS rid, -bm25({_FTS}, {BM25_WEIGHTS}) AS score FROM {source} "
        f"WHERE {_FTS} MATCH ?{condition} ORDER BY {_FTS}.rowid DESC LIMIT ?"
    )
    sql = f"SELECT rid, score FROM ({window}) ORDER BY score DESC, rid DESC LIMIT ?"
    return db.execute(sql, [*window_args, RANK_WINDOW, limit]).fetchall()


def search(
    db: Connection,
    query: str,
    limit: int = 200,
    kinds: Sequence[str] | None = None,
    company: str | None = None,
    snippets: bool = True,
) -> list[SearchHit]:
    """See Store.search."""
    match = build_match(query)
    if match is None or limit <= 0:
        return []
    try:
        found = ranked_ids(db, match, limit, kinds, company)
    except (sqlite3.Error, ValueError) as exc:  # the builder should have made it safe
        log.warning("search %r (%r) failed: %s", query, match, exc)
        return []
    if not snippets:
        return [SearchHit(rid, float(score), "") for rid, score in found]
    made = make_snippets(db, [rid for rid, _ in found], query)
    return [SearchHit(rid, float(score), made.get(rid, "")) for rid, score in found]


def make_snippets(db: Connection, ids: Sequence[int], query: str) -> dict[int, str]:
    """The search snippet of each release in ``ids`` (missing ids are left out)."""
    texts = _texts(db, list(ids))
    return {rid: snippet_for(texts[rid], query) for rid in ids if rid in texts}


def _texts(db: Connection, ids: list[int]) -> dict[int, tuple[str, str, str, str]]:
    """Body, headline, subheadlines and company as indexed, for snippets."""
    texts: dict[int, tuple[str, str, str, str]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        cur = db.execute(
            "SELECT id, body, headline, subheadlines, company FROM release_text "
            f"WHERE id IN ({', '.join('?' * len(part))})",
            part,
        )
        texts.update({r[0]: tuple(r[1:]) for r in cur})
    return texts
