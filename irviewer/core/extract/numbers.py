"""Parse printed numeric cells: '(1,099)' -> -1099.0, '$ 5,076' -> 5076.0, '-' -> None."""

from __future__ import annotations

import math
import re
from functools import lru_cache

DASHES = {"-", "--", "\u2013", "\u2014", "\u2012", "\u2212", "\u2014\u2014", "\u2013\u2013", "—%", "-%"}
_NUMBER = re.compile(
    r"""^(?P<neg1>[-\u2212\u2013])?\s*\$?\s*(?P<open>\()?\s*(?P<neg2>[-\u2212])?\s*[$€£¥]?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*
        (?P<close>\))?\s*(?P<pct>%)?\s*(?P<close2>\))?\s*(?P<scale>[kKmMbB]n?)?$""",
    re.VERBOSE,
)
_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}


def is_dash(cell: str) -> bool:
    return cell.replace(" ", "").replace("$", "") in DASHES


@lru_cache(maxsize=8192)
def parse_number(cell: str | None) -> float | None:
    """Return the numeric value of a printed cell, or None when it holds no number.

    Parentheses and a leading minus mean negative; `$`, `,` and `%` are stripped; a
    dash means none.
    """
    if cell is None:
        return None
    text = cell.strip().replace("\u00a0", " ")
    if not text or is_dash(text):
        return None
    match = _NUMBER.match(text)
    if not match:
        return None
    value = float(match["num"].replace(",", ""))
    if not math.isfinite(value):  # hundreds of digits: not a printed amount
        return None
    opened = bool(match["open"])
    closed = bool(match["close"] or match["close2"])
    if opened != closed:
        return None
    if match["scale"]:
        value *= _SCALES[match["scale"].lower()]
        if not math.isfinite(value):
            return None
    if opened or match["neg1"] or match["neg2"]:
        value = -value
    return value


@lru_cache(maxsize=8192)
def looks_numeric(cell: str) -> bool:
    """A value cell: a number or a dash (what a statement prints for 'none')."""
    text = cell.strip()
    return bool(text) and (is_dash(text) or parse_number(text) is not None)


def values_grid(rows: list[list[str]]) -> list[list[float | None]]:
    """Parse every cell after the label column; labels parse to None."""
    return [[None] + [parse_number(c) for c in row[1:]] for row in rows]
