"""HTML and EDGAR ingest: lines, table cells, hidden parts, submissions split into documents."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from irviewer.core.ingest import read_document
from irviewer.core.ingest.edgar import (
    MARKER_PATTERN,
    is_edgar_submission,
    read_edgar_text,
    split_documents,
)
from irviewer.core.ingest.html import looks_like_html, read_html_text

UUENCODED_LINE = re.compile(r"^M[\x21-\x60]{40,}$")


def texts(lines):
    return [line.text for line in lines]


def test_blocks_become_lines_and_inline_tags_join():
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>Acme <b>Widgets</b> &amp; Co. reports</p><div>Second&nbsp;line<br>third</div>"
        "<script>var x = '<p>no</p>';</script><p>See <a href='http://example.test/x'>our site</a>.</p>"
        "</body></html>"
    )
    assert texts(read_html_text(html)) == [
        "Acme Widgets & Co. reports", "Second line", "third", "See our site.",
    ]


def test_hidden_elements_and_inline_xbrl_header_are_dropped():
    html = (
        "<body><div style='display: none'><ix:header><ix:hidden>0000123</ix:hidden>"
        "<div>nested hidden</div></ix:header></div>"
        "<ix:header><p>bare header</p></ix:header>"
        "<p>Visible <ix:nonNumeric name='x'>text</ix:nonNumeric></p></body>"
    )
    assert texts(read_html_text(html)) == ["Visible text"]


def test_table_rows_keep_cells_and_colspan_adds_empty_cells():
    html = (
        "<p>Title</p><table>"
        "<tr><td colspan='3'></td><td colspan='2'>Three Months Ended</td></tr>"
        "<tr><td colspan='3'>Revenue</td><td>$</td><td>1,234&#160;</td></tr>"
        "<tr><td colspan='3'>Costs</td><td colspan=2>(56)</td></tr>"
        "<tr><td></td><td></td></tr>"
        "</table><p>After</p>"
    )
    lines = read_html_text(html)
    assert texts(lines)[0] == "Title" and texts(lines)[-1] == "After"
    rows = [line for line in lines if line.cells is not None]
    assert [r.cells for r in rows] == [
        ("", "", "", "Three Months Ended", ""),
        ("Revenue", "", "", "$", "1,234"),
        ("Costs", "", "", "(56)", ""),
    ]
    assert {r.table for r in rows} == {0}
    assert rows[1].text == "Revenue $ 1,234"


def test_unclosed_cells_and_rows_are_closed_by_the_next_one():
    html = "<table><tr><td>A<td>1<tr><td>B<td>2</table>"
    rows = [line.cells for line in read_html_text(html)]
    assert rows == [("A", "1"), ("B", "2")]


def test_layout_table_with_one_column_becomes_plain_lines():
    html = "<table><tr><td><p>Contacts:</p><p>Jane Roe</p></td><td></td></tr></table>"
    lines = read_html_text(html)
    assert texts(lines) == ["Contacts:", "Jane Roe"]
    assert all(line.cells is None for line in lines)


def test_table_indexes_count_tables_in_order():
    html = "<table><tr><td>a</td><td>1</td></tr></table><table><tr><td>b</td><td>2</td></tr></table>"
    assert [line.table for line in read_html_text(html)] == [0, 1]


def test_nothing_is_fetched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><link rel=stylesheet href='https://example.test/a.css'>"
        "<script src='https://example.test/a.js'></script></head><body>"
        "<img src='https://example.test/logo.png'><p>Body text</p></body></html>"
    )
    assert texts(read_document(path).lines) == ["Body text"]


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert not looks_like_html("Plain text with a <tag> mention and 1 < 2.")


SUBMISSION = """<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101
<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240101
COMPANY CONFORMED NAME:\t\tEXAMPLE WIDGETS INC
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>form8k.htm
<TEXT>
<XBRL>
<?xml version='1.0' encoding='ASCII'?>
<html><head><title>8-K</title></head><body>
<div style="display:none"><ix:header>0000000000</ix:header></div>
<p>FORM 8-K</p><table><tr><td>Delaware</td><td>1-2345</td></tr></table>
</body></html>
</XBRL>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-10.1
<SEQUENCE>2
<FILENAME>ex101.htm
<TEXT>
<html><body><p>Credit agreement text</p></body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>3
<FILENAME>ex991.htm
<DESCRIPTION>PRESS RELEASE
<TEXT>
<html><body><p>Example Widgets Reports Results</p>
<table><tr><td>Revenue</td><td>$</td><td>10</td></tr></table></body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>4
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X  02D9)1@ ! 0$ 8 !@  #_VP!#  (! 0(! 0(" @(" @(" P4# P,#
end
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-101.SCH
<SEQUENCE>5
<FILENAME>ex-20240101.xsd
<TEXT>
<xsd:schema></xsd:schema>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_submission_is_split_into_documents():
    assert is_edgar_submission(SUBMISSION)
    docs = split_documents(SUBMISSION)
    assert [d.type for d in docs] == ["8-K", "EX-10.1", "EX-99.1", "GRAPHIC", "EX-101.SCH"]
    assert docs[2].filename == "ex991.htm" and docs[2].description == "PRESS RELEASE"


def test_submission_keeps_form_and_press_release_with_markers():
    lines, any_html = read_edgar_text(SUBMISSION)
    assert any_html
    assert texts(lines) == [
        "[document 8-K]", "FORM 8-K", "Delaware 1-2345",
        "[document EX-99.1]", "Example Widgets Reports Results", "Revenue $ 10",
    ]
    # table indexes stay unique across documents
    assert [line.table for line in lines if line.cells] == [0, 1]
    assert MARKER_PATTERN.match(lines[3].text).group("type") == "EX-99.1"


def test_submission_file_reads_as_html(tmp_path: Path):
    path = tmp_path / "0000000000-24-000001.txt"
    path.write_text(SUBMISSION)
    raw = read_document(path)
    assert raw.format == "html"
    assert raw.lines[0].text == "[document 8-K]"


def test_single_wrapped_document_gets_its_marker(tmp_path: Path):
    path = tmp_path / "ex991.htm"
    path.write_text(
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.htm\n<TEXT>\n"
        "<HTML><HEAD><script>track()</script></HEAD><BODY><P>Release text</P></BODY></HTML>\n"
        "</TEXT>\n</DOCUMENT>\n"
    )
    assert texts(read_document(path).lines) == ["[document EX-99.1]", "Release text"]


def test_plain_text_exhibit_keeps_pages(tmp_path: Path):
    path = tmp_path / "old.txt"
    path.write_text(
        "<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nFirst page\n<PAGE>\nSecond page\n"
        "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    raw = read_document(path)
    assert raw.format == "text"
    assert [(line.text, line.page) for line in raw.lines if line.text] == [
        ("[document EX-99]", 1), ("First page", 1), ("Second page", 2),
    ]


def _corpus_file(corpus_dir: Path, prefix: str) -> Path:
    matches = sorted((corpus_dir / "files").glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"corpus document {prefix} missing")
    return matches[0]


def test_full_submission_keeps_form_and_exhibit_and_drops_binaries(corpus_dir: Path):
    raw = read_document(_corpus_file(corpus_dir, "22"))
    markers = [m.group("type") for m in map(MARKER_PATTERN.match, texts(raw.lines)) if m]
    assert markers == ["8-K", "EX-99.1"]
    assert not any(UUENCODED_LINE.match(t) or t.startswith("begin 6") for t in texts(raw.lines))
    assert not any("<" in t and ">" in t for t in texts(raw.lines))


def test_full_submission_drops_xbrl_parts(corpus_dir: Path):
    raw = read_document(_corpus_file(corpus_dir, "24"))
    markers = [t for t in texts(raw.lines) if MARKER_PATTERN.match(t)]
    assert markers == ["[document 8-K]"]
    assert not any(re.search(r"xbrli|xlink|xsd:", t) for t in texts(raw.lines))


def test_inline_xbrl_hidden_header_is_not_read(corpus_dir: Path):
    path = _corpus_file(corpus_dir, "23")
    lines = read_document(path).lines
    hidden = re.search(r"(?is)<ix:hidden>(.*?)</ix:hidden>", path.read_text(errors="replace"))
    assert hidden is not None
    values = [v for v in re.findall(r">([^<>]{4,})<", hidden.group(1)) if v.strip()]
    assert values and not any(t.strip() == values[0].strip() for t in texts(lines))


def test_scraper_script_and_wrapper_are_dropped(corpus_dir: Path):
    path = _corpus_file(corpus_dir, "21")
    lines = read_document(path).lines
    assert lines[0].text == "[document EX-99.1]"
    scripts = re.findall(r"(?is)<script[^>]*>(.*?)</script>", path.read_text(errors="replace"))
    assert [s for s in scripts if s.strip()], "the file should carry a script"
    for script in (s.strip() for s in scripts if s.strip()):
        assert not any(script in t for t in texts(lines))
    assert not any(re.match(r"<(TYPE|SEQUENCE|FILENAME)>", t) for t in texts(lines))


def test_rowspan_leaves_empty_cells_in_the_rows_below():
    html = (
        "<table><tr><th rowspan='2'>Label</th><th colspan='2'>Year Ended</th></tr>"
        "<tr><th>2031</th><th>2030</th></tr><tr><td>Sales</td><td>5</td><td>4</td></tr></table>"
    )
    assert [line.cells for line in read_html_text(html)] == [
        ("Label", "Year Ended", ""), ("", "2031", "2030"), ("Sales", "5", "4"),
    ]


def test_compact_wrapper_on_one_line_with_closing_tags():
    text = (
        "<SEC-DOCUMENT><DOCUMENT><TYPE>EX-99.1</TYPE><SEQUENCE>2</SEQUENCE>"
        "<FILENAME>pr.htm</FILENAME><TEXT><html><body><p>Dividend declared</p></body></html>"
        "</TEXT></DOCUMENT></SEC-DOCUMENT>"
    )
    assert is_edgar_submission(text)
    [doc] = split_documents(text)
    assert (doc.type, doc.filename) == ("EX-99.1", "pr.htm")
    lines, _ = read_edgar_text(text)
    assert texts(lines) == ["[document EX-99.1]", "Dividend declared"]


def test_plain_html_mentioning_documents_is_not_a_submission():
    assert not is_edgar_submission("<html><body><p>Our document types: 8-K</p></body></html>")


def test_header_only_file_is_plain_text(tmp_path: Path):
    path = tmp_path / "header.txt"
    path.write_text("<SEC-HEADER>0000000000-24-000001.hdr.sgml\nFORM TYPE:\t8-K\n</SEC-HEADER>\n")
    raw = read_document(path)
    assert raw.format == "text"
    assert raw.lines[1].text == "FORM TYPE:\t8-K"


def test_list_items_get_bullets_and_ordered_items_numbers():
    html = (
        "<p>Highlights:</p><ul><li>Opened a plant.</li><li><p>Signed a deal.</p></li></ul>"
        "<ol start='3'><li>Third step</li><li>Fourth step<ul><li>detail</li></ul></li>"
        "<li>Fifth step</li></ol><p>After the list.</p>"
    )
    assert texts(read_html_text(html)) == [
        "Highlights:", "• Opened a plant.", "• Signed a deal.", "3. Third step",
        "4. Fourth step", "• detail", "5. Fifth step", "After the list.",
    ]


def test_list_items_with_their_own_glyph_or_no_list_style_get_no_bullet():
    html = (
        "<ul><li>• Already marked</li><li>- Dash marked</li></ul>"
        "<ul style='list-style-type: none'><li>Home</li><li>News</li></ul>"
        "<table><tr><td><ul><li>In a cell</li></ul></td></tr></table>"
    )
    assert texts(read_html_text(html)) == [
        "• Already marked", "- Dash marked", "Home", "News", "• In a cell",
    ]
