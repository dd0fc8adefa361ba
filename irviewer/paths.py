"""Where resources live (checkout or PyInstaller bundle) and where the default library goes."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "irviewer"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, under _MEIPASS when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_dir() -> Path:
    return resources_dir() / "demo"


def user_data_dir(create: bool = True) -> Path:
    """The platform's per-user data folder (created unless ``create`` is False)."""
    import platformdirs

    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_library_path() -> Path:
    return user_data_dir() / "library.sqlite"
