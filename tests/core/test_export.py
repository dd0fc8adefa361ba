"""Table export: exact CSV bytes, formula neutralisation, XLSX cell types, clipboard TSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from irviewer.core.export import (
    export_tables_csv,
    neutralise,
    number_format,
    safe_name,
    sheet_title,
    table_to_tsv,
    write_table_csv,
    write_xlsx,
)
from irviewer.core.records import FinancialTable

TABLE = FinancialTable(
    title="Condensed Statements: Operations",
    units="(in thousands, except per share)",
    header_rows=[["", "Q1 2024", "Q1 2023"]],
    rows=[
        ["Revenue", "$ 1,234", "1,099"],
        ["Net loss", "(1,099)", "-"],
        ['=HYPERLINK("x")', "-1,099", "12.5%"],
        ['Note, with "quotes"', "n/a"],
    ],
    values=[
        [None, 1234.0, 1099.0],
        [None, -1099.0, None],
        [None, -1099.0, 12.5],
        [None, None],
    ],
    page=2,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r1", "'\r1"),
        ("-1,099", "-1,099"),
        ("-", "-"),
        ("--", "--"),
        ("(1,099)", "(1,099)"),
        ("-12.5%", "-12.5%"),
        ("+5%", "+5%"),
        ("-$1,234.50", "-$1,234.50"),
        ("- 7", "- 7"),
        ("Revenue", "Revenue"),
        ("", ""),
        ("1-2", "1-2"),
        ("-Infinity", "'-Infinity"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_csv_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_table_csv(TABLE, path)
    assert path.read_bytes() == (
        b",Q1 2024,Q1 2023\r\n"
        b'Revenue,"$ 1,234","1,099"\r\n'
        b'Net loss,"(1,099)",-\r\n'
        b'"\'=HYPERLINK(""x"")","-1,099",12.5%\r\n'
        b'"Note, with ""quotes""",n/a,\r\n'
    )


def test_csv_is_utf8_without_bom_and_follows_row_order(tmp_path: Path) -> None:
    table = FinancialTable(
        "Caf\u00e9",
        None,
        [["Ligne", "\u20ac"]],
        [["a", "1"], ["b", "2"]],
        [[None, 1.0], [None, 2.0]],
    )
    path = tmp_path / "o.csv"
    write_table_csv(table, path, row_order=[1, 0])
    assert path.read_bytes() == "Ligne,\u20ac\r\nb,2\r\na,1\r\n".encode()
    with pytest.raises(ValueError, match="do not exist"):
        write_table_csv(table, path, row_order=[2])


def test_export_tables_csv_names_files_safely(tmp_path: Path) -> None:
    untitled = FinancialTable(None, None, [], [["x", "1"]], [[None, 1.0]])
    paths = export_tables_csv([TABLE, untitled], tmp_path / "out", stem="release 12")
    assert [p.name for p in paths] == [
        "release-12-01-condensed-statements-operations.csv",
        "release-12-02.csv",
    ]
    assert paths[1].read_text(encoding="utf-8") == "x,1\n"  # universal newlines on read


def test_safe_name() -> None:
    assert safe_name("Résumé / Q1: ‘Net’ (loss)") == "resume-q1-net-loss"
    assert safe_name(None) == "" and safe_name("***") == ""
    assert len(safe_name("x" * 500)) == 60


def test_xlsx_stores_numbers_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_xlsx([TABLE], path)
    wb = load_workbook(path)
    ws = wb.active
    assert ws.title == "1 Condensed Statements Operatio"
    assert ws["A1"].value == "Condensed Statements: Operations" and ws["A1"].font.bold
    assert ws["A2"].value == "(in thousands, except per share)"
    assert [c.value for c in ws[4]] == [None, "Q1 2024", "Q1 2023"]
    assert ws["B4"].font.bold
    assert [c.value for c in ws[5]] == ["Revenue", 1234, 1099]
    assert ws["B5"].data_type == "n" and ws["B5"].number_format == '"$"#,##0'
    assert [c.value for c in ws[6]] == ["Net loss", -1099, "-"]
    assert ws["B6"].number_format == "#,##0;(#,##0)"
    assert ws["A7"].value == '=HYPERLINK("x")' and ws["A7"].data_type == "s"
    assert ws["C7"].value == 12.5 and ws["C7"].number_format == '0.0"%"'
    assert [c.value for c in ws[8]] == ['Note, with "quotes"', "n/a", None]
    assert ws.freeze_panes == "A5"


def test_xlsx_sheets_and_row_order(tmp_path: Path) -> None:
    same = FinancialTable(
        "Same title", None, [], [["a", "1"], ["b", "2"]], [[None, 1.0], [None, 2.0]]
    )
    path = tmp_path / "many.xlsx"
    write_xlsx([same, same, FinancialTable(None, None, [], [], [])], path)
    assert load_workbook(path).sheetnames == ["1 Same title", "2 Same title", "Table 3"]
    write_xlsx([same], path, row_order=[1, 0])
    ws = load_workbook(path).active
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=3)] == [["b", 2], ["a", 1]]
    with pytest.raises(ValueError, match="single table"):
        write_xlsx([same, same], path, row_order=[0, 1])


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    first = sheet_title("A/B [draft]: *results*? " + "x" * 40, 1, taken)
    assert len(first) == 31 and not set("[]:*?/\\") & set(first)
    assert sheet_title("History", 9, set()) == "9 History"
    taken2 = {"Table 1"}
    assert sheet_title(None, 1, taken2) == "Table 1 (2)"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("1,234", "#,##0"),
        ("12.50", "0.00"),
        ("(3.1)", "0.0;(0.0)"),
        ("$ 5", '"$"0'),
        ("7%", '0"%"'),
        ("1,234.5", "#,##0.0"),
    ],
)
def test_number_format(text: str, fmt: str) -> None:
    assert number_format(text) == fmt


def test_table_to_tsv() -> None:
    assert table_to_tsv([["a", "b\tc"], ["line\nbreak", ""], []]) == "a\tb c\nline break\t\n"
