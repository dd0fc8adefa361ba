"""Pages cut off inside a table: the reader ends, with the text it has, whatever is left open."""

from __future__ import annotations

from irviewer.core.ingest.html import read_html_text


def test_a_page_cut_off_inside_a_hidden_element_in_a_table_ends() -> None:
    # the unclosed hidden <div> used to swallow the closing of the table: an endless loop
    lines = read_html_text('<p>Before</p><table><tr><td>Revenue</td><td>1,234</td></tr><div hidden>')
    assert [(line.text, line.cells) for line in lines] == [
        ("Before", None),
        ("Revenue 1,234", ("Revenue", "1,234")),
    ]


def test_an_unclosed_table_still_gives_its_rows() -> None:
    lines = read_html_text("<table><tr><td>Net loss</td><td>(12)</td>")
    assert [line.cells for line in lines] == [("Net loss", "(12)")]
