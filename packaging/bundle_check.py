"""Smoke test of what the frozen bundle ships: run as ``IRVIEWER_BUNDLE_CHECK=1 irviewer``.

Each check loads something the app needs at run time but that a too-eager spec could leave out
(Qt plugins, QtPdf, data modules, native libraries, worker processes) and prints one line.
Exit 0 when all pass, 1 otherwise. Runs offscreen and needs no network.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path


def _bundle_root() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _demo_pdf() -> Path:
    from irviewer.paths import demo_dir

    pdfs = sorted(demo_dir().glob("*.pdf"))
    if not pdfs:
        raise AssertionError(f"no demo PDF in {demo_dir()}")
    return pdfs[0]


def check_frozen() -> str:
    assert getattr(sys, "frozen", False), "not running from a frozen bundle"
    return f"frozen, bundle at {_bundle_root()}"


def check_platform() -> str:
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    return f"Qt {qVersion()} on the {QGuiApplication.platformName()!r} platform plugin"


def check_resources() -> str:
    from irviewer.gui.library import demo_files
    from irviewer.paths import demo_dir, resources_dir

    assert _inside(resources_dir(), _bundle_root()), f"resources at {resources_dir()}"
    demo = demo_files(demo_dir())
    assert len(demo) >= 5, f"only {len(demo)} demo files in {demo_dir()}"
    icons = resources_dir() / "icons"
    for name in ("app.svg", "irviewer-256.png"):
        assert (icons / name).is_file(), f"{name} missing from {icons}"
    return f"{len(demo)} demo files, icons present"


def check_qt_svg() -> str:
    from PySide6.QtCore import QSize

    from irviewer.gui import icons

    icon = icons.app_icon()
    pixmap = icon.pixmap(QSize(64, 64))
    assert not pixmap.isNull(), "the app icon renders empty (QtSvg missing?)"
    image = pixmap.toImage()
    assert image.pixelColor(32, 32).alpha() > 0, "the app icon has no pixels"
    return "QtSvg renders the app icon"


def check_qt_pdf() -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    path = _demo_pdf()
    view = QPdfView()
    document = QPdfDocument(view)  # owned by the view, deleted with it
    error = document.load(str(path))
    assert error == QPdfDocument.Error.None_, f"QPdfDocument.load({path.name}) -> {error}"
    pages = document.pageCount()
    assert pages > 0, f"{path.name} has no pages in QtPdf"
    image = document.render(0, QSize(300, 400))
    assert not image.isNull(), "QtPdf rendered an empty page"
    inked = any(
        image.pixelColor(x, y).lightness() < 128 for x in range(0, 300, 3) for y in range(0, 400, 3)
    )
    assert inked, "QtPdf rendered a blank page"
    view.setDocument(document)
    view.resize(400, 500)
    view.show()
    view.close()
    view.deleteLater()
    return f"QtPdf loads and renders {path.name} ({pages} pages); QPdfView works"


def check_parse_pdf() -> str:
    from irviewer.core.pipeline import parse_file

    path = _demo_pdf()
    doc = parse_file(path)
    assert doc.headline, f"no headline parsed from {path.name}"
    assert doc.tables, f"no tables parsed from {path.name} (pdfplumber?)"
    return f"pypdfium2 + pdfplumber parse {path.name}: {len(doc.tables)} tables"


def check_phonenumbers() -> str:
    import phonenumbers

    numbers = ("+1 617 555 0100", "+44 20 7946 0958", "+49 30 901820", "+81 3-1234-5678")
    regions = []
    for text in numbers:
        parsed = phonenumbers.parse(text, None)
        region = phonenumbers.region_code_for_number(parsed)
        assert region, f"no region for {text} (phonenumbers data missing?)"
        regions.append(region)
    return "phonenumbers metadata: " + ", ".join(regions)


def check_sqlite() -> str:
    from irviewer.core.store import Store

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    conn.close()
    with Store.memory() as store:
        count = store.count()
    assert count == 0
    return f"SQLite {sqlite3.sqlite_version} with FTS5 (trigram); an empty library opens"


def check_xlsx() -> str:
    from openpyxl import Workbook, load_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.xlsx"
        book = Workbook()
        book.active.append(["Revenue", 1.5])
        book.save(path)
        value = load_workbook(path).active["B1"].value
    assert value == 1.5, f"XLSX round trip gave {value!r}"
    return "openpyxl writes and reads XLSX"


def _child_answer(conn) -> None:  # noqa: ANN001 - a multiprocessing Connection
    conn.send(os.getpid())
    conn.close()


def check_worker_process() -> str:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_child_answer, args=(child,), daemon=True)
    proc.start()
    child.close()
    try:
        assert parent.poll(60), "a spawned worker process did not answer in 60 s"
        pid = parent.recv()
    finally:
        proc.join(10)
        if proc.is_alive():
            proc.kill()
    assert proc.exitcode == 0, f"the worker exited with {proc.exitcode}"
    return f"spawned worker process {pid} ran and exited 0"


def check_data_paths() -> str:
    from PySide6.QtCore import QSettings

    from irviewer.paths import default_library_path, user_data_dir

    bundle = Path(sys.executable).resolve().parent
    settings = Path(
        QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "irviewer", "irviewer"
        ).fileName()
    )
    for what, path in (
        ("data folder", user_data_dir()),
        ("library", default_library_path()),
        ("settings", settings),
    ):
        for root in {bundle, _bundle_root()}:
            assert not _inside(path, root), f"the {what} {path} is inside the bundle {root}"
    return f"library {default_library_path()}, settings {settings}"


def check_no_network_module() -> str:
    try:
        import PySide6.QtNetwork  # noqa: F401
    except ImportError:
        return "QtNetwork is not in the bundle"
    raise AssertionError("QtNetwork is bundled, but the app never uses the network")


CHECKS: tuple[Callable[[], str], ...] = (
    check_frozen,
    check_platform,
    check_resources,
    check_qt_svg,
    check_qt_pdf,
    check_parse_pdf,
    check_phonenumbers,
    check_sqlite,
    check_xlsx,
    check_worker_process,
    check_data_paths,
    check_no_network_module,
)


def run_checks() -> int:
    """Run every check; one line each on stdout, 0 when all pass."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841
    failed = 0
    for check in CHECKS:
        name = check.__name__.removeprefix("check_")
        try:
            sys.stdout.write(f"ok    {name}: {check()}\n")
        except Exception as exc:
            failed += 1
            detail = str(exc) if isinstance(exc, AssertionError) else traceback.format_exc()
            sys.stdout.write(f"FAIL  {name}: {detail}\n")
        sys.stdout.flush()
    sys.stdout.write(f"bundle check: {len(CHECKS) - failed} passed, {failed} failed\n")
    return 1 if failed else 0
