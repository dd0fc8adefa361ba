"""The Windows version resource (``packaging/version_info.txt``) rendered from pyproject.toml.

The spec rewrites the file when the project's version changes; tests check it is current.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VERSION_INFO = REPO / "packaging" / "version_info.txt"


def project(repo: Path = REPO) -> dict:
    """The ``[project]`` table of pyproject.toml."""
    return tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3rc1' -> (1, 2, 3, 0): the leading numbers, padded to four."""
    release = re.match(r"\d+(?:\.\d+)*", version.strip())
    numbers = [min(int(n), 0xFFFF) for n in release.group().split(".")] if release else []
    numbers += [0, 0, 0, 0]
    return tuple(numbers[:4])  # type: ignore[return-value]


def render(name: str, version: str, description: str) -> str:
    """The VSVersionInfo text that PyInstaller's ``EXE(version=...)`` reads."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": name,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{name}.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
# Generated from pyproject.toml by packaging/version_info.py: do not edit by hand.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def current_text(repo: Path = REPO) -> str:
    meta = project(repo)
    return render(meta["name"], meta["version"], meta.get("description", meta["name"]))


def write_if_changed(repo: Path = REPO) -> Path:
    """Rewrite packaging/version_info.txt when it does not match pyproject.toml."""
    path = repo / "packaging" / "version_info.txt"
    text = current_text(repo)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    write_if_changed()
