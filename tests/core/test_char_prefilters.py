"""The cheap character tests (extract/chars.py) answer exactly what the slow versions answer.

Each is checked against the plain definition or the regular expression it stands in for,
on hand-picked edge cases (final line feeds, non-ASCII digits and spaces) and random strings.
"""

from __future__ import annotations

import random
import re

import pytest

from irviewer.core.extract.chars import count_decimals, count_digits, ends_with_mark, has_digit

# alphabet for random strings: marks, closers, line feeds, non-ASCII digits and spaces
_ALPHABET = list(".!?;:\"”’')]x [\n“&/-–—(,a7٣²\u2003")


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 7))) for _ in range(n)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", False),
        ("Revenue", False),
        ("Q4 results", True),
        ("Q٣ results", True),  # an Arabic-Indic digit
        ("x²", True),  # a superscript is a digit for str.isdigit
    ],
)
def test_has_digit(text: str, expected: bool) -> None:
    assert has_digit(text) is expected


@pytest.mark.parametrize(
    ("text", "digits", "decimals"),
    [
        ("", 0, 0),
        ("212-555-0142", 10, 10),
        ("٠١٢ and 34", 5, 5),
        ("x² 9", 2, 1),  # '²' is a digit, not a decimal digit
    ],
)
def test_digit_counts(text: str, digits: int, decimals: int) -> None:
    assert count_digits(text) == digits
    assert count_decimals(text) == decimals


def test_digit_helpers_match_their_definitions_on_random_text() -> None:
    for text in _random_texts(3000, seed=1):
        assert has_digit(text) == any(ch.isdigit() for ch in text)
        assert count_digits(text) == sum(ch.isdigit() for ch in text)
        assert count_decimals(text) == len(re.findall(r"\d", text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rose.", True),
        ('He said "yes."”', True),
        ("It rose.)\n", True),  # like '$', a final line feed is passed over
        ("It rose.\n\n", False),  # but only one
        ("Revenue", False),
        ("", False),
        (")", False),
    ],
)
def test_ends_with_mark_sentence_end(text: str, expected: bool) -> None:
    assert ends_with_mark(text, ".!?", "\"”’')]") is expected


@pytest.mark.parametrize(
    ("pattern", "marks", "closers"),
    [
        (r"[.!?][\"”’')\]]*$", ".!?", "\"”’')]"),
        (r":[\"”’]*$", ":", "\"”’"),
        (r"[.!?:;][\"”’)]*$", ".!?:;", "\"”’)"),
        (r"[.!?,;:\"“”’'&/\-–—(\[]$", ".!?,;:\"“”’'&/-–—([", ""),
    ],
)
def test_ends_with_mark_matches_the_pattern_it_replaces(
    pattern: str, marks: str, closers: str
) -> None:
    regex = re.compile(pattern)
    for text in _random_texts(5000, seed=2):
        assert ends_with_mark(text, marks, closers) == bool(regex.search(text)), repr(text)
