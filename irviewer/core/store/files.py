"""Whether the library's files can be written, told before SQLite fails on them.

A library in WAL mode is the file plus two working files beside it (``-wal``, ``-shm``)
that SQLite creates and removes: it needs the file, and the folder (or those two files),
writable. SQLite's own error for these cases ("attempt to write a readonly database",
"unable to open database file") comes late and does not say which one is at fault.
"""

from __future__ import annotations

import os
from pathlib import Path

WORKING_SUFFIXES = ("-wal", "-shm")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def read_only_problem(path: Path) -> str | None:
    """Why the library at ``path`` cannot be written or created; None when it can."""
    if path.is_dir():
        return "that is a folder, not a library file"
    folder = path.parent
    if not path.exists():
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is not None and existing.is_dir() and not _folder_writable(existing):
            return f"the folder {existing} is read-only, so the library cannot be created there"
        return None
    if not _writable(path):
        return "the file is read-only (irviewer writes every import and correction to it)"
    working = [path.with_name(path.name + suffix) for suffix in WORKING_SUFFIXES]
    for extra in working:
        if extra.exists() and not _writable(extra):
            return f"its working file {extra.name} is read-only"
    if not _folder_writable(folder) and not all(p.exists() for p in working):
        return (
            f"the folder {folder} is read-only (SQLite keeps working files beside the "
            "library, so its folder must be writable)"
        )
    return None
