"""Financial tables from HTML rows: split `$`/`%` cells, spacer columns, headers, captions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irviewer.core.extract.tables_html import extract_html_tables
from irviewer.core.ingest import read_document
from irviewer.core.ingest.html import read_html_text

# A Workiva-style statement: `$` in its own cell, numbers spanning two cells elsewhere.
WORKIVA = """
<p>Widget Corp</p>
<p>Condensed Consolidated Statements of Operations</p>
<p>(In thousands, except per share data)</p>
<table>
<tr><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3"></td><td colspan="6">Six Months Ended</td></tr>
<tr><td colspan="3"></td><td colspan="2">June 30, 2031</td><td></td>
    <td colspan="2">June 30, 2030</td><td></td></tr>
<tr><td colspan="3">Sales:</td><td colspan="2"></td><td></td><td colspan="2"></td><td></td></tr>
<tr><td colspan="3">Gadgets</td><td>$</td><td>7,001</td><td></td><td>$</td><td>6,502</td><td></td></tr>
<tr><td colspan="3">Gizmos</td><td colspan="2">310</td><td></td><td colspan="2">&#8212;</td><td></td></tr>
<tr><td colspan="3">Total sales</td><td colspan="2">7,311</td><td></td><td colspan="2">6,502</td><td></td></tr>
<tr><td colspan="3">Net loss</td><td>$</td><td>(42</td><td>)</td><td>$</td><td>(17</td><td>)</td></tr>
<tr><td colspan="3">Margin</td><td colspan="2">12.5</td><td>%</td><td colspan="2">9.0</td><td>%</td></tr>
</table>
<p>See the notes below for more information on these results.</p>
"""

# Donnelley style: `$` column, then a number column that plain rows fill alone.
DONNELLEY = """
<p>BALANCE SHEETS</p>
<table>
<tr><td></td><td colspan="2">March&#160;31, 2031</td><td></td><td colspan="2">Dec.&#160;31, 2030</td></tr>
<tr><td>ASSETS</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>Cash</td><td>$</td><td>1,500</td><td></td><td>$</td><td>1,200</td></tr>
<tr><td>Receivables</td><td></td><td>800</td><td></td><td></td><td>750</td></tr>
<tr><td>Total assets</td><td>$</td><td>2,300</td><td></td><td>$</td><td>1,950</td></tr>
</table>
"""

COVER = """
<table><tr><td>&#9744;</td><td>Written communications pursuant to Rule 425</td></tr></table>
<table><tr><td>Delaware</td><td></td><td>001-12345</td><td></td><td>12-3456789</td></tr>
<tr><td>(State of incorporation)</td><td></td><td>(Commission File Number)</td><td></td>
<td>(IRS Employer Identification No.)</td></tr></table>
<table><tr><td>1 Main Street, Springfield</td><td>99999</td></tr>
<tr><td>(Address)</td><td>(Zip Code)</td></tr></table>
<table><tr><td>Exhibit No.</td><td>Description</td></tr>
<tr><td>99.1</td><td>Press release dated January 1, 2031</td></tr>
<tr><td>104</td><td>Cover Page Interactive Data File</td></tr></table>
<table><tr><td>By:</td><td>/s/ Jane Roe</td></tr><tr><td>Title:</td><td>Secretary</td></tr></table>
<table><tr><td>Outlook</td><td>~$1.5 billion</td></tr><tr><td>Tax rate</td><td>GAAP: ~21%</td></tr></table>
"""


def test_workiva_statement_joins_split_cells_and_drops_spacers():
    [table] = extract_html_tables(read_html_text(WORKIVA))
    assert table.title == "Condensed Consolidated Statements of Operations"
    assert table.units == "In thousands, except per share data"
    assert table.header_rows == [
        ["", "Six Months Ended", ""],
        ["", "June 30, 2031", "June 30, 2030"],
    ]
    assert table.rows == [
        ["Sales:", "", ""],
        ["Gadgets", "$ 7,001", "$ 6,502"],
        ["Gizmos", "310", "—"],
        ["Total sales", "7,311", "6,502"],
        ["Net loss", "$ (42)", "$ (17)"],
        ["Margin", "12.5%", "9.0%"],
    ]
    assert table.values[1] == [None, 7001.0, 6502.0]
    assert table.values[2] == [None, 310.0, None]
    assert table.values[4] == [None, -42.0, -17.0]


def test_dollar_column_beside_number_column_is_one_column():
    [table] = extract_html_tables(read_html_text(DONNELLEY))
    assert table.title == "BALANCE SHEETS"
    assert table.units is None
    assert table.header_rows == [["", "March 31, 2031", "Dec. 31, 2030"]]
    assert table.rows == [
        ["ASSETS", "", ""],
        ["Cash", "$ 1,500", "$ 1,200"],
        ["Receivables", "800", "750"],
        ["Total assets", "$ 2,300", "$ 1,950"],
    ]


def test_cover_page_signature_and_prose_tables_are_skipped():
    assert extract_html_tables(read_html_text(COVER)) == []


def _truth_and_tables(corpus_dir: Path, prefix: str):
    files = sorted((corpus_dir / "files").glob(f"{prefix}_*"))
    if not files:
        pytest.skip(f"corpus document {prefix} missing")
    truth = json.loads((corpus_dir / "truth" / f"{prefix}.json").read_text())
    return truth, extract_html_tables(read_document(files[0]).lines)


def test_exhibit_statements_match_the_truth(corpus_dir: Path):
    truth, tables = _truth_and_tables(corpus_dir, "11")
    assert truth["tables"], "document 11 has annotated tables"
    for expected in truth["tables"]:
        matches = [t for t in tables if t.rows == expected["rows"]]
        assert matches, f"no table reproduces {expected['title']!r}"
        table = matches[0]
        assert table.title == expected["title"]
        assert table.units == expected["units"]
        assert table.header_rows == expected["header_rows"]


def test_no_tables_from_eight_k_covers(corpus_dir: Path):
    for prefix in ("23", "24", "25", "27"):
        _, tables = _truth_and_tables(corpus_dir, prefix)
        assert tables == [], prefix


def test_year_header_cells_are_headers_not_data():
    html = (
        "<p>STATEMENT OF CASH FLOWS</p><p>(in millions)</p>"
        "<table><tr><td></td><td>2031</td><td>2030</td></tr>"
        "<tr><td>Net income</td><td>$ 120</td><td>$ 110</td></tr>"
        "<tr><td>Depreciation</td><td>30</td><td>25</td></tr></table>"
    )
    [table] = extract_html_tables(read_html_text(html))
    assert table.header_rows == [["", "2031", "2030"]]
    assert table.rows == [["Net income", "$ 120", "$ 110"], ["Depreciation", "30", "25"]]
    assert (table.title, table.units) == ("STATEMENT OF CASH FLOWS", "in millions")


def test_footnote_mark_cells_and_rowspan_header():
    html = (
        "<table><tr><th rowspan='2'>Statement - USD ($) in Thousands</th>"
        "<th colspan='4'>3 Months Ended</th></tr>"
        "<tr><th colspan='2'>Nov. 02, 2031</th><th colspan='2'>Aug. 03, 2031</th></tr>"
        "<tr><td>Sales</td><td>$ 1,443</td><td></td><td>$ 1,480</td><td></td></tr>"
        "<tr><td>Charges</td><td>64</td><td><sup>[3]</sup></td><td>927</td><td>[3]</td></tr>"
        "</table>"
    )
    [table] = extract_html_tables(read_html_text(html))
    assert table.header_rows == [
        ["Statement - USD ($) in Thousands", "3 Months Ended", ""],
        ["", "Nov. 02, 2031", "Aug. 03, 2031"],
    ]
    assert table.rows == [["Sales", "$ 1,443", "$ 1,480"], ["Charges", "64", "927"]]


# Title and units printed on one caption line above the table.
ONE_LINE_CAPTION = """
<p>Condensed Consolidated Statements of Operations (unaudited) (in thousands, except per share
amounts)</p>
<table>
<tr><td></td><td>2031</td><td>2030</td></tr>
<tr><td>Revenue</td><td>$</td><td>1,200</td><td>$</td><td>900</td></tr>
<tr><td>Net loss</td><td></td><td>(300)</td><td></td><td>(450)</td></tr>
<tr><td>Net loss per share</td><td>$</td><td>(0.12)</td><td>$</td><td>(0.20)</td></tr>
</table>
<p>Balance Sheet Data (in millions)</p>
<table>
<tr><td>Cash</td><td>41.5</td><td>35.0</td></tr>
<tr><td>Total assets</td><td>80.2</td><td>71.9</td></tr>
</table>
"""


def test_units_on_the_title_line_go_to_units_and_unaudited_stays_in_the_title():
    first, second = extract_html_tables(read_html_text(ONE_LINE_CAPTION))
    assert first.title == "Condensed Consolidated Statements of Operations (unaudited)"
    assert first.units == "in thousands, except per share amounts"
    assert second.title == "Balance Sheet Data"
    assert second.units == "in millions"
