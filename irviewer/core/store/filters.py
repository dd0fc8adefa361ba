"""The timeline's kind and company filters as SQL over the ``listing`` table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def filters(
    kinds: Sequence[str] | None, company: str | None, alias: str = ""
) -> tuple[str, list[Any]]:
    """A WHERE fragment (starting with ' AND', or empty) for the kind/company filters.

    ``kinds=None`` means every kind; an empty sequence matches nothing.
    """
    sql, args = "", []
    if kinds is not None:
        kinds = list(kinds)
        if not kinds:
            return " AND 0", []
        sql += f" AND {alias}kind IN ({', '.join('?' * len(kinds))})"
        args.extend(kinds)
    if company is not None:
        sql += f" AND {alias}company = ?"
        args.append(company)
    return sql, args
