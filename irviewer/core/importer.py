"""Import files and folders into the library.

Files already in the library (same path, size and mtime, or the same content hash)
are counted as duplicates without being parsed. The rest are parsed in worker
processes (spawned, so safe beside Qt threads and on every platform) with a per-file
time limit: a worker that overruns is killed and replaced. Only the calling process
writes to the store, a few parsed releases per transaction (each release whole; a kill
at any moment loses at most the releases not yet committed, which a re-run imports).
A bad file is a line in the report; the import goes on.

Where the time goes (text releases parse in a few ms each): the workers start while the
files are still being checked; a worker busy with a small file has the next small file
queued, so it never waits for the parent; parsed releases are stored in batches (one
commit and one full-text index flush per batch instead of per release). When another
program holds the library's write lock, a batch waits and tries again rather than fail.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from irviewer.core.import_workers import QUEUE_AHEAD_FILES, failure_reason, parse_safely
from irviewer.core.import_workers import Job as _Job
from irviewer.core.import_workers import PoolBrokenError as _PoolBrokenError
from irviewer.core.import_workers import Worker as _Worker
from irviewer.core.import_workers import dispatch as _dispatch
from irviewer.core.ingest.detect import SUPPORTED_SUFFIXES, sha256_of
from irviewer.core.prefs import DEFAULT_IMPORT_TIMEOUT_S
from irviewer.core.records import Document
from irviewer.core.store.connection import is_busy, is_read_only
from irviewer.core.store.records import AddResult, LibraryError

if TYPE_CHECKING:
    from irviewer.core.store import Store

log = logging.getLogger(__name__)

MAX_WORKERS = 4
# Imports this small (and with no PDF) parse in the calling process: no pool start-up.
SMALL_IMPORT_FILES = 4
SMALL_IMPORT_BYTES = 1_000_000
WORKER_START_TIMEOUT_S = 60.0
# Parsed releases wait for their transaction until there are this many, or for this long.
BATCH_RELEASES = 16
BATCH_DELAY_S = 0.2
# A store write that finds the library locked by another program tries again until then.
LOCK_WAIT_S = 120.0
_POLL_S = 0.05
_TRIAGE_SLICE_S = 0.01
_END = object()

Progress = Callable[[int, int, Path | None], None]
T = TypeVar("T")


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
        self.untriaged = 0  # files not checked yet
        self.parsed: list[tuple[_Job, Document]] = []  # waiting for their transaction
        self.parsed_since = 0.0

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

    # -- checking files (no parsing)

    def triage(self, files: list[Path]) -> Iterator[_Job | None]:
        """Skip known files and known content; yield the files to parse (and None after
        each file skipped, so that callers can share their time)."""
        first: dict[str, _Job] = {}
        self.untriaged = len(files)
        for path in files:
            if self.cancelled():
                return
            self.untriaged -= 1
            try:
                stat = path.stat()
                known = self.store.known_file(str(path), stat.st_size, stat.st_mtime)
                if known is None:
                    sha = sha256_of(path)
                    known = self.store.id_for_sha(sha)
                    if known is not None:
                        self._remember(path, stat.st_size, stat.st_mtime, known)
            except OSError as exc:
                self.fail(path, f"cannot read the file: {exc.strerror or exc}")
                self.tick(path)
                yield None
                continue
            if known is not None:
                self.duplicates += 1
                self.tick(path)
                yield None
                continue
            job = _Job(path, stat.st_size, stat.st_mtime, sha)
            original = first.setdefault(sha, job)
            if original is job:
                yield job
            elif original.failed is not None:  # settled already
                self.fail(path, original.failed)
                self.tick(path)
                yield None
            else:  # settled when the original is
                original.copies.append(job)
                yield None

    # -- storing

    def _retrying(self, write: Callable[[], T]) -> T:
        """``write()``, tried again while another program holds the library's write lock."""
        give_up = time.monotonic() + LOCK_WAIT_S
        pause = 0.05
        while True:
            try:
                return write()
            except sqlite3.Error as exc:
                if is_read_only(exc):
                    where = self.store.path or "the library"
                    raise LibraryError(
                        f"cannot write to {where}: it is read-only (file, folder or disk)"
                    ) from exc
                if not is_busy(exc) or time.monotonic() > give_up or self.cancelled():
                    raise
                log.info("the library is locked by another program; trying again")
                time.sleep(pause)
                pause = min(1.0, pause * 2)

    def _remember(self, path: Path, size: int, mtime: float, release_id: int) -> None:
        """Remember that a file holds a stored release (so the next import skips it)."""
        try:
            self._retrying(lambda: self.store.record_file(str(path), size, mtime, release_id))
        except sqlite3.Error as exc:  # only a shortcut for later imports is lost
            log.warning("cannot remember %s in the library: %s", path, exc)

    def parsed_ok(self, job: _Job, doc: Document) -> None:
        if not self.parsed:
            self.parsed_since = time.monotonic()
        self.parsed.append((job, doc))

    def parse_failed(self, job: _Job, reason: str) -> None:
        job.failed = reason or "the file could not be read"
        for one in (job, *job.copies):
            self.fail(one.path, job.failed)
            self.tick(one.path)
        job.copies.clear()

    def batch_due(self, idle: bool) -> bool:
        return bool(self.parsed) and (
            idle
            or len(self.parsed) >= BATCH_RELEASES
            or time.monotonic() - self.parsed_since >= BATCH_DELAY_S
        )

    def store_parsed(self) -> None:
        """Store the parsed releases in one transaction, then settle their files."""
        batch, self.parsed = self.parsed, []
        if not batch:
            return
        items = [(doc, job.mtime) for job, doc in batch]
        try:
            outcomes: list[AddResult | Exception] = self._retrying(
                lambda: self.store.add_many(items)
            )
        except LibraryError:
            raise
        except Exception as exc:
            log.exception("saving %d releases failed", len(batch))
            outcomes = [exc] * len(batch)
        for (job, _doc), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, Exception):
                if is_busy(outcome):
                    reason = "could not be saved: another program kept the library locked"
                else:
                    reason = f"could not be saved to the library ({failure_reason(outcome)})"
                self.parse_failed(job, reason)
                continue
            if outcome.added:
                self.imported.append(outcome.id)
            else:
                self.duplicates += 1
            for copy in job.copies:
                self._remember(copy.path, copy.size, copy.mtime, outcome.id)
                self.duplicates += 1
            for one in (job, *job.copies):
                self.tick(one.path)
            job.copies.clear()

    def report(self) -> ImportReport:
        return ImportReport(
            list(self.imported), self.duplicates, list(self.failed), self.was_cancelled, self.total
        )

    # -- parsing strategies

    def parse_in_process(self, jobs: Iterable[_Job | None]) -> None:
        for job in jobs:
            if self.cancelled():
                return
            if job is None:
                continue
            ok, payload = parse_safely(job.path)
            if ok:
                assert isinstance(payload, Document)
                self.parsed_ok(job, payload)
                self.store_parsed()
            else:
                self.parse_failed(job, str(payload))

    def parse_in_workers(
        self,
        queue: deque[_Job],
        feed: Iterator[_Job | None] | None,
        n_workers: int,
        timeout: float,
    ) -> None:
        """Parse ``queue``, and the files ``feed`` finds, in ``n_workers`` processes."""
        ctx = multiprocessing.get_context("spawn")
        workers: list[_Worker] = []
        finished = False
        try:
            workers = [_Worker(ctx) for _ in range(n_workers)]
            while not self.cancelled():
                hungry = False
                if feed is not None:  # check more files while the workers start or parse
                    starting = not all(w.ready for w in workers)
                    target = 1 << 30 if starting else (2 + QUEUE_AHEAD_FILES) * len(workers)
                    feed = _pull(feed, queue, target, time.monotonic() + _TRIAGE_SLICE_S)
                    hungry = feed is not None and len(queue) < target
                _dispatch(workers, queue)
                busy = any(w.jobs for w in workers)
                if not queue and feed is None and not busy:
                    break
                if self.batch_due(idle=not busy and not queue):
                    self.store_parsed()
                lost: list[_Worker] = []
                for conn in wait([w.conn for w in workers], timeout=self._wait_s(hungry)):
                    w = next(w for w in workers if w.conn is conn)
                    if not self._receive(w, queue):
                        lost.append(w)
                now = time.monotonic()
                for w in workers:
                    if w.jobs and now - w.job_started > timeout:
                        lost.append(w)
                        reason = f"took longer than {timeout:g} s (too large or damaged?)"
                        self.parse_failed(_drop(w, queue), reason)
                    elif not w.ready and now - w.started > WORKER_START_TIMEOUT_S:
                        raise _PoolBrokenError("a parser process did not start in time")
                # Replace killed or crashed workers only while there is work left for them.
                workers = [w for w in workers if w not in lost]
                left = len(queue) + sum(bool(w.jobs) for w in workers)
                want = n_workers if feed is not None else min(n_workers, left)
                workers += [_Worker(ctx) for _ in range(want - len(workers))]
            self.store_parsed()  # also after a cancel: what is parsed is kept
            finished = True
        except _PoolBrokenError as exc:
            log.warning("%s; parsing in this process instead", exc)
            pending = [j for w in workers for j in w.jobs] + list(queue)
            for w in workers:
                w.kill()
            workers = []
            self.parse_in_process([*pending, *(feed or ())])
        finally:
            keep = [w for w in workers if finished and not self.was_cancelled and w.ready]
            for w in keep:  # all at once: they exit side by side
                w.request_stop()
            for w in workers:
                if w in keep:
                    w.stop()
                else:
                    w.kill()

    def _wait_s(self, hungry: bool) -> float:
        if hungry:  # more files to check
            return 0.0
        if self.parsed:
            return max(0.0, min(_POLL_S, self.parsed_since + BATCH_DELAY_S - time.monotonic()))
        return _POLL_S

    def _receive(self, w: _Worker, queue: deque[_Job]) -> bool:
        """Handle one message from a worker; False when the worker is gone (crashed)."""
        try:
            message = w.conn.recv()
        except (EOFError, OSError):
            if not w.ready:
                raise _PoolBrokenError("a parser process stopped while starting") from None
            reason = w.crash_reason()
            if w.jobs:
                self.parse_failed(_drop(w, queue), reason)
            else:
                w.kill()
            return False
        if message == ("ready",):
            w.ready = True
            return True
        _task, ok, payload = message
        if w.jobs:
            job = w.answered()
            if ok:
                self.parsed_ok(job, payload)
            else:
                self.parse_failed(job, str(payload))
        return True


def _drop(w: _Worker, queue: deque[_Job]) -> _Job:
    """Kill a worker (stuck or crashed) and take back its files: the one it was parsing
    comes back; those queued behind it, not started, go back to the front of ``queue``."""
    w.kill()
    job = w.jobs.popleft()
    queue.extendleft(reversed(w.jobs))
    w.jobs.clear()
    return job


def _pull(
    feed: Iterator[_Job | None], queue: deque[_Job], target: int, until: float
) -> Iterator[_Job | None] | None:
    """Move jobs from ``feed`` to ``queue`` up to ``target`` or the time ``until``;
    None once ``feed`` is exhausted."""
    while len(queue) < target:
        item = next(feed, _END)
        if item is _END:
            return None
        if isinstance(item, _Job):
            queue.append(item)
        if time.monotonic() >= until:
            break
    return feed


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
        progress: called as progress(done, total, path) after each file (once it is
            stored, or found a duplicate, or failed), and once with (0, total, None)
            before the first.
        cancelled: polled often; when it returns True the import stops promptly,
            keeping the files already parsed.
        workers: parser processes (None: one per core, at most 4, and none for a few
            small text files; 0: parse in this process, with no time limit).
        timeout: seconds allowed per file (None: the preference default, 120 s).

    Raises:
        LibraryError: the library cannot be written (read-only file, folder or disk).
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
    # Check files until it is clear whether worker processes are worth starting; the
    # rest are checked while they start.
    feed: Iterator[_Job | None] | None = run.triage(files)
    queue: deque[_Job] = deque()
    for job in feed:
        if job is not None:
            queue.append(job)
            if workers != 0 and (workers is not None or not _is_small(queue)):
                break
    else:
        feed = None
    if queue and not run.cancelled():
        if feed is None and (workers == 0 or (workers is None and _is_small(queue))):
            run.parse_in_process(queue)
        else:
            n = _worker_count(workers, len(queue) + run.untriaged)
            run.parse_in_workers(queue, feed, n, limit)
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


def _is_small(jobs: Iterable[_Job]) -> bool:
    jobs = list(jobs)
    return (
        len(jobs) <= SMALL_IMPORT_FILES
        and sum(j.size for j in jobs) <= SMALL_IMPORT_BYTES
        and not any(j.path.suffix.lower() == ".pdf" for j in jobs)
    )
