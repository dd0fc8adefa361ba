"""Shared fixtures. Qt runs offscreen; the real documents come from ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("IRVIEWER_SHARED", REPO.parent / "shared"))


def _shared_subdir(name: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is missing: the real-document tests need the shared folder beside the repo")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five ImmunoGen seed documents."""
    return _shared_subdir("seeds")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The scored corpus (files/ and truth/)."""
    return _shared_subdir("corpus")


@pytest.fixture(scope="session")
def seed_path(seeds_dir: Path):
    """seed_path('003') -> the seed file whose name starts with 003."""

    def find(prefix: str) -> Path:
        matches = sorted(seeds_dir.glob(f"{prefix}_*"))
        if not matches:
            pytest.skip(f"seed {prefix} missing from {seeds_dir}")
        return matches[0]

    return find
