"""Where the app keeps its files, and the demo library kept apart from the user's own.

The demo is imported from ``resources/demo`` into its own library file the first time it is
needed (and again when the shipped demo files change), so the user's library never holds demo
releases. ``IRVIEWER_DEMO_DIR`` points the app at another demo folder (development only).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from irviewer.paths import default_library_path, demo_dir, user_data_dir

DEMO_LIBRARY_NAME = "demo-library.sqlite"


@dataclass(frozen=True)
class DataPaths:
    """The files the app uses; the self-test and screenshots point them at a temp folder."""

    data_dir: Path
    user_library: Path
    demo_library: Path
    demo_source: Path
    settings_file: Path | None = None  # None: the platform's settings store

    @classmethod
    def default(cls) -> DataPaths:
        data = user_data_dir()
        return cls(data, default_library_path(), data / DEMO_LIBRARY_NAME, demo_source_dir())

    @classmethod
    def in_folder(cls, folder: Path, demo_source: Path | None = None) -> DataPaths:
        """Everything inside ``folder`` (self-test, screenshots, tests)."""
        folder.mkdir(parents=True, exist_ok=True)
        return cls(
            folder,
            folder / "library.sqlite",
            folder / DEMO_LIBRARY_NAME,
            demo_source or demo_source_dir(),
            folder / "irviewer.ini",
        )

    def is_demo(self, library: Path) -> bool:
        return _same(library, self.demo_library)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def demo_source_dir() -> Path:
    override = os.environ.get("IRVIEWER_DEMO_DIR")
    return Path(override) if override else demo_dir()


def demo_files(folder: Path) -> list[Path]:
    """The demo's release files: everything but hidden files and the folder's README."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".") and not p.name.upper().startswith("README")
    )


def demo_signature(folder: Path) -> str:
    """Names and sizes of the demo files: changes when a new version ships different files."""
    import hashlib  # not at start-up: OpenSSL's module takes ~10 ms to load

    digest = hashlib.sha256()
    for path in demo_files(folder):
        digest.update(f"{path.relative_to(folder)}\0{path.stat().st_size}\n".encode())
    return digest.hexdigest()[:16]
