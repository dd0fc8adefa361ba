"""User preferences: a typed, frozen dataclass with defaults, saved as JSON.

Window geometry and other Qt state belong in QSettings, not here. Change a value with
``dataclasses.replace(prefs, field=value)`` and ``save`` the result.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PREFS_FILE_NAME = "prefs.json"
DEFAULT_IMPORT_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class Prefs:
    """Preferences with their defaults; unknown or ill-typed values in a file are ignored."""

    import_timeout_s: float = DEFAULT_IMPORT_TIMEOUT_S  # per-file parse limit
    import_workers: int = 0  # parser processes; 0 = one per core (at most 4)
    library_path: str | None = None  # None = the default library in the user-data folder
    last_import_dir: str | None = None
    last_export_dir: str | None = None
    search_limit: int = 200  # most hits a search returns
    group_by_year: bool = True  # timeline grouped under year headings

    def __post_init__(self) -> None:
        if not self.import_timeout_s > 0:
            raise ValueError(f"import_timeout_s must be positive, not {self.import_timeout_s}")
        if self.import_workers < 0:
            raise ValueError(f"import_workers must be 0 (auto) or more, not {self.import_workers}")
        if self.search_limit < 1:
            raise ValueError(f"search_limit must be at least 1, not {self.search_limit}")

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Prefs:
        """Build from parsed JSON, keeping the default for anything missing or wrong."""
        if not isinstance(data, dict):
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if _fits(value, getattr(defaults, f.name), str(f.type)):
                values[f.name] = float(value) if str(f.type) == "float" else value
            else:
                log.warning("preference %s: ignoring %r", f.name, value)
        try:
            return cls(**values)
        except ValueError as exc:
            log.warning("preferences: %s; using the defaults", exc)
            return cls()

    @classmethod
    def load(cls, path: str | Path) -> Prefs:
        """Read preferences; a missing or unreadable file gives the defaults."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("cannot read preferences %s: %s", path, exc)
            return cls()
        return cls.from_json(data)

    def save(self, path: str | Path) -> None:
        """Write atomically (a temporary file, then rename), creating the folder."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".prefs-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.to_json(), fh, indent=2, sort_keys=True)
                fh.write("\n")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _fits(value: object, default: object, type_name: str) -> bool:
    """Whether a JSON value suits a field annotated ``type_name`` (as a string)."""
    if value is None:
        return "None" in type_name
    if "bool" in type_name:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if type_name.startswith("float"):
        return isinstance(value, int | float)
    if type_name.startswith("int"):
        return isinstance(value, int)
    if type_name.startswith("str"):
        return isinstance(value, str)
    return isinstance(value, type(default))


def default_prefs_path() -> Path:
    """prefs.json in the user-data folder (beside the default library)."""
    from irviewer.paths import user_data_dir

    return user_data_dir(create=False) / PREFS_FILE_NAME  # save() creates the folder
