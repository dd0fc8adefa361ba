"""Import files and folders into the library.

Files already in the library (same path, size and mtime, or the same content hash)
are counted as duplicates without being parsed. The rest are parsed in worker
processes (spawned, so safe beside Qt threads and on every platform) with a per-file
time limit: a worker that overruns is killed and replaced. Only the calling process
writes to the store, one transaction per file. A bad file is a line in the report;
the import goes on.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from irviewer.core.ingest.detect import SUPPORTED_SUFFIXES, sha256_of
from irviewer.core.prefs import DEFAULT_IMPORT_TIMEOUT_S
from irviewer.core.records import Document, ParseError

if TYPE_CHECKING:
    from irviewer.core.store import Store

log = logging.getLogger(__name__)

MAX_WORKERS = 4
# Imports this small (and with no PDF) parse in the calling process: no pool start-up.
SMALL_IMPORT_FILES = 4
SMALL_IMPORT_BYTES = 1_000_000
WORKER_START_TIMEOUT_S = 60.0
_POLL_S = 0.05
_MAX_REASON = 300

Progress = Callable[[int, int, Path | None], None]


@dataclass(frozen=True)
class ImportFailure:
    path: str
    reason: str  # a sentence for the user, never empty


@dataclass(frozen=True)
class ImportReport:
    imported: list[int] = field(default_factory=list)  # ids of the new releases
    duplicates: int = 0  # files whose content was already in the library
    failed: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0  # files considered (supported files found, plus named files that failed)


# -- finding files ------------------------------------------------------------------------


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files among ``paths`` and, recursively, inside the folders among them.

    Hidden files and folders (name starting with '.') inside folders are skipped;
    missing paths are ignored. The result is absolute, de-duplicated and sorted.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_file():
            if _supported(path):
                found.add(path.resolve())
        elif path.is_dir():
            for root, dirs, files in os.walk(path, onerror=_walk_error):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    candidate = Path(root) / name
                    if not name.startswith(".") and _supported(candidate) and candidate.is_file():
                        found.add(candidate.resolve())
    return sorted(found, key=lambda p: str(p))


def _walk_error(exc: OSError) -> None:
    log.warning("cannot list %s: %s", exc.filename, exc.strerror or exc)


# -- parsing (runs in workers, or in-process for small imports) ---------------------------


def failure_reason(exc: BaseException) -> str:
    """A short sentence for the user, whatever was raised while parsing."""
    if isinstance(exc, ParseError):
        text = str(exc).strip() or "the file could not be read"
    elif isinstance(exc, MemoryError):
        text = "ran out of memory (too large or damaged?)"
    elif isinstance(exc, RecursionError):
        text = "too deeply nested to read (damaged?)"
    else:
        detail = " ".join(str(exc).split())
        name = type(exc).__name__
        text = f"unexpected error while reading ({name}{': ' + detail if detail else ''})"
    text = " ".join(text.split())
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 1] + "…"


def parse_safely(path: Path) -> tuple[bool, Document | str]:
    """(True, document) or (False, reason): every exception becomes a reason."""
    try:
        from irviewer.core.pipeline import parse_file

        return True, parse_file(path)
    except (Exception, SystemExit) as exc:
        if not isinstance(exc, ParseError):
            log.debug("parsing %s failed", path, exc_info=True)
        return False, failure_reason(exc)


def _worker_main(conn: Connection) -> None:
    """A parser process: announce readiness, then parse paths until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    import irviewer.core.pipeline  # noqa: F401 - load the parsers before saying ready

    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task, path = message
        ok, payload = parse_safely(Path(path))
        try:
            conn.send((task, ok, payload))
        except Exception as exc:  # e.g. a result that cannot be pickled
            conn.send((task, False, f"could not pass the result back ({failure_reason(exc)})"))


class _PoolBrokenError(Exception):
    """Worker processes cannot start here; parse in-process instead."""


class _Worker:
    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
        try:
            self.proc.start()
        except Exception as exc:  # no processes here (sandbox, frozen app without support)
            self.conn.close()
            reason = failure_reason(exc)
            raise _PoolBrokenError(f"cannot start a parser process ({reason})") from exc
        finally:
            child.close()
        self.started = time.monotonic()
        self.ready = False
        self.job: _Job | None = None
        self.job_started = 0.0

    def send(self, job: _Job) -> None:
        self.job, self.job_started = job, time.monotonic()
        with contextlib.suppress(OSError):  # a dead worker shows up as EOF on its pipe
            self.conn.send((id(job), str(job.path)))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(2)
        self.kill()

    def crash_reason(self) -> str:
        self.proc.join(1)
        code = self.proc.exitcode
        return f"the reader crashed on this file (exit code {code}; damaged?)"


@dataclass
class _Job:
    path: Path
    size: int
    mtime: float
    sha: str


# -- the import ---------------------------------------------------------------------------


class _Run:
    """State of one import_paths call."""

    def __init__(
        self,
        store: Store,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.store = store
        self._progress = progress
        self._cancelled = cancelled or (lambda: False)
        self.imported: list[int] = []
        self.duplicates = 0
        self.failed: list[ImportFailure] = []
        self.was_cancelled = False
        self.total = 0
        self.done = 0
        self.copies: dict[str, list[_Job]] = {}  # same content met twice in this import

    def tick(self, path: Path | None) -> None:
        self.done += 1 if path is not None else 0
        if self._progress is not None:
            self._progress(self.done, self.total, path)

    def cancelled(self) -> bool:
        if not self.was_cancelled and self._cancelled():
            self.was_cancelled = True
        return self.was_cancelled

    def fail(self, path: Path | str, reason: str) -> None:
        self.failed.append(ImportFailure(str(path), reason or "the file could not be read"))

    def triage(self, files: list[Path]) -> list[_Job]:
        """Skip known files and known content (no parsing); return the files to parse."""
        todo: list[_Job] = []
        first: dict[str, _Job] = {}
        for path in files:
            if self.cancelled():
                break
            try:
                stat = path.stat()
                known = self.store.known_file(str(path), stat.st_size, stat.st_mtime)
                if known is None:
                    sha = sha256_of(path)
                    known = self.store.id_for_sha(sha)
                    if known is not None:
                        self.store.record_file(str(path), stat.st_size, stat.st_mtime, known)
            except OSError as exc:
                self.fail(path, f"cannot read the file: {exc.strerror or exc}")
                self.tick(path)
                continue
            if known is not None:
                self.duplicates += 1
                self.tick(path)
                continue
            job = _Job(path, stat.st_size, stat.st_mtime, sha)
            if sha in first:
                self.copies.setdefault(sha, []).append(job)
            else:
                first[sha] = job
                todo.append(job)
        return todo

    def finish(self, job: _Job, ok: bool, payload: Document | str) -> None:
        """Store one parsed file (or record its failure), and settle its copies."""
        copies = self.copies.pop(job.sha, [])
        if ok:
            assert isinstance(payload, Document)
            try:
                result = self.store.add(payload, mtime=job.mtime)
            except Exception as exc:
                log.exception("saving %s failed", job.path)
                ok, payload = False, f"could not be saved to the library ({failure_reason(exc)})"
            else:
                if result.added:
                    self.imported.append(result.id)
                else:
                    self.duplicates += 1
                for copy in copies:
                    self.store.record_file(str(copy.path), copy.size, copy.mtime, result.id)
                    self.duplicates += 1
        if not ok:
            for one in (job, *copies):
                self.fail(one.path, str(payload))
        for one in (job, *copies):
            self.tick(one.path)

    def report(self) -> ImportReport:
        return ImportReport(
            list(self.imported), self.duplicates, list(self.failed), self.was_cancelled, self.total
        )

    # -- parsing strategies

    def parse_in_process(self, jobs: Iterable[_Job]) -> None:
        for job in jobs:
            if self.cancelled():
                return
            ok, payload = parse_safely(job.path)
            self.finish(job, ok, payload)

    def parse_in_workers(self, jobs: list[_Job], n_workers: int, timeout: float) -> None:
        queue = deque(jobs)
        ctx = multiprocessing.get_context("spawn")
        workers: list[_Worker] = []
        try:
            workers = [_Worker(ctx) for _ in range(n_workers)]
            while queue or any(w.job for w in workers):
                if self.cancelled():
                    return
                for w in workers:
                    if w.ready and w.job is None and queue:
                        w.send(queue.popleft())
                lost: list[_Worker] = []
                for conn in wait([w.conn for w in workers], timeout=_POLL_S):
                    w = next(w for w in workers if w.conn is conn)
                    if not self._receive(w):
                        lost.append(w)
                now = time.monotonic()
                for w in workers:
                    if w.job is not None and now - w.job_started > timeout:
                        job = w.job
                        w.kill()
                        lost.append(w)
                        reason = f"took longer than {timeout:g} s (too large or damaged?)"
                        self.finish(job, False, reason)
                    elif not w.ready and now - w.started > WORKER_START_TIMEOUT_S:
                        raise _PoolBrokenError("a parser process did not start in time")
                # Replace killed or crashed workers only while there is work left for them.
                workers = [w for w in workers if w not in lost]
                workers += [_Worker(ctx) for _ in lost[: len(queue)]]
        except _PoolBrokenError as exc:
            log.warning("%s; parsing in this process instead", exc)
            pending = [w.job for w in workers if w.job is not None] + list(queue)
            for w in workers:
                w.kill()
            workers = []
            self.parse_in_process(pending)
        finally:
            for w in workers:
                if self.was_cancelled or not w.ready:
                    w.kill()
                else:
                    w.stop()

    def _receive(self, w: _Worker) -> bool:
        """Handle one message from a worker; False when the worker is gone (crashed)."""
        try:
            message = w.conn.recv()
        except (EOFError, OSError):
            if not w.ready:
                raise _PoolBrokenError("a parser process stopped while starting") from None
            job, reason = w.job, w.crash_reason()
            w.kill()
            w.job = None
            if job is not None:
                self.finish(job, False, reason)
            return False
        if message == ("ready",):
            w.ready = True
            return True
        _task, ok, payload = message
        job, w.job = w.job, None
        if job is not None:
            self.finish(job, ok, payload)
        return True


def import_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    timeout: float | None = None,
) -> ImportReport:
    """Import files and folders (recursively) into ``store``.

    Args:
        progress: called as progress(done, total, path) after each file, and once
            with (0, total, None) before the first.
        cancelled: polled often; when it returns True the import stops promptly,
            keeping the files already stored.
        workers: parser processes (None: one per core, at most 4, and none for a few
            small text files; 0: parse in this process, with no time limit).
        timeout: seconds allowed per file (None: the preference default, 120 s).
    """
    limit = DEFAULT_IMPORT_TIMEOUT_S if timeout is None else float(timeout)
    run = _Run(store, progress, cancelled)
    files = collect_files(paths)
    named_bad: list[tuple[Path, str]] = []
    for given in map(Path, paths):
        if not given.exists():
            named_bad.append((given, "no such file or folder"))
        elif given.is_file() and not _supported(given):
            kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
            named_bad.append((given, f"not a supported file type (irviewer reads {kinds})"))
    run.total = len(files) + len(named_bad)
    run.tick(None)
    for path, reason in named_bad:
        run.fail(path, reason)
        run.tick(path)
    jobs = run.triage(files)
    if jobs and not run.cancelled():
        n = _worker_count(workers, len(jobs))
        if n == 0 or (workers is None and _is_small(jobs)):
            run.parse_in_process(jobs)
        else:
            run.parse_in_workers(jobs, n, limit)
    report = run.report()
    log.info(
        "import: %d new, %d duplicates, %d failed%s",
        len(report.imported),
        report.duplicates,
        len(report.failed),
        " (cancelled)" if report.cancelled else "",
    )
    return report


def _worker_count(requested: int | None, jobs: int) -> int:
    if requested is not None:
        return max(0, min(requested, jobs))
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS, jobs))


def _is_small(jobs: list[_Job]) -> bool:
    return (
        len(jobs) <= SMALL_IMPORT_FILES
        and sum(j.size for j in jobs) <= SMALL_IMPORT_BYTES
        and not any(j.path.suffix.lower() == ".pdf" for j in jobs)
    )
