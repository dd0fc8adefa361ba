"""The library commands of the CLI, through irviewer.cli.main with a temporary --library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irviewer.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from irviewer.core.store import Store
from tests.fixtures.bad_inputs import (
    MARKER,
    synthetic_document,
    write_bad_inputs,
    write_good_releases,
)

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "lib" / "library.sqlite"


def _run(capsys: Capture, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_reimport(tmp_path: Path, library: Path, capsys: Capture) -> None:
    write_good_releases(tmp_path / "in", 3)
    code, out, _ = _run(capsys, "import", tmp_path / "in", "--library", library, "--quiet")
    assert code == EXIT_OK
    assert out.splitlines() == ["imported 3, duplicates 0, failed 0"]
    code, out, _ = _run(capsys, "import", tmp_path / "in", "--library", library)
    assert (code, out.splitlines()) == (EXIT_OK, ["imported 0, duplicates 3, failed 0"])


def test_import_where_every_file_fails_exits_1(
    tmp_path: Path, library: Path, capsys: Capture
) -> None:
    paths = write_bad_inputs(tmp_path / "bad")
    code, out, _ = _run(
        capsys, "import", paths["empty.txt"], paths["password.pdf"], "--library", library
    )
    assert code == EXIT_FAILED
    lines = out.splitlines()
    assert lines[0] == "imported 0, duplicates 0, failed 2"
    assert lines[1] == f"  failed: {paths['empty.txt'].resolve()}: empty file"
    assert lines[2] == f"  failed: {paths['password.pdf'].resolve()}: password-protected PDF"


def test_import_with_some_failures_exits_0(tmp_path: Path, library: Path, capsys: Capture) -> None:
    write_good_releases(tmp_path / "in", 1)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    code, out, _ = _run(capsys, "import", tmp_path / "in", "--library", library)
    assert code == EXIT_OK
    assert out.splitlines()[0] == "imported 1, duplicates 0, failed 1"


def test_import_usage_errors_exit_2(tmp_path: Path, library: Path, capsys: Capture) -> None:
    code, _, err = _run(capsys, "import", tmp_path / "missing", "--library", library)
    assert code == EXIT_USAGE and "no such file or folder" in err
    assert _run(capsys, "import", "--library", library)[0] == EXIT_USAGE
    assert (
        _run(capsys, "import", tmp_path, "--timeout", "-1", "--library", library)[0] == EXIT_USAGE
    )
    assert _run(capsys, "list", "--kind", "rumour", "--library", library)[0] == EXIT_USAGE
    assert _run(capsys, "show", "seven", "--library", library)[0] == EXIT_USAGE


def test_import_of_a_folder_with_nothing_to_import_exits_1(
    tmp_path: Path, library: Path, capsys: Capture
) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _run(capsys, "import", tmp_path / "empty", "--library", library)
    assert code == EXIT_FAILED and "no supported files found" in err


@pytest.fixture
def filled(library: Path) -> dict[str, int]:
    with Store.open(library) as store:
        ids = {
            "old": store.add(synthetic_document(0, kind="clinical")).id,
            "new": store.add(synthetic_document(3)).id,
            "undated": store.add(synthetic_document(1, date=None, headline=None)).id,
        }
        store.set_correction(ids["old"], "kind", "deal")
    return ids


def test_list_newest_first(library: Path, filled: dict[str, int], capsys: Capture) -> None:
    code, out, _ = _run(capsys, "list", "--library", library)
    assert code == EXIT_OK
    assert out.splitlines() == [
        f"{filled['new']:>6}  2023-04-13  earnings    Quillfeather Instruments, Inc. Reports Q4 2023 "
        "Results and an Investor Day",
        f"{filled['old']:>6}* 2020-01-10  deal        Quillfeather Instruments, Inc. Reports Q1 2020 "
        "Results and a New Spectrometer",
        f"{filled['undated']:>6}  undated     earnings    (no headline)",
    ]
    code, out, _ = _run(capsys, "--library", library, "list", "--kind", "deal", "--limit", "5")
    assert [int(line.split()[0].rstrip("*")) for line in out.splitlines()] == [filled["old"]]


def test_search_prints_hits_with_brackets(
    library: Path, filled: dict[str, int], capsys: Capture
) -> None:
    code, out, _ = _run(capsys, "search", "investor", "day", "--library", library)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0].startswith(f"{filled['new']:>6}  2023-04-13")
    assert "[Investor]" in lines[1] and "[Day]" in lines[1]
    code, out, _ = _run(capsys, "search", MARKER, "--limit", "1", "--library", library)
    assert len(out.splitlines()) == 2
    code, out, _ = _run(capsys, "search", "*", ":", "(", "AND", "--library", library)
    assert (code, out) == (EXIT_OK, "no matches\n")


def test_show_text_and_json(library: Path, filled: dict[str, int], capsys: Capture) -> None:
    code, out, _ = _run(capsys, "show", filled["old"], "--library", library)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert (
        lines[0] == "Quillfeather Instruments, Inc. Reports Q1 2020 Results and a New Spectrometer"
    )
    assert "date: 2020-01-10   kind: deal   ticker: NASDAQ: QFI" in lines
    assert "  table: Condensed Statements of Operations - 2 rows" in lines
    code, out, _ = _run(capsys, "show", filled["old"], "--json", "--library", library)
    data = json.loads(out)
    assert (data["id"], data["kind"], data["corrections"]) == (
        filled["old"],
        "deal",
        {"kind": "deal"},
    )
    assert data["tables"][0]["rows"][1] == ["Net loss", "(1,099)", "-"]
    code, _, err = _run(capsys, "show", 999, "--library", library)
    assert (code, err) == (EXIT_FAILED, "no release with id 999\n")


def test_export_csv_and_xlsx(
    tmp_path: Path, library: Path, filled: dict[str, int], capsys: Capture
) -> None:
    out_dir = tmp_path / "csv"
    xlsx = tmp_path / "x" / "tables.xlsx"
    code, out, _ = _run(
        capsys, "export", filled["new"], "--csv", out_dir, "--xlsx", xlsx, "--library", library
    )
    assert code == EXIT_OK
    csv_path = out_dir / f"release-{filled['new']}-01-condensed-statements-of-operations.csv"
    assert out.splitlines() == [str(csv_path), str(xlsx)]
    assert csv_path.read_bytes() == (
        b',Q4 2023,Q4 2022\r\nRevenue,"13,234","1,099"\r\nNet loss,"(1,099)",-\r\n'
    )
    assert xlsx.is_file()
    assert _run(capsys, "export", filled["new"], "--library", library)[0] == EXIT_USAGE
    assert _run(capsys, "export", 999, "--csv", out_dir, "--library", library)[0] == EXIT_FAILED


def test_a_file_that_is_not_a_library_is_reported(tmp_path: Path, capsys: Capture) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"definitely not sqlite" * 50)
    code, _, err = _run(capsys, "list", "--library", bogus)
    assert code == EXIT_FAILED and err.startswith("library error: ")
