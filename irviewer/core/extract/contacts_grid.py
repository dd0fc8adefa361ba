"""Contact grids: several contacts side by side, flattened by text extraction into one line.

'Tracey Whitehead Damien Bird Damon Wright' over three email columns is cut back into three
cells. Rows are cut, in order of preference, by HTML cells, runs of 2+ spaces, the emails or
phones they hold, their audience labels, or the best split of their words into names,
titles or organisations (a name that matches its column's mailbox scores higher).
"""

from __future__ import annotations

import itertools
import re

from irviewer.core.extract.contacts_text import split_pieces
from irviewer.core.extract.contacts_words import (
    DANGLING,
    TITLE_WORDS,
    find_emails,
    find_phones,
    is_name,
    is_org,
    is_title,
    norm_key,
    starts_title,
)

MAX_TOKENS = 16
NO_START = {"relations", "communications", "affairs", "of", "and", "&"}


def column_count(text: str, cells: tuple[str, ...] | None, hints: frozenset[str]) -> int:
    """How many contacts sit side by side on this line (1 for a plain line)."""
    pieces = split_pieces(text, hints)
    kinds = [p.kind for p in pieces]
    data = [i for i, k in enumerate(kinds) if k in ("email", "phone")]
    if data and any(k in ("label", "generic") for k in kinds[data[0]:]):
        return 1  # 'Investor: Jane Doe, 555..., jane@...; Media: John Roe, ...' reads in order
    n = max(len(find_emails(text)), len(find_phones(text)))
    labels = [p for p in pieces if p.kind == "label"]
    if labels and all(p.kind in ("label", "generic") for p in pieces):
        n = max(n, len(labels))
    if cells:
        n = max(n, len(contact_cells(cells, hints)))
    return max(n, 1)


def contact_cells(cells: tuple[str, ...], hints: frozenset[str]) -> list[int]:
    """Indexes of table cells that hold a contact (an email or phone) or only a label; a row
    with one label cell and one value cell ('Media:' | 'Jane Doe ...') yields one index."""
    data = [j for j, c in enumerate(cells) if find_emails(c) or find_phones(c)]
    labels = []
    for j, c in enumerate(cells):
        pieces = split_pieces(c, hints) if c.strip() else []
        if pieces and all(p.kind in ("label", "generic") for p in pieces) and any(
            p.kind == "label" for p in pieces
        ):
            labels.append(j)
    return data if len(data) >= len(labels) else labels


def cell_columns(rows: list[tuple[str, ...]], n: int) -> list[list[str]] | None:
    """Columns of an HTML contact grid by cell position; None when they do not number n."""
    used = sorted({j for cells in rows for j, c in enumerate(cells) if c.strip()})
    if len(used) != n:
        return None
    return [[cells[j] if j < len(cells) else "" for cells in rows] for j in used]


def split_row(
    text: str,
    cells: tuple[str, ...] | None,
    n: int,
    hints: frozenset[str],
    col_mail: list[str],
) -> list[str] | None:
    """Cut one grid row into ``n`` cell texts; None when the row cannot be cut sensibly."""
    if cells:
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) == n:
            return filled
    parts = [p for p in re.split(r"\s{2,}|\t", text.strip()) if p]
    if len(parts) == n:
        return parts
    pieces = [p for p in split_pieces(text, hints) if p.kind not in ("ignore", "prefix", "fax")]
    if any(p.kind in ("email", "phone") for p in pieces):
        lead = pieces[0].kind
        starts = [p.start for p in pieces if p.kind == lead]
        if len(starts) != n:
            return None
        starts[0] = 0
        return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    if pieces and all(p.kind in ("label", "generic") for p in pieces):
        labels = [p for p in pieces if p.kind == "label"]
        if len(labels) == 1:
            return [text] * n
        if len(labels) != n:
            return None
        starts = [p.start for p in labels]
        starts[0] = 0
        return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return _split_words(text, n, hints, col_mail)


def _split_words(text: str, n: int, hints: frozenset[str], col_mail: list[str]) -> list[str] | None:
    tokens = text.split()
    if len(tokens) < n or len(tokens) > MAX_TOKENS:
        return None
    best: tuple[float, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(tokens)), n - 1):
        bounds = (0, *cuts, len(tokens))
        groups = [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        scored = [_group(g, hints, col_mail[i] if i < len(col_mail) else "")
                  for i, g in enumerate(groups)]
        if any(s is None for s in scored):
            continue
        if len({k for k, _ in scored}) > 1:
            continue
        sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        mean = len(tokens) / n
        score = sum(v for _, v in scored) - 0.01 * sum((s - mean) ** 2 for s in sizes)
        if best is None or score > best[0]:
            best = (score, groups)
    if best is None:
        return [text] * n if is_org(text, hints) else None
    return best[1]


def _group(text: str, hints: frozenset[str], mail: str) -> tuple[str, float] | None:
    """What one candidate cell would be, and how plausible it is."""
    if is_name(text):
        hit = any(len(k) >= 3 and k in mail for k in (norm_key(t) for t in text.split()))
        return "name", 2.0 + (2.0 if hit else 0.0)
    words = text.split()
    first, last = words[0].casefold(), words[-1].casefold()
    if (is_title(text) and last not in DANGLING and first not in NO_START
            and (starts_title(text) or last in TITLE_WORDS)):
        return "title", 2.0
    if is_org(text, hints):
        return "org", 2.0
    if len(words) == 1 and text[:1].isupper():
        return "org", 1.5
    if len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words):
        return "org", 1.0  # an agency name without a company suffix ('Northpoint PR')
    return None
