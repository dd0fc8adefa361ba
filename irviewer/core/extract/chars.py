"""Cheap character tests used as pre-filters before regular expressions.

ASCII text takes a fast path (``str.count`` / ``in``); other text is tested character by
character with the same definitions, so the answers never differ from the plain versions.
"""

from __future__ import annotations

import re

_ASCII_DIGITS = "0123456789"
_NOT_DECIMAL = re.compile(r"\D")


def has_digit(text: str) -> bool:
    """Whether any character of text is a digit (``str.isdigit``)."""
    if text.isascii():
        for digit in _ASCII_DIGITS:  # noqa: SIM110 - faster than any() over a generator
            if digit in text:
                return True
        return False
    return any(ch.isdigit() for ch in text)


def count_digits(text: str) -> int:
    """How many characters of text are digits (``str.isdigit``)."""
    if text.isascii():
        return sum(map(text.count, _ASCII_DIGITS))
    return sum(ch.isdigit() for ch in text)


def count_decimals(text: str) -> int:
    """How many characters of text are decimal digits (what ``\\d`` matches)."""
    if text.isascii():
        return sum(map(text.count, _ASCII_DIGITS))
    return len(_NOT_DECIMAL.sub("", text))


def ends_with_mark(text: str, marks: str, closers: str = "") -> bool:
    """Whether re.search(f"[{marks}][{closers}]*$", text) matches, without scanning the text.

    ``marks`` and ``closers`` must not share a character. Like ``$``, a final line feed is
    passed over.
    """
    if text.endswith("\n"):
        text = text[:-1]
    tail = text.rstrip(closers)[-1:] if closers else text[-1:]
    return bool(tail) and tail in marks
