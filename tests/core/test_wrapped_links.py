"""A browser printing a page wraps a link's URL over several lines: none of it reaches the body."""

from __future__ import annotations

from irviewer.core.extract.body_lines import body_lines
from irviewer.core.ingest.base import Line


def texts(*printed: str) -> list[str]:
    return [b.text for b in body_lines([Line(t, 1) for t in printed]) if b.text]


def test_pieces_of_a_wrapped_link_are_dropped_up_to_its_closing_parenthesis() -> None:
    assert texts(
        "Quillfeather Mills Announces Record Harvest",
        "(https://investors.quillfeather.example/2030-",
        "05-",
        "QUILLFEATHER-MILLS-ANNOUNCES-RECORD-",
        "HARVEST?",
        "asPDF=1)",
        "Quillfeather Mills today reported a record harvest of barley.",
    ) == [
        "Quillfeather Mills Announces Record Harvest",
        "Quillfeather Mills today reported a record harvest of barley.",
    ]


def test_a_link_left_open_at_the_end_of_prose_keeps_the_prose() -> None:
    assert texts(
        "Read the report on our site (https://quillfeather.example/reports/",
        "annual?",
        "year=2030)",
        "Revenue grew.",
    )[1:] == ["Revenue grew."]


def test_a_closed_link_does_not_swallow_the_next_short_line() -> None:
    assert texts(
        "See the filing (https://quillfeather.example/filing).",
        "Outlook",
        "Revenue will grow.",
    )[1:] == ["Outlook", "Revenue will grow."]


def test_the_link_ends_at_the_first_line_with_spaces() -> None:
    assert texts(
        "(https://quillfeather.example/share?",
        "Quillfeather Mills today reported a record harvest.",
    ) == ["Quillfeather Mills today reported a record harvest."]
