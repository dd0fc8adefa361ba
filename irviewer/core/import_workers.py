"""Parser processes for the importer, and parsing that never raises.

Each worker is a spawned process (safe beside Qt threads, on every platform) that parses
the paths it is sent, one after another, and sends back a Document or a reason. The
importer keeps small files queued behind a small file (see ``Worker.can_take``), so a
worker never waits for the parent between quick files, and kills a worker whose file
takes too long (``Worker.job_started``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from irviewer.core.records import Document, ParseError

log = logging.getLogger(__name__)

# A worker gets files queued behind the one it parses only when they are all small text
# files: quick files then never wait for the parent (busy storing a batch of releases for
# ~15 ms), while slow ones go to whichever worker is free first.
QUEUE_AHEAD_BYTES = 256_000
QUEUE_AHEAD_FILES = 2
_MAX_REASON = 300


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
        if message is None:  # done: skip the interpreter's tear-down (~0.1 s), nothing to save
            conn.close()
            os._exit(0)
        task, path = message
        ok, payload = parse_safely(Path(path))
        try:
            conn.send((task, ok, payload))
        except Exception as exc:  # e.g. a result that cannot be pickled
            conn.send((task, False, f"could not pass the result back ({failure_reason(exc)})"))


class PoolBrokenError(Exception):
    """Worker processes cannot start here; parse in-process instead."""


@dataclass(eq=False)
class Job:
    """A file to parse, and the copies of its content found in the same import."""

    path: Path
    size: int
    mtime: float
    sha: str
    copies: list[Job] = field(default_factory=list)  # same content met again in this import
    failed: str | None = None  # the reason, once it failed


def _quick(job: Job) -> bool:
    return job.size <= QUEUE_AHEAD_BYTES and job.path.suffix.lower() != ".pdf"


class Worker:
    """One parser process, and the files sent to it that it has not answered yet."""

    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
        try:
            self.proc.start()
        except Exception as exc:  # no processes here (sandbox, frozen app without support)
            self.conn.close()
            reason = failure_reason(exc)
            raise PoolBrokenError(f"cannot start a parser process ({reason})") from exc
        finally:
            child.close()
        self.started = time.monotonic()
        self.ready = False
        self.jobs: deque[Job] = deque()  # sent and not answered yet; the first is parsing
        self.job_started = 0.0  # when the first of ``jobs`` began (as far as we know)

    @property
    def job(self) -> Job | None:
        """The file being parsed."""
        return self.jobs[0] if self.jobs else None

    def can_take(self, job: Job) -> bool:
        if not self.ready or len(self.jobs) > QUEUE_AHEAD_FILES:
            return False
        return not self.jobs or (_quick(job) and all(_quick(j) for j in self.jobs))

    def send(self, job: Job) -> None:
        if not self.jobs:
            self.job_started = time.monotonic()
        self.jobs.append(job)
        with contextlib.suppress(OSError):  # a dead worker shows up as EOF on its pipe
            self.conn.send((id(job), str(job.path)))

    def answered(self) -> Job:
        """The first job is done; the next one (already sent) starts now."""
        job = self.jobs.popleft()
        self.job_started = time.monotonic()
        return job

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def request_stop(self) -> None:
        """Ask the worker to exit once it is done with the files it has."""
        with contextlib.suppress(OSError):
            self.conn.send(None)

    def stop(self) -> None:
        self.request_stop()
        self.proc.join(2)
        self.kill()

    def crash_reason(self) -> str:
        self.proc.join(1)
        code = self.proc.exitcode
        return f"the reader crashed on this file (exit code {code}; damaged?)"


def dispatch(workers: list[Worker], queue: deque[Job]) -> None:
    """Give each idle worker a file, then queue small files behind small ones, in turn."""
    for w in workers:
        if queue and w.ready and not w.jobs:
            w.send(queue.popleft())
    for _ in range(QUEUE_AHEAD_FILES):
        for w in workers:
            if queue and w.can_take(queue[0]):
                w.send(queue.popleft())
