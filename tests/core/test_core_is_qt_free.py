"""The core and the CLI must never pull in Qt (the GUI sits on top of them)."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
IMPORT_QT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)", re.MULTILINE)


def test_core_and_cli_import_without_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib, irviewer.core, irviewer.cli\n"
        "for m in pkgutil.walk_packages(irviewer.core.__path__, 'irviewer.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == ""


def test_no_pyside6_import_statement_under_core() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "irviewer" / "core").rglob("*.py")
        if IMPORT_QT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
