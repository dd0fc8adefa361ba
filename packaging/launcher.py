"""Entry point of the PyInstaller bundle: the `irviewer` command, made safe for frozen workers.

The importer parses files in *spawned* worker processes. In a frozen app a spawned worker
re-runs this executable, so ``multiprocessing.freeze_support()`` must come first: it turns such
a launch into the worker instead of a second copy of the app.

``IRVIEWER_BUNDLE_CHECK=1`` runs packaging/bundle_check.py instead (a smoke test of what the
bundle ships: QtPdf, SVG, pypdfium2, SQLite FTS5, resources, worker processes, data paths).
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def main() -> int:
    multiprocessing.freeze_support()
    if os.environ.get("IRVIEWER_BUNDLE_CHECK"):
        from bundle_check import run_checks

        return run_checks()
    from irviewer.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
