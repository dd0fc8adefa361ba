"""Short cuts around the slow phone matcher never change what contact extraction reads.

find_phones skips phonenumbers' matcher on text that cannot hold a number it keeps; contact
lines are told apart from prose by their first pieces before any phone is looked for. All
numbers are invented (555 numbers).
"""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import COUNTRY_CODES_FOR_NON_GEO_REGIONS, SUPPORTED_REGIONS

from irviewer.core.extract import contacts_words
from irviewer.core.extract.contacts import _is_anchor, _opens_block
from irviewer.core.extract.contacts_text import leading_pieces, may_hold_phone, split_pieces
from irviewer.core.extract.contacts_words import MIN_IDD_DIGITS, find_phones

_PARTS = [
    "011", "49", "1234", "5", "ext.", "ext", "x", "#", "~", " ", "-", "(", ")", ".", "/",
    "212", "555", "0142", "1", "+", "＋", "44", "20", "7946", "0958", ",", ";ext=", "Tel:",
    " or ", "617-555-0142", "1-877-555-0110", "٠١٢٣", "２１２", "\u00a0", "(0)", "800",
]  # fmt: skip
_LINES = [
    "Investor Contact:",
    "Media Contact: Jane Doe, (617) 555-0142, jane@acme.example",
    "Jane Doe, Vice President, Investor Relations",
    "Net loss $ (27,012) $ (23,449) $ (99,398) $ (81,434)",
    "Working capital 152,150 83,250",
    "2023 2022 2023 2022",
    "Acme will host a conference call today at 8:30 a.m. ET. Dial 1-877-555-0110 (U.S.).",
    "For more information about investors, visit www.acme.example/investors.",
    "Tel: +1 212 555 0100 | press@acme.example",
    "212\u2003555\u20030142",  # phone-like with em spaces, which the matcher does not join
    "Investors and Media: Jane Doe 212-555-0199 or John Roe 212-555-0188",
    "Contacts: Acme Investor Relations; ir@acme.example",
]


def _random_phone_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PARTS) for _ in range(rng.randint(2, 12))) for _ in range(n)]


def test_min_idd_digits_is_a_lower_bound_for_the_installed_metadata() -> None:
    """A valid number dialled with '011' has 3 + country code + national digits."""
    shortest = []
    for region in SUPPORTED_REGIONS:
        meta = PhoneMetadata.metadata_for_region(region)
        lengths = [n for n in meta.general_desc.possible_length if n > 0]
        shortest.append(3 + len(str(meta.country_code)) + min(lengths))
    for code in COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        meta = PhoneMetadata.metadata_for_nongeo_region(code)
        lengths = [n for n in meta.general_desc.possible_length if n > 0]
        shortest.append(3 + len(str(code)) + min(lengths))
    assert min(shortest) >= MIN_IDD_DIGITS
    us = PhoneMetadata.metadata_for_region("US")
    assert us.international_prefix == "011"
    assert min(us.general_desc.possible_length) >= 10 >= MIN_IDD_DIGITS


def test_find_phones_is_the_same_with_and_without_the_prefilter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _LINES + _random_phone_texts(3000, seed=3)
    fast = [find_phones(t) for t in texts]
    monkeypatch.setattr(contacts_words, "_may_hold_phone", lambda text: True)
    assert [find_phones(t) for t in texts] == fast
    assert fast[1] == [(25, 39, "(617) 555-0142")]


def test_a_row_of_figures_never_reaches_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(text: str) -> tuple[tuple[int, int, str], ...]:
        calls.append(text)
        return ()

    monkeypatch.setattr(contacts_words, "_matches", counting)
    assert find_phones("Net loss $ (27,012) $ (23,449) $ (99,398) $ (81,434)") == []
    assert find_phones("Weighted-average shares 51,320,819 41,210,741 49,784,419") == []
    assert calls == []
    find_phones("Call 212-555-0142 today")
    assert calls[0] == "Call 212-555-0142 today"


@pytest.mark.parametrize("text", _LINES)
def test_may_hold_phone_is_false_only_without_phone_pieces(text: str) -> None:
    kinds = [p.kind for p in split_pieces(text, frozenset())]
    if not may_hold_phone(text):
        assert "phone" not in kinds
    if text.startswith("212\u2003"):
        assert may_hold_phone(text) and kinds == ["phone"]
    if text.startswith("Net loss"):
        assert not may_hold_phone(text)


@pytest.mark.parametrize("hints", [frozenset(), frozenset({"acme"})])
def test_leading_pieces_are_the_first_pieces_of_the_line(hints: frozenset[str]) -> None:
    rng = random.Random(5)
    texts = _LINES + ["".join(rng.choice(_LINES + _PARTS) for _ in range(3)) for _ in range(400)]
    for text in texts:
        lead = list(leading_pieces(text, hints))
        full = list(split_pieces(text, hints))
        assert lead == full[: len(lead)], text
        assert _opens_block(text, hints) == bool(_is_anchor(full)), text


def test_prose_mentioning_investors_is_ruled_out_before_its_phones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Members of management will meet investors: dial 1-877-555-0199 (U.S.) to listen."
    monkeypatch.setattr(contacts_words, "_matches", lambda t: pytest.fail("matcher called"))
    assert _is_anchor(leading_pieces(text, frozenset()), partial=True) is False


def test_phonenumbers_is_the_version_the_prefilter_reads() -> None:
    """The prefilter builds on the library's own character classes; it is on in this setup."""
    assert contacts_words._PHONE_RUN is not None, phonenumbers.__version__
