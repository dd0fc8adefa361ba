"""The HTML reader's short cut for plain tags gives the same lines as html.parser's own path.

Pages are synthetic; each one mixes plain tags ('<td class="n">') with forms the short cut
leaves to html.parser (entities in attributes, upper case, self-closing tags, odd spacing,
script and style elements).
"""

from __future__ import annotations

import random
import sys
from html.parser import HTMLParser

import pytest

from irviewer.core.ingest import html as html_reader
from irviewer.core.ingest.html import read_html_text

_PIECES = [
    "<p>", "</p>", "<p class=\"sub\">", "<P CLASS=\"Sub\">", "<br>", "<br/>", "<br />",
    "<div style=\"display:none\">hidden</div>", "<table class=\"fin\">", "</table>", "<tr>",
    "</tr>", "<td class=\"n\">", "<td>", "</td>", "<th colspan=\"2\">", "</th>",
    "<td colspan=\"3\" class=\"n\">", "<td x=\"\">", "<td title=\"a&amp;b\">", "<td\nclass=\"n\">",
    "<td class='n'>", "<td class=n>", "</td >", "</TD>", "<ul>", "</ul>", "<li>", "</li>",
    "<ol start=\"3\">", "</ol>", "<ul style=\"list-style:none\">", "<style>p { x: 1 }</style>",
    "<script>if (a < b) { x = '</p>'; }</script>", "<script>s = \"<script>\";</script>",
    "<TD COLSPAN=\"2\">", "<DIV STYLE=\"display:none\">", "</DIV>", "<b title=\"x>y\">", "</b>",
    "<h2>", "</h2>",
    "Revenue", " 1,234 ", "(567)", "&mdash;", "&amp;", " text ", "\n", "<!-- note -->", "$",
]  # fmt: skip


def _pages(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(5, 60))) for _ in range(n)]


def _release_page() -> str:
    rows = "".join(
        f'<tr><td>Line item {i}</td><td class="cur">$</td><td class="n">{i * 1_234:,}</td>'
        f'<td class="n">({i * 56})</td></tr>'
        for i in range(1, 6)
    )
    return (
        "<html><head><title>Acme</title><style>td { padding: 0 }</style></head><body>"
        "<h1>Acme Reports Results</h1><p class=\"date\">March 5, 2024</p>"
        f"<table class=\"fin\"><tr><th></th><th colspan=\"3\">2024</th></tr>{rows}</table>"
        "<ul><li>First</li><li>Second</li></ul></body></html>"
    )


def test_the_short_cut_is_on_for_this_python() -> None:
    expected = sys.version_info[:2] == (3, 11)
    assert html_reader._FAST_TAGS is expected


@pytest.mark.skipif(not html_reader._FAST_TAGS, reason="the short cut is for Python 3.11 only")
def test_plain_tags_read_the_same_with_and_without_the_short_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = [_release_page(), *_pages(400, seed=7)]
    fast = [read_html_text(page) for page in pages]
    monkeypatch.setattr(html_reader._Collector, "parse_starttag", HTMLParser.parse_starttag)
    monkeypatch.setattr(html_reader._Collector, "parse_endtag", HTMLParser.parse_endtag)
    slow = [read_html_text(page) for page in pages]
    assert fast == slow
    cells = [line.cells for line in fast[0] if line.cells]
    assert cells[1] == ("Line item 1", "$", "1,234", "(56)")
