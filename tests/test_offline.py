"""Offline: importing, viewing and exporting never attempt a network connection.

Three guards watch for any attempt, and each attempt is recorded (and refused):
- ``socket.socket.connect``/``connect_ex``, ``socket.create_connection`` and the name
  look-ups (``getaddrinfo``, ``gethostbyname``) are replaced by functions that record the
  call and raise;
- an audit hook catches the same events below those names (code holding a direct reference,
  C extensions going through the socket module);
- the parser processes that an import spawns load a ``sitecustomize`` with the same audit
  hook, writing what it catches to a file.
The files imported are built to tempt a fetch: an HTML page with remote scripts, styles,
frames and images, and PDFs, which the window then renders (reader, tables, QtPdf).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from irviewer.core import export, importer
from irviewer.core.importer import import_paths
from irviewer.core.store import Store
from tests.fixtures.bad_corpus import REMOTE, SCRIPT_MARKER, scripts_html
from tests.fixtures.bad_inputs import good_pdf_lines, write_good_releases, write_pdf

pytest.importorskip("pytestqt")

_NET_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "socket.sendto",
    "urllib.Request",
}
_INET = {socket.AF_INET, socket.AF_INET6}
_attempts: list[str] | None = None  # the audit hook records here while a test runs


def _is_network(event: str, args: tuple[Any, ...]) -> bool:
    if event not in _NET_EVENTS:
        return False
    if event in ("socket.connect", "socket.sendto") and args:
        return getattr(args[0], "family", None) in _INET  # local (AF_UNIX) sockets are fine
    return True


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _attempts is not None and _is_network(event, args):
        _attempts.append(f"{event} {args[1:]!r}")
        raise OSError("network access attempted in an offline test")


_hook_installed = False

_SITECUSTOMIZE = '''
"""Installed by tests/test_offline.py in the parser processes: record network attempts."""
import os, socket, sys

_LOG = os.environ.get("IRVIEWER_OFFLINE_LOG")
_EVENTS = {events!r}
_INET = {{socket.AF_INET, socket.AF_INET6}}


def _audit(event, args):
    if event not in _EVENTS:
        return
    if event in ("socket.connect", "socket.sendto") and args:
        if getattr(args[0], "family", None) not in _INET:
            return
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"attempt {{os.getpid()}} {{event}} {{args[1:]!r}}\\n")
    raise OSError("network access attempted in an offline test")


if _LOG:
    sys.addaudithook(_audit)
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"armed {{os.getpid()}}\\n")
'''


class Guard:
    """What the guards saw: calls of the patched functions, audit events, worker reports."""

    def __init__(self, log: Path) -> None:
        self.calls: list[str] = []
        self.log = log

    def worker_lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def attempts(self) -> list[str]:
        assert _attempts is not None
        spawned = [line for line in self.worker_lines() if line.startswith("attempt")]
        return self.calls + _attempts + spawned

    def armed_workers(self) -> set[str]:
        return {line.split()[1] for line in self.worker_lines() if line.startswith("armed")}


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Guard]:
    global _attempts, _hook_installed
    if not _hook_installed:  # hooks cannot be removed: it records only while _attempts is set
        sys.addaudithook(_audit)
        _hook_installed = True
    site = tmp_path / "offline-site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        textwrap.dedent(_SITECUSTOMIZE.format(events=sorted(_NET_EVENTS))), encoding="utf-8"
    )
    guard = Guard(tmp_path / "offline-workers.log")
    monkeypatch.setenv("IRVIEWER_OFFLINE_LOG", str(guard.log))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    )

    def refuse(name: str):  # noqa: ANN202
        def refused(*args: object, **kwargs: object) -> None:
            guard.calls.append(f"{name}{args!r}")
            raise OSError(f"{name} called in an offline test")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("socket.gethostbyname"))
    _attempts = []
    try:
        yield guard
    finally:
        _attempts = None


def test_the_guards_catch_an_attempt(offline: Guard) -> None:
    """The guards are live: a plain connection attempt is refused and recorded."""
    with pytest.raises(OSError):
        socket.create_connection(("tracker.example", 80), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("tracker.example", 443)
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError):
            socket.socket.connect(raw, ("192.0.2.1", 9))  # the patched method
        with pytest.raises(OSError):
            super(socket.socket, raw).connect(("192.0.2.1", 9))  # below it: the audit hook
    finally:
        raw.close()
    assert len(offline.attempts()) == 4


DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"


def _inputs(folder: Path) -> None:
    """Files that tempt a fetch, a results PDF with tables (the demo's), and plain releases."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "remote_content.html").write_text(scripts_html(), encoding="utf-8")
    results = sorted(DEMO.glob("*results.pdf"))
    if not results:
        pytest.skip(f"no results PDF in {DEMO}")
    shutil.copy(results[0], folder / "statement.pdf")
    write_pdf(folder / "release.pdf", good_pdf_lines(21))
    write_good_releases(folder / "text", 2)


def test_import_view_and_export_stay_offline(
    qtbot, tmp_path: Path, offline: Guard, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gui.factories import (
        make_paths,
        make_window,
        open_and_wait,
        select_and_wait,
        wait_import,
    )

    folder = tmp_path / "incoming"
    _inputs(folder)
    paths = make_paths(tmp_path)
    # Import in this process (every parser runs under the patched socket module) ...
    with Store.open(paths.user_library) as store:
        report = import_paths(store, [folder / "remote_content.html", folder / "text"], workers=0)
        assert (len(report.imported), report.failed) == (3, [])
    window = make_window(qtbot, paths)
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, paths.user_library)
    # ... and from the window, in spawned parser processes (PDFs always go to workers).
    worker_pids: set[str] = set()
    start_worker = importer._Worker.__init__

    def recording_start(self: importer._Worker, ctx: Any) -> None:
        start_worker(self, ctx)
        worker_pids.add(str(self.proc.pid))

    monkeypatch.setattr(importer._Worker, "__init__", recording_start)
    window.start_import([folder])
    report = wait_import(qtbot, window)
    assert (len(report.imported), report.duplicates, report.failed) == (2, 3, [])
    assert worker_pids and worker_pids <= offline.armed_workers(), "a parser was not watched"
    # The timeline reloads and keeps its selection; let the reload settle.
    qtbot.waitUntil(lambda: window.reader.release_id is not None, timeout=10_000)
    qtbot.wait(300)

    with Store.open(paths.user_library) as store:
        ids = store.ids()
        formats = {rid: store.summary(rid).format for rid in ids}
    assert sorted(formats.values()) == ["html", "pdf", "pdf", "text", "text"]
    exported = tmp_path / "exported"
    for rid in ids:
        if window.reader.release_id != rid:
            select_and_wait(qtbot, window, rid)
        for tab in range(window.tabs.count()):  # reader, tables, original
            window.tabs.setCurrentIndex(tab)
            qtbot.wait(20)
        assert window.original.mode == ("pdf" if formats[rid] == "pdf" else "text")
        text = window.reader.toPlainText()
        assert SCRIPT_MARKER not in text and REMOTE not in text
        tables = window.stored.document.tables
        if tables:
            window.tables.export_table_csv(0, exported / f"{rid}.csv")
            window.tables.export_all_csv(exported / f"{rid}-all")
            window.tables.export_xlsx(exported / f"{rid}.xlsx")
            export.table_to_tsv(tables[0].rows)
    window.tabs.setCurrentIndex(2)
    qtbot.wait(200)  # let QtPdf render pages of the last PDF
    window.close()
    assert list(exported.glob("*.xlsx")), "no release with a table was exported"
    assert offline.attempts() == []
    assert not _open_inet_sockets(), "a network socket is open"


def _open_inet_sockets() -> list[str]:
    """Internet sockets this process holds, from /proc (Linux); [] elsewhere."""
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        return []
    inodes = set()
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9 and fields[9] in inodes:
                found.append(f"{table} {fields[1]} -> {fields[2]}")
    return found
