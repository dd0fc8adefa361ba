"""Tables from plain text: aligned rows, and label blocks printed apart from number blocks."""

from __future__ import annotations

from pathlib import Path

from irviewer.core.extract.tables_text import extract_text_tables
from irviewer.core.extract.text_table_lines import Kind, classify, value_tokens
from irviewer.core.ingest import read_document
from irviewer.core.ingest.base import Line


def lines_of(text: str) -> list[Line]:
    out, page = [], 1
    for raw in text.split("\n"):
        page += raw.count("\f")
        out.append(Line(raw.replace("\f", "").rstrip(), page))
    return out


def by_label(table, label: str) -> list[str]:
    [row] = [r for r in table.rows if r[0] == label]
    return row


ALIGNED = """
The quarter was strong across all regions, said the chief executive officer of the company.

                      ACME TOOLS, INC.
            CONSOLIDATED STATEMENTS OF INCOME
         (in millions, except per share amounts)

                                     Quarter Ended
                                March 31,      March 31,
                                    2031           2030
Net sales                      $ 1,010.5      $   950.0
Cost of sales                      600.1          580.4
Operating expenses:
  Selling                          120.0          115.2
  Administrative                    80.3             --
Operating income                   210.1          174.5
Net income per share           $    1.25      $    1.02

The company will host a call to discuss these results with analysts and investors tomorrow.
"""


def test_aligned_rows_with_headers_placed_by_position():
    [table] = extract_text_tables(lines_of(ALIGNED))
    assert table.title == "CONSOLIDATED STATEMENTS OF INCOME"
    assert table.units == "in millions, except per share amounts"
    assert table.header_rows == [
        ["", "Quarter Ended", ""],
        ["", "March 31,", "March 31,"],
        ["", "2031", "2030"],
    ]
    assert table.rows == [
        ["Net sales", "$ 1,010.5", "$ 950.0"],
        ["Cost of sales", "600.1", "580.4"],
        ["Operating expenses:", "", ""],
        ["Selling", "120.0", "115.2"],
        ["Administrative", "80.3", "--"],
        ["Operating income", "210.1", "174.5"],
        ["Net income per share", "$ 1.25", "$ 1.02"],
    ]
    assert table.values[4] == [None, 80.3, None]
    assert table.values[6] == [None, 1.25, 1.02]


# Labels first, numbers later, the second statement continued after a page break.
SPLIT = """Quarterly results are summarised in the tables below and discussed in the text above.

NORTHWIND LABS
SELECTED FINANCIAL DATA
(in thousands)
CONDENSED STATEMENTS OF FINANCIAL POSITION
ASSETS
Cash
Receivables
Total assets
LIABILITIES AND EQUITY
Payables
Equity
Total liabilities and equity
CONDENSED STATEMENTS OF OPERATIONS
Revenue:
Product sales
Services
September 30, March 31,
2031 2031
$ 900 $ 1,100
300 250
$ 1,200 $1,350
400 500
800 850
$ 1,200 $1,350
Nine Months Ended
September 30,
Three Months Ended
September 30,
2031 2030 2031 2030
$ 1,000 $ 800 $ 350 $ 300
- 40 - 10
\f
Total revenue
Expenses:
Cost of services provided to customers under long-term maintenance and
support contracts
Net income (loss)
1,000 840 350 310
(20) (30) (5) (6)
$ 980 $(810)  $ 345 (304)
"""


def test_split_blocks_pair_labels_with_numbers_across_a_page_break():
    position, operations = extract_text_tables(lines_of(SPLIT))
    assert position.title == "CONDENSED STATEMENTS OF FINANCIAL POSITION"
    assert position.units == "in thousands"
    assert position.header_rows == [["", "September 30,", "March 31,"], ["", "2031", "2031"]]
    assert [r[0] for r in position.rows] == [
        "ASSETS", "Cash", "Receivables", "Total assets",
        "LIABILITIES AND EQUITY", "Payables", "Equity", "Total liabilities and equity",
    ]
    assert by_label(position, "ASSETS") == ["ASSETS", "", ""]
    assert by_label(position, "Total assets") == ["Total assets", "$ 1,200", "$1,350"]

    assert operations.title == "CONDENSED STATEMENTS OF OPERATIONS"
    assert operations.units == "in thousands"  # carried from the shared caption
    assert operations.header_rows == [
        ["", "Nine Months Ended", "", "Three Months Ended", ""],
        ["", "September 30,", "", "September 30,", ""],
        ["", "2031", "2030", "2031", "2030"],
    ]
    wrapped = (
        "Cost of services provided to customers under long-term maintenance and support contracts"
    )
    assert [r[0] for r in operations.rows] == [
        "Revenue:", "Product sales", "Services", "Total revenue", "Expenses:", wrapped,
        "Net income (loss)",
    ]
    assert by_label(operations, "Services") == ["Services", "-", "40", "-", "10"]
    assert operations.values[2] == [None, None, 40.0, None, 10.0]
    assert by_label(operations, "Net income (loss)") == [
        "Net income (loss)", "$ 980", "$(810)", "$ 345", "(304)"
    ]
    assert operations.values[-1] == [None, 980.0, -810.0, 345.0, -304.0]


PROSE = """Widget Corp reported revenue of $1.2 billion for 2031, compared to $1.1 billion
in 2030. Operating margin improved to 12.5 percent from 11.0 percent a year earlier.

About Widget Corp
Widget Corp makes widgets in 12 countries and employs 4,500 people.
Page 2
2
Contacts
Jane Roe, 555-0100
2031 2030
"""


def test_prose_and_stray_numbers_make_no_table():
    assert extract_text_tables(lines_of(PROSE)) == []


def test_value_tokens_attach_currency_and_percent():
    def cells(text: str):
        tokens = value_tokens(text)
        return None if tokens is None else [t.text for t in tokens]

    assert cells("$ 5,076 $ 10,692 $ 5,152") == ["$ 5,076", "$ 10,692", "$ 5,152"]
    assert cells("(34,152) $(33,227)  $(78,883) (66,967)") == [
        "(34,152)", "$(33,227)", "$(78,883)", "(66,967)"
    ]
    assert cells("(0.39) $ (0.38)") == ["(0.39)", "$ (0.38)"]
    assert cells("- 195 — 195") == ["-", "195", "—", "195"]
    assert cells("23.9 % 17.6 %") == ["23.9 %", "17.6 %"]
    assert cells("Total 5") is None


def test_line_kinds():
    assert classify("Three Months Ended", 0).kind is Kind.HEADER
    assert classify("December 31, June 30,", 0).kind is Kind.HEADER
    assert classify("2031 2030 2031 2030", 0).kind is Kind.HEADER
    assert classify("12 Weeks Ended", 0).kind is Kind.HEADER
    assert classify("3/25/2031 3/19/2030", 0).kind is Kind.HEADER
    assert classify("$ 1,000 $ 800", 0).kind is Kind.VALUES
    assert classify("Net sales   1,000   900", 0).kind is Kind.ROW
    assert classify("Suite   200", 0).kind is Kind.ROW
    assert classify("Two Main Street, Suite 200", 0).kind is Kind.LABEL  # one value, one space
    assert classify("(Unaudited)", 0).kind is Kind.NOTE
    assert classify("(in thousands, except per share amounts)", 0).kind is Kind.UNITS
    assert classify("CONDENSED CONSOLIDATED BALANCE SHEETS", 0).kind is Kind.TITLE
    assert classify("Revenue grew in every region this year, led by strong demand.", 0).kind is (
        Kind.PROSE
    )


# -- the seed with its statements printed as separate label and number blocks ---------------


def seed_tables(seed_path) -> list:
    path: Path = seed_path("003")
    return extract_text_tables(read_document(path).lines)


def test_seed_balance_sheet(seed_path):
    tables = seed_tables(seed_path)
    [sheet] = [t for t in tables if t.title and "BALANCE SHEETS" in t.title.upper()]
    assert sheet.title.isupper()
    assert sheet.units is not None and "thousands" in sheet.units
    assert sheet.header_rows == [["", "December 31,", "June 30,"], ["", "2016", "2016"]]
    items = [r for r in sheet.rows if any(r[1:])]
    assert len(items) == 7 and all(len(r) == 3 for r in sheet.rows)
    assert by_label(sheet, "Total assets")[1:] == ["$ 198,864", "$279,240"]
    assert by_label(sheet, "Shareholders' deficit")[1:] == ["(152,850)", "(82,304)"]
    headings = [r[0] for r in sheet.rows if not any(r[1:])]
    assert len(headings) == 2 and all(h.isupper() for h in headings)
    assert sheet.values[[r[0] for r in sheet.rows].index("Total assets")] == [
        None, 198864.0, 279240.0
    ]


def test_seed_statement_of_operations(seed_path):
    tables = seed_tables(seed_path)
    [ops] = [t for t in tables if t.title and "STATEMENTS OF OPERATIONS" in t.title.upper()]
    assert ops.units == "in thousands, except per share amounts"
    assert ops.header_rows == [
        ["", "Three Months Ended", "", "Six Months Ended", ""],
        ["", "December 31,", "", "December 31,", ""],
        ["", "2016", "2015", "2016", "2015"],
    ]
    labels = [r[0] for r in ops.rows]
    items = [r[0] for r in ops.rows if any(r[1:])]
    assert items[0] == "License and milestone fees"
    assert items[-1] == "Weighted average common shares outstanding, diluted"
    assert len(items) == 17
    assert [r[0] for r in ops.rows if not any(r[1:])] == ["Revenues:", "Expenses:"]
    assert by_label(ops, "Royalty revenue")[1:] == ["-", "195", "-", "195"]
    assert ops.values[labels.index("Royalty revenue")] == [None, None, 195.0, None, 195.0]
    assert ops.values[labels.index("Net loss")] == [None, -34152.0, -33227.0, -78883.0, -66967.0]
    # the one label printed on two lines is joined: no row starts in lower case
    assert not any(label[:1].islower() for label in labels)
    printed = [ln.text.strip() for ln in read_document(seed_path("003")).lines if ln.text.strip()]
    joined = [
        f"{a} {b}" for a, b in zip(printed, printed[1:], strict=False)
        if b[:1].islower() and f"{a} {b}" in labels
    ]
    assert len(joined) == 1


def test_seed_documents_without_statements_give_no_tables(seed_path):
    for prefix in ("000", "001", "002", "004"):
        assert extract_text_tables(read_document(seed_path(prefix)).lines) == [], prefix


OLD_FILING = """<SEC-DOCUMENT>0000000000-03-000001.txt : 20031030
<DOCUMENT>
<TYPE>EX-99
<SEQUENCE>2
<TEXT>
                                                                    EXHIBIT 99

             ACME SPRINGS REPORTS THIRD QUARTER RESULTS

    SPRINGFIELD, Oct. 30, 2003 -- Acme Springs Inc. today reported results for the
quarter, with sales up on stronger demand for coil products across every region.

                            ACME SPRINGS INC.
                 CONSOLIDATED STATEMENTS OF OPERATIONS
                 (In thousands, except per share data)
<TABLE>
<CAPTION>
                                             Three Months Ended
                                                September 30,
                                           -----------------------
                                              2003         2002
                                           ----------   ----------
<S>                                        <C>          <C>
Net sales ..............................   $  12,345    $  11,234
Cost of sales ..........................       8,001        7,654
                                           ----------   ----------
Gross profit ...........................       4,344        3,580
Operating expenses:
   Selling .............................       1,200        1,100
   Administrative ......................         900          950
                                           ----------   ----------
Net income (loss) ......................   $   2,244    $  (1,470)
                                           ==========   ==========
</TABLE>
<PAGE>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_old_text_filing_with_sgml_table_tags_rules_and_leaders(tmp_path: Path):
    path = tmp_path / "0000000000-03-000001.txt"
    path.write_text(OLD_FILING)
    [table] = extract_text_tables(read_document(path).lines)
    assert table.title == "CONSOLIDATED STATEMENTS OF OPERATIONS"
    assert table.units == "In thousands, except per share data"
    assert table.header_rows == [
        ["", "Three Months Ended", ""], ["", "September 30,", ""], ["", "2003", "2002"],
    ]
    assert table.rows == [
        ["Net sales", "$ 12,345", "$ 11,234"],
        ["Cost of sales", "8,001", "7,654"],
        ["Gross profit", "4,344", "3,580"],
        ["Operating expenses:", "", ""],
        ["Selling", "1,200", "1,100"],
        ["Administrative", "900", "950"],
        ["Net income (loss)", "$ 2,244", "$ (1,470)"],
    ]
    assert table.values[-1] == [None, 2244.0, -1470.0]


def test_preformatted_html_keeps_its_columns(tmp_path: Path):
    path = tmp_path / "release.htm"
    path.write_text(
        "<html><body><p>Results follow.</p><pre>\n"
        "                         2031        2030\n"
        "Revenue              $  1,200    $  1,000\n"
        "Net income                300         250\n"
        "</pre></body></html>"
    )
    [table] = extract_text_tables(read_document(path).lines)
    assert table.header_rows == [["", "2031", "2030"]]
    assert table.rows == [["Revenue", "$ 1,200", "$ 1,000"], ["Net income", "300", "250"]]


NUMBERED_FORM = """
1.  Name of the fund filing this notice and the year for which it is made
    Example Growth Fund
________________________________________________________________________________

4.  Number and price of units sold during the year:

        1,234,567                               $45,678,901
________________________________________________________________________________

5.  Number and price of units sold in reliance upon the exemption
in the rule stated above:

         1,234,567                                   $45,678,901
________________________________________________________________________________

6.  Number and price of units issued under the reinvestment plan, if any
(see the instructions):

         98,765                                   $1,234,567
"""


def test_numbered_form_items_with_amounts_are_not_a_table():
    assert extract_text_tables(lines_of(NUMBERED_FORM)) == []


PIPE_TABLES = """
Acme presented results at the annual meeting of the society.

## Key results at week 12

| Endpoint | Widgetol (n=40) | Placebo (n=41) |
| --- | ---: | ---: |
| Change in score | -7.5 | -2.0 |
| **Responders** | 45% | 20% |
| Serious adverse events | 2.5% | — |

## Study design

| Design | Randomized, double-blind |
| --- | --- |
| Duration | 52 weeks |
| Sites | About 40 sites |
"""


def test_markdown_pipe_table_with_numbers_is_a_table_titled_by_its_heading():
    [table] = extract_text_tables(lines_of(PIPE_TABLES))
    assert table.title == "Key results at week 12"
    assert table.units is None
    assert table.header_rows == [["Endpoint", "Widgetol (n=40)", "Placebo (n=41)"]]
    assert table.rows == [
        ["Change in score", "-7.5", "-2.0"],
        ["Responders", "45%", "20%"],
        ["Serious adverse events", "2.5%", "—"],
    ]
    assert table.values == [[None, -7.5, -2.0], [None, 45.0, 20.0], [None, 2.5, None]]


def test_pipe_rows_without_a_separator_row_are_no_table():
    text = "| Revenue | 1,200 | 900 |\n| Net loss | (300) | (450) |\n| Cash | 41 | 35 |\n"
    assert extract_text_tables(lines_of(text)) == []


ALIGNED_TITLE_UNITS = """
The quarter was strong across all regions, said the chief executive officer of the company.

        CONDENSED STATEMENTS OF OPERATIONS (in thousands)

                                     2031           2030
Revenue                          $ 1,010        $   950
Cost of revenue                      600            580
Net income                           410            370
"""


def test_units_on_a_text_title_line_go_to_units():
    [table] = extract_text_tables(lines_of(ALIGNED_TITLE_UNITS))
    assert table.title == "CONDENSED STATEMENTS OF OPERATIONS"
    assert table.units == "in thousands"
